package fi.tilannekuva.status.service;

import fi.tilannekuva.status.api.RoundView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The reminder mails in Finnish, Swedish and English. */
final class ReminderTexts {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    record Text(String subject, String body) {}

    private ReminderTexts() {}

    static Text of(String kind, String language, RoundView round, String region, List<String> silent) {
        String due = DateTimeFormatter.ofPattern(
                        language.equals("en") ? "d MMMM yyyy 'at' HH:mm" : "d.M.yyyy 'klo' HH.mm",
                        Locale.forLanguageTag(language))
                .withZone(HELSINKI)
                .format(round.dueAt());
        if (language.equals("sv")) {
            due = due.replace("klo", "kl.");
        }
        String missing = String.join(", ", silent);
        if (kind.equals(RoundReminders.DIGEST)) {
            return new Text(
                    "Tilannekuva: kierros " + round.name() + " - raportoimatta " + silent.size() + " yksikköä",
                    "Kierroksen " + round.name() + " määräaika (" + due + ") on mennyt. Raportoimatta: " + missing
                            + ".\n\nMyöhästyneet raportit hyväksytään kierroksen sulkeutumiseen asti.\n");
        }
        boolean late = kind.equals(ReminderLedger.LATE);
        return switch (language) {
            case "sv" ->
                new Text(
                        (late ? "Tilannekuva: rapporten för omgång " : "Tilannekuva: påminnelse om omgång ")
                                + round.name(),
                        (late
                                        ? region + " har inte rapporterat i omgång " + round.name()
                                                + ", som skulle vara klar " + due
                                                + ". Rapporter tas emot tills omgången stänger.\n"
                                        : region + " har ännu inte rapporterat i omgång " + round.name()
                                                + ". Rapporterna ska vara inne " + due + ".\n")
                                + "\nOm inget har ändrats räcker det att bekräfta läget som oförändrat.\n");
            case "en" ->
                new Text(
                        (late
                                ? "Tilannekuva: round " + round.name() + " report is late"
                                : "Tilannekuva: reminder of round " + round.name()),
                        (late
                                        ? region + " has not reported in round " + round.name() + ", which was due "
                                                + due + ". Reports are accepted until the round closes.\n"
                                        : region + " has not reported in round " + round.name()
                                                + " yet. Reports are due " + due + ".\n")
                                + "\nIf nothing has changed, confirming the statuses as unchanged is enough.\n");
            default ->
                new Text(
                        (late
                                ? "Tilannekuva: kierroksen " + round.name() + " raportti myöhässä"
                                : "Tilannekuva: muistutus kierroksesta " + round.name()),
                        (late
                                        ? region + " ei ole raportoinut kierroksella " + round.name()
                                                + ", jonka määräaika oli " + due
                                                + ". Raportteja otetaan vastaan kierroksen sulkeutumiseen asti.\n"
                                        : region + " ei ole vielä raportoinut kierroksella " + round.name()
                                                + ". Raporttien määräaika on " + due + ".\n")
                                + "\nJos mikään ei ole muuttunut, tilanteen voi vahvistaa ennallaan.\n");
        };
    }
}
