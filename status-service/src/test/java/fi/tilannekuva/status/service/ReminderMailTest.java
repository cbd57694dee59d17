package fi.tilannekuva.status.service;

import static fi.tilannekuva.status.Reports.item;
import static fi.tilannekuva.status.Reports.post;
import static fi.tilannekuva.status.Reports.round;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.events.RoundEvent;
import fi.tilannekuva.kit.events.RoundReminder;
import fi.tilannekuva.local.LocalInfra;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.Rounds;
import fi.tilannekuva.status.StatusEvents;
import fi.tilannekuva.status.TestRoadmaps;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The reminders, read from the real SMTP server the tests start: the silent units' contacts are reminded before the
 * due date in their own language and noticed late after it, the ministry gets the digest, a unit that reported gets
 * nothing, and nothing goes twice although four callers look at once besides the scheduler.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
class ReminderMailTest {

    private static final String FI_UNIT = "etela-savo";
    private static final String SV_UNIT = "ita-uusimaa";
    private static final String REPORTS = "keski-pohjanmaa";

    @Inject
    RoundReminders reminders;

    record Received(String to, String subject, String body) {}

    private static List<Received> mails(String roundName) throws MessagingException {
        List<Received> found = new ArrayList<>();
        for (MimeMessage message : LocalInfra.shared().smtp().received()) {
            if (message.getSubject().contains(roundName)) {
                for (var address : message.getRecipients(Message.RecipientType.TO)) {
                    found.add(new Received(address.toString(), message.getSubject(), text(message)));
                }
            }
        }
        return found;
    }

    /** The decoded text of a plain-text mail (or of its first part). */
    private static String text(MimeMessage message) throws MessagingException {
        try {
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                content = multipart.getBodyPart(0).getContent();
            }
            return String.valueOf(content);
        } catch (java.io.IOException e) {
            throw new MessagingException("unreadable mail", e);
        }
    }

    private static List<Received> to(List<Received> mails, String address) {
        return mails.stream().filter(mail -> mail.to().equals(address)).toList();
    }

    private static List<Received> titled(List<Received> mails, String subject) {
        return mails.stream().filter(mail -> mail.subject().equals(subject)).toList();
    }

    private static void contacts(String region, List<Map<String, String>> contacts) {
        given().auth()
                .oauth2(Rounds.ADMIN)
                .contentType("application/json")
                .body(contacts)
                .put("/api/v1/regions/" + region + "/contacts")
                .then()
                .statusCode(200);
    }

    private void fourAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 4)
                    .<Callable<Integer>>mapToObj(i -> reminders::remind)
                    .toList();
            for (var future : pool.invokeAll(calls)) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void awaitMails(String name, int count) throws Exception {
        // up to 30 s for a conversation the server gives up on (its socket timeout), then the one send again
        long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
        while (mails(name).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    @Test
    void silentUnitsAreRemindedInTheirLanguageThenNoticedLateAndTheMinistryGetsTheDigestOnce() throws Exception {
        TestRoadmaps.ensurePublished();
        String fiAddress = "tilannekuva-" + UUID.randomUUID().toString().substring(0, 6) + "@etelasavo.example";
        String svAddress = "lagesbild-" + UUID.randomUUID().toString().substring(0, 6) + "@itauusimaa.example";
        String reporterAddress = "raportoi@keskipohjanmaa.example";
        contacts(FI_UNIT, List.of(Map.of("email", fiAddress, "language", "fi")));
        contacts(SV_UNIT, List.of(Map.of("email", svAddress, "language", "sv")));
        contacts(REPORTS, List.of());
        given().auth()
                .oauth2(Rounds.ADMIN)
                .contentType("application/json")
                .body(List.of(Map.of("email", "not an address", "language", "de")))
                .put("/api/v1/regions/" + FI_UNIT + "/contacts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(fi.tilannekuva.local.DevKeys.token("reader", null))
                .get("/api/v1/regions/" + FI_UNIT + "/contacts")
                .then()
                .statusCode(403);

        Instant opens = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String name = "Muistutus " + UUID.randomUUID().toString().substring(0, 6);
        String id = Rounds.plan(Rounds.round(name, opens, opens.plusSeconds(12), opens.plusSeconds(16)))
                .statusCode(201)
                .extract()
                .path("id");
        post(
                        REPORTS,
                        round(
                                REPORTS,
                                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                                List.of(item("JO-E-5.1", "DONE"))))
                .statusCode(201);
        contacts(REPORTS, List.of(Map.of("email", reporterAddress, "language", "en")));
        fourAtOnce();
        awaitMails(name, 2);
        // counted by subject: on a slow machine the scheduler may already have sent the late notices (due in 12 s)
        List<Received> before = mails(name);
        String fiReminder = "Tilannekuva: muistutus kierroksesta " + name;
        String svReminder = "Tilannekuva: påminnelse om omgång " + name;
        assertEquals(1, titled(to(before, fiAddress), fiReminder).size(), before.toString());
        assertEquals(1, titled(to(before, svAddress), svReminder).size(), before.toString());
        assertTrue(
                titled(to(before, fiAddress), fiReminder).get(0).body().contains("ei ole vielä raportoinut"),
                before.toString());

        // past the due date: late notices and the ministry's digest, once, however many look
        Thread.sleep(Math.max(
                0, Duration.between(Instant.now(), opens.plusSeconds(12)).toMillis() + 200));
        fourAtOnce();
        awaitMails(name, 5);
        Thread.sleep(Math.max(
                0, Duration.between(Instant.now(), opens.plusSeconds(16)).toMillis() + 1500));
        fourAtOnce();
        List<Received> all = mails(name);
        assertEquals(2, to(all, fiAddress).size(), all.toString());
        assertEquals(2, to(all, svAddress).size(), all.toString());
        assertEquals(1, titled(to(all, fiAddress), fiReminder).size(), all.toString());
        assertEquals(
                1,
                titled(to(all, fiAddress), "Tilannekuva: kierroksen " + name + " raportti myöhässä")
                        .size(),
                all.toString());
        assertEquals(1, titled(to(all, svAddress), svReminder).size(), all.toString());
        assertTrue(to(all, reporterAddress).isEmpty(), "the unit that reported is not reminded: " + all);
        List<Received> digest = to(all, "tilannekuva@stm.example");
        assertEquals(1, digest.size(), all.toString());
        assertTrue(
                digest.get(0).body().contains(FI_UNIT) && digest.get(0).body().contains(SV_UNIT), digest.toString());
        assertFalse(digest.get(0).body().contains(REPORTS), digest.toString());

        // every reminder is also an event: the Finnish unit's reminder and late notice, once each
        com.networknt.schema.JsonSchema schema = com.networknt.schema.JsonSchemaFactory.getInstance(
                        com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(java.nio.file.Files.readString(java.nio.file.Path.of(
                        "src/main/resources/META-INF/resources/events/round-reminder.schema.json")));
        List<String> kinds = StatusEvents.await(RoundEvent.TOPIC, id, 1, Duration.ofSeconds(30), value -> true).stream()
                .map(StatusEvents::json)
                .peek(event -> {
                    if (event.path("type").asText().equals(RoundReminder.TYPE)) {
                        assertEquals(java.util.Set.of(), schema.validate(event), event.toString());
                    }
                })
                .filter(event -> event.path("type").asText().equals(RoundReminder.TYPE)
                        && event.at("/data/region").asText().equals(FI_UNIT))
                .map(event -> event.at("/data/kind").asText())
                .toList();
        assertEquals(List.of("REMINDER_PT24H", "LATE"), kinds);
    }
}
