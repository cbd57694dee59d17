package fi.tilannekuva.status.service;

import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.status.api.ContactView;
import fi.tilannekuva.status.repository.ReminderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The contacts the ministry keeps per unit for the round reminders (personal data: the ministry's to read). */
@ApplicationScoped
public class UnitContacts {

    /** The most addresses one unit may have. */
    public static final int MAX_CONTACTS = 20;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    ReminderRepository contacts;

    /** The unit's contacts. */
    @Transactional
    public List<ContactView> of(String region) {
        requireUnit(region);
        return contacts.contacts(region).stream()
                .map(contact -> new ContactView(contact.email(), contact.language()))
                .toList();
    }

    /**
     * Replaces the unit's contacts.
     *
     * @throws ProblemException 404 for an unknown unit; 422 naming every bad address or language
     */
    @Transactional
    public List<ContactView> replace(String region, List<ContactView> given) {
        requireUnit(region);
        List<ProblemError> errors = new ArrayList<>();
        if (given == null) {
            errors.add(ProblemError.at("", "body", "a list of contacts is required (empty to remove all)"));
        } else if (given.size() > MAX_CONTACTS) {
            errors.add(ProblemError.at("", "body", "at most " + MAX_CONTACTS + " contacts"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < given.size(); i++) {
                ContactView contact = given.get(i);
                String email = contact == null ? null : contact.email();
                if (email == null
                        || email.length() > 254
                        || !EMAIL.matcher(email).matches()) {
                    errors.add(ProblemError.at(
                            "/" + i + "/email",
                            "[" + i + "].email",
                            "not an e-mail address: " + Problem.bounded(email)));
                } else if (!seen.add(email.toLowerCase())) {
                    errors.add(ProblemError.at("/" + i + "/email", "[" + i + "].email", "listed twice"));
                }
                String language = contact == null ? null : contact.language();
                if (!List.of("fi", "sv", "en").contains(language)) {
                    errors.add(ProblemError.at("/" + i + "/language", "[" + i + "].language", "one of fi, sv, en"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    Problem.of("invalid-contacts", "Invalid contacts", 422, "Nothing was changed.", errors));
        }
        contacts.replaceContacts(
                region,
                given.stream()
                        .map(contact -> new ReminderRepository.Contact(contact.email(), contact.language()))
                        .toList());
        return of(region);
    }

    private static void requireUnit(String region) {
        if (!Units.ALL.contains(region)) {
            throw ProblemException.notFound("No reporting unit has this code.");
        }
    }
}
