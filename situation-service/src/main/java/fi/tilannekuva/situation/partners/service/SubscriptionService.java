package fi.tilannekuva.situation.partners.service;

import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.situation.partners.api.AttemptView;
import fi.tilannekuva.situation.partners.api.CreatedSubscription;
import fi.tilannekuva.situation.partners.api.DeliveryLog;
import fi.tilannekuva.situation.partners.api.NewSecret;
import fi.tilannekuva.situation.partners.api.NewSubscription;
import fi.tilannekuva.situation.partners.api.ReplayRequest;
import fi.tilannekuva.situation.partners.api.ReplayView;
import fi.tilannekuva.situation.partners.api.SecretRotation;
import fi.tilannekuva.situation.partners.api.SubscriptionChange;
import fi.tilannekuva.situation.partners.api.SubscriptionView;
import fi.tilannekuva.situation.partners.config.PartnersConfig;
import fi.tilannekuva.situation.partners.repository.AttemptEntity;
import fi.tilannekuva.situation.partners.repository.AttemptRepository;
import fi.tilannekuva.situation.partners.repository.JournalRepository;
import fi.tilannekuva.situation.partners.repository.JournalRepository.JournalEvent;
import fi.tilannekuva.situation.partners.repository.SubscriptionEntity;
import fi.tilannekuva.situation.partners.repository.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The partners' subscriptions: the ministry manages them, a partner reads its own, and both may see the delivery log,
 * ask for an event again, replay, and rotate the secret.
 */
@ApplicationScoped
public class SubscriptionService {

    /** A partner's name: as in its tokens' {@code partner} claim. */
    public static final Pattern PARTNER = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 200;
    static final Duration MAX_GRACE = Duration.ofDays(7);

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    AttemptRepository attempts;

    @Inject
    JournalRepository journal;

    @Inject
    PartnersConfig config;

    @Inject
    Clock clock;

    /**
     * Who asks: the ministry (every subscription) or a partner (its own; null for anyone else, who reaches none).
     *
     * @param ministry whether the caller has the role roadmap-admin
     * @param partner the caller's partner claim, or null
     */
    public record Caller(boolean ministry, String partner) {}

    /** Creates a subscription; it receives the events journaled from now on (a replay brings the earlier ones). */
    @Transactional
    public CreatedSubscription create(NewSubscription request) {
        List<ProblemError> errors = new ArrayList<>();
        if (request.partner() == null || !PARTNER.matcher(request.partner()).matches()) {
            errors.add(ProblemError.at(
                    "/partner", "partner", "must be 2–40 lower-case letters, digits or dashes, as in the token"));
        }
        checkDescription(request.description(), errors);
        String url = checkUrl(request.url(), errors);
        List<String> types = checkTypes(request.types(), true, errors);
        List<String> units = checkUnits(request.units(), errors);
        List<String> groups = checkGroups(request.groups(), errors);
        refuseIfAny(errors);
        Instant now = clock.instant();
        SubscriptionEntity entity = new SubscriptionEntity();
        entity.id = UUID.randomUUID();
        entity.partner = request.partner();
        entity.description = request.description();
        entity.url = url;
        entity.types = types.toArray(String[]::new);
        entity.units = units.toArray(String[]::new);
        entity.groups = groups.toArray(String[]::new);
        entity.confidential = Boolean.TRUE.equals(request.confidential());
        entity.state = SubscriptionEntity.ACTIVE;
        entity.stateChangedAt = now;
        entity.secret = WebhookSigner.newSecret();
        entity.deliveredPosition = journal.last();
        entity.createdAt = now;
        entity.updatedAt = now;
        subscriptions.persist(entity);
        return new CreatedSubscription(view(entity), entity.secret);
    }

    /** The subscriptions the caller may see. */
    @Transactional
    public List<SubscriptionView> list(Caller caller) {
        if (!caller.ministry() && caller.partner() == null) {
            return List.of();
        }
        return subscriptions.listFor(caller.ministry() ? null : caller.partner()).stream()
                .map(this::view)
                .toList();
    }

    /** One subscription the caller may see; 404 otherwise. */
    @Transactional
    public SubscriptionView get(UUID id, Caller caller) {
        return view(find(id, caller));
    }

    /** Changes the fields given; setting ACTIVE resumes a failing or disabled subscription from where it stopped. */
    @Transactional
    public SubscriptionView change(UUID id, SubscriptionChange change, Caller caller) {
        SubscriptionEntity entity = find(id, caller);
        List<ProblemError> errors = new ArrayList<>();
        checkDescription(change.description(), errors);
        String url = change.url() == null || change.url().isEmpty() ? null : checkUrl(change.url(), errors);
        List<String> types = change.types() == null ? null : checkTypes(change.types(), true, errors);
        List<String> units = change.units() == null ? null : checkUnits(change.units(), errors);
        List<String> groups = change.groups() == null ? null : checkGroups(change.groups(), errors);
        if (change.state() != null
                && !change.state().equals(SubscriptionEntity.ACTIVE)
                && !change.state().equals(SubscriptionEntity.DISABLED)) {
            errors.add(ProblemError.at("/state", "state", "must be ACTIVE or DISABLED"));
        }
        refuseIfAny(errors);
        Instant now = clock.instant();
        if (change.description() != null) {
            entity.description = change.description();
        }
        if (change.url() != null) {
            entity.url = url;
        }
        if (types != null) {
            entity.types = types.toArray(String[]::new);
        }
        if (units != null) {
            entity.units = units.toArray(String[]::new);
        }
        if (groups != null) {
            entity.groups = groups.toArray(String[]::new);
        }
        if (change.confidential() != null) {
            entity.confidential = change.confidential();
        }
        if (change.state() != null && !change.state().equals(entity.state)) {
            entity.state = change.state();
            entity.stateReason = change.state().equals(SubscriptionEntity.ACTIVE) ? null : "paused by the ministry";
            entity.stateChangedAt = now;
            entity.failures = 0;
            entity.nextAttemptAt = null;
        }
        entity.updatedAt = now;
        return view(entity);
    }

    /** Deletes a subscription and its log. */
    @Transactional
    public void delete(UUID id, Caller caller) {
        subscriptions.delete(find(id, caller));
    }

    /** A new signing secret; the previous one keeps signing beside it for the grace. */
    @Transactional
    public NewSecret rotate(UUID id, SecretRotation rotation, Caller caller) {
        SubscriptionEntity entity = find(id, caller);
        Duration grace =
                rotation == null || rotation.grace() == null ? config.webhooks().secretGrace() : rotation.grace();
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw invalid("rotation", "/grace", "grace", "must be between PT0S and P7D");
        }
        Instant now = clock.instant();
        entity.previousSecret = grace.isZero() ? null : entity.secret;
        entity.previousSecretUntil = grace.isZero() ? null : now.plus(grace);
        entity.secret = WebhookSigner.newSecret();
        entity.updatedAt = now;
        return new NewSecret(entity.secret, entity.previousSecretUntil);
    }

    /** A page of the delivery log, newest first. */
    @Transactional
    public DeliveryLog deliveries(UUID id, Long before, int limit, Caller caller) {
        SubscriptionEntity entity = find(id, caller);
        List<AttemptEntity> page = attempts.newestFirst(entity.id, before, limit + 1);
        List<AttemptView> views =
                page.stream().limit(limit).map(SubscriptionService::view).toList();
        Long next = page.size() > limit ? views.get(views.size() - 1).id() : null;
        return new DeliveryLog(entity.id, views, next);
    }

    /** Asks for one event the subscription takes to be delivered once more, ahead of the others. */
    @Transactional
    public void redeliver(UUID id, String eventId, Caller caller) {
        SubscriptionEntity entity = find(id, caller);
        if (eventId == null || eventId.isBlank()) {
            throw invalid("redelivery", "/eventId", "eventId", "is required: the event to deliver again");
        }
        requireWebhook(entity);
        JournalEvent event = journal.byEventId(entity.id, eventId);
        if (event == null) {
            throw ProblemException.notFound("Subscription " + id + " takes no event " + Problem.bounded(eventId) + ".");
        }
        attempts.requestRedelivery(entity.id, event.position(), clock.instant());
    }

    /**
     * Delivers again every event the subscription takes since an instant, or after a position, in order, with the
     * same {@code webhook-id}s; then the normal deliveries go on.
     */
    @Transactional
    public ReplayView replay(UUID id, ReplayRequest request, Caller caller) {
        SubscriptionEntity entity = find(id, caller);
        if (request == null || (request.since() == null) == (request.after() == null)) {
            throw invalid(
                    "replay", "", "since", "give exactly one of since (an instant) and after (a journal position)");
        }
        if (request.after() != null && request.after() < 0) {
            throw invalid("replay", "/after", "after", "must not be negative");
        }
        requireWebhook(entity);
        long until = Math.max(entity.deliveredPosition, entity.replayUntil == null ? 0 : entity.replayUntil);
        long from;
        if (request.since() != null) {
            Long first = journal.firstSince(entity.id, request.since());
            from = first == null ? until : Math.min(first - 1, until);
        } else {
            from = Math.min(request.after(), until);
        }
        if (from < entity.deliveredPosition) {
            entity.deliveredPosition = from;
        }
        entity.replayUntil = until;
        entity.replaySince = request.since();
        entity.failures = 0;
        entity.nextAttemptAt = null;
        entity.updatedAt = clock.instant();
        subscriptions.flush();
        long events = journal.backlog(entity.id);
        return new ReplayView(entity.deliveredPosition, until, request.since(), events);
    }

    /** The subscription if the caller may see it; 404 otherwise (another partner's is not revealed). */
    SubscriptionEntity find(UUID id, Caller caller) {
        SubscriptionEntity entity = subscriptions.findById(id);
        if (entity == null || !(caller.ministry() || entity.partner.equals(caller.partner()))) {
            throw ProblemException.notFound("No subscription " + id + ".");
        }
        return entity;
    }

    SubscriptionView view(SubscriptionEntity entity) {
        return new SubscriptionView(
                entity.id,
                entity.partner,
                entity.description,
                entity.url,
                List.of(entity.types),
                List.of(entity.units),
                List.of(entity.groups),
                entity.confidential,
                entity.state,
                entity.stateReason,
                entity.stateChangedAt,
                entity.deliveredPosition,
                journal.backlog(entity.id),
                entity.failures,
                entity.nextAttemptAt,
                entity.replayUntil,
                entity.previousSecretUntil,
                entity.createdAt,
                entity.updatedAt);
    }

    private static AttemptView view(AttemptEntity attempt) {
        return new AttemptView(
                attempt.id,
                attempt.position,
                attempt.eventId,
                attempt.attempt,
                attempt.kind,
                attempt.attemptedAt,
                attempt.status,
                attempt.latencyMs,
                attempt.error,
                attempt.nextRetryAt);
    }

    private static void requireWebhook(SubscriptionEntity entity) {
        if (entity.url == null) {
            throw new ProblemException(Problem.of(
                    "feed-only-subscription",
                    "Feed-only subscription",
                    409,
                    "Subscription " + entity.id + " has no endpoint: read its events from the feed."));
        }
    }

    private static void checkDescription(String description, List<ProblemError> errors) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(ProblemError.at("/description", "description", "must be at most 200 characters"));
        } else if (description != null
                && description.codePoints().anyMatch(c -> Character.isISOControl(c) || (c >= 0xD800 && c <= 0xDFFF))) {
            errors.add(ProblemError.at(
                    "/description", "description", "must be text without control characters or lone surrogates"));
        }
    }

    private String checkUrl(String url, List<ProblemError> errors) {
        if (url == null) {
            return null;
        }
        if (url.length() > MAX_URL) {
            errors.add(ProblemError.at("/url", "url", "must be at most 2000 characters"));
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            errors.add(ProblemError.at("/url", "url", "is not a URL: " + e.getReason()));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean http = scheme.equals("http") && config.webhooks().allowHttp();
        if (!scheme.equals("https") && !http) {
            errors.add(ProblemError.at(
                    "/url",
                    "url",
                    config.webhooks().allowHttp() ? "must be an http or https URL" : "must be an https URL"));
        } else if (uri.getHost() == null) {
            errors.add(ProblemError.at("/url", "url", "must name a host"));
        } else if (uri.getUserInfo() != null) {
            errors.add(ProblemError.at("/url", "url", "must not carry a user or password"));
        } else if (uri.getFragment() != null) {
            errors.add(ProblemError.at("/url", "url", "must not have a fragment"));
        }
        return url;
    }

    private static List<String> checkTypes(List<String> types, boolean required, List<ProblemError> errors) {
        if (types == null || types.isEmpty()) {
            if (required) {
                errors.add(ProblemError.at("/types", "types", "name at least one of " + PartnerEvents.TYPES));
            }
            return List.of();
        }
        return checkAll("types", types, PartnerEvents.TYPES, errors);
    }

    private static List<String> checkUnits(List<String> units, List<ProblemError> errors) {
        return units == null ? List.of() : checkAll("units", units, Units.ALL, errors);
    }

    private static List<String> checkGroups(List<String> groups, List<ProblemError> errors) {
        return groups == null ? List.of() : checkAll("groups", groups, Group.codes(), errors);
    }

    private static List<String> checkAll(
            String field, List<String> values, List<String> known, List<ProblemError> errors) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !known.contains(value)) {
                errors.add(ProblemError.at(
                        "/" + field + "/" + i,
                        field,
                        "unknown: " + (value == null ? "null" : Problem.bounded(value)) + "; one of " + known));
            } else {
                distinct.add(value);
            }
        }
        return List.copyOf(distinct);
    }

    /** 422 naming the one field of a request that is wrong. */
    private static ProblemException invalid(String what, String pointer, String field, String message) {
        return new ProblemException(Problem.of(
                "invalid-" + what,
                "Invalid " + what,
                422,
                field + ": " + message,
                List.of(ProblemError.at(pointer, field, message))));
    }

    private static void refuseIfAny(List<ProblemError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(
                    "invalid-subscription",
                    "Invalid subscription",
                    422,
                    "The subscription has invalid fields.",
                    errors));
        }
    }
}
