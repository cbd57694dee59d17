package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.tilannekuva.local.ServiceProcess;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A reporting round through the three running services: status-service plans it, reminds the silent unit by mail,
 * judges who reported on time, late or not at all, and announces the close; situation-service freezes the round and
 * its summary joins the frozen figures with status-service's completeness. Both services are killed and restarted
 * on the way: no reminder is sent twice, nothing is frozen twice, and a report after the close changes the live
 * picture but not the closed round.
 */
@Order(10)
class RoundsIT {

    private static final String ON_TIME = "kainuu";
    private static final String LATE = "satakunta";
    private static final String SILENT = "lappi";
    private static final String SILENT_CONTACT = "tilannekuva@lapha.example";

    private final SystemUnderTest system = SystemUnderTest.shared();

    @Test
    void aRoundIsRemindedJudgedFrozenAndSummarisedOnceAcrossRestarts() throws Exception {
        Roadmap roadmap = system.ensureRoadmap();
        Http status = system.status();
        Http situation = system.situation();
        assertEquals(
                200,
                status.request("PUT", "/api/v1/regions/" + SILENT + "/contacts")
                        .bearer(SystemUnderTest.admin())
                        .json(List.of(Map.of("email", SILENT_CONTACT, "language", "fi")))
                        .send()
                        .status());

        Instant opens = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        Instant due = opens.plusSeconds(14);
        Instant closes = opens.plusSeconds(24);
        String name = "Kierros IT " + UUID.randomUUID().toString().substring(0, 6);
        Http.Reply planned = status.post("/api/v1/rounds")
                .bearer(SystemUnderTest.admin())
                .json(Json.object()
                        .put("name", name)
                        .put("deadline", SystemUnderTest.DEADLINE.toString())
                        .put("opensAt", opens.toString())
                        .put("dueAt", due.toString())
                        .put("closesAt", closes.toString())
                        .set(
                                "window",
                                Json.object()
                                        .put("from", SystemUnderTest.FROM.toString())
                                        .put("to", SystemUnderTest.TO.toString())))
                .send();
        assertEquals(201, planned.status(), planned.toString());
        String id = planned.json().path("id").asText();

        // on time, then the silent unit's reminder, then status-service killed and restarted
        untilPast(opens.plusMillis(300));
        assertEquals(201, system.report(report(roadmap, ON_TIME, "IN_PROGRESS")).status());
        SystemUnderTest.await(
                "the silent unit's reminder",
                Duration.ofSeconds(40),
                () -> mailsTo(name).size() >= 1);
        ServiceProcess statusProcess = system.services().status();
        statusProcess.kill();
        system.start(statusProcess);

        // late, then past the close with the restarted service looking again and again
        untilPast(due.plusMillis(300));
        assertEquals(201, system.report(report(roadmap, LATE, "ON_SCHEDULE")).status());
        SystemUnderTest.await(
                "the frozen round",
                Duration.ofSeconds(90),
                () -> situation.get("/api/v1/situation/snapshots/" + id).send().status() == 200);
        SystemUnderTest.sleep(Duration.ofSeconds(12));
        List<String> kinds = new ArrayList<>();
        for (MimeMessage mail : mailsTo(name)) {
            kinds.add(mail.getSubject());
        }
        assertEquals(2, kinds.size(), "one reminder and one late notice, none again after the restart: " + kinds);
        assertTrue(kinds.get(1).contains("myöhässä"), kinds.toString());

        // the completeness status-service judges
        JsonNode completeness =
                status.get("/api/v1/rounds/" + id + "/completeness").send().json();
        Map<String, String> timeliness = new TreeMap<>();
        completeness
                .path("units")
                .forEach(unit -> timeliness.put(
                        unit.path("region").asText(), unit.path("timeliness").asText()));
        assertEquals("ON_TIME", timeliness.get(ON_TIME));
        assertEquals("LATE", timeliness.get(LATE));
        assertEquals("MISSING", timeliness.get(SILENT));

        // the summary: the frozen figures and that completeness, joined
        JsonNode summary = summary(situation, id);
        assertEquals(name, summary.path("round").path("name").asText());
        assertEquals(
                completeness.path("national").path("onTime"),
                summary.path("completeness").path("onTime"));
        assertEquals(
                completeness.path("national").path("late"),
                summary.path("completeness").path("late"));
        assertEquals(
                completeness.path("national").path("missing").asInt(),
                summary.path("notReported").size());
        JsonNode frozen = situation
                .get("/api/v1/situation/snapshots/" + id + "/progress")
                .send()
                .json();
        for (JsonNode row : frozen.path("rows")) {
            JsonNode unit = unitRow(summary, row.path("region").asText());
            assertEquals(
                    timeliness.get(row.path("region").asText()),
                    unit.path("timeliness").asText(),
                    row.path("region").asText());
            row.path("cells")
                    .fields()
                    .forEachRemaining(cell -> assertEquals(
                            cell.getValue().path("percent"),
                            unit.path("cells").path(cell.getKey()).path("progressPercent"),
                            row.path("region").asText() + " " + cell.getKey()));
        }

        // the dashboard's stale data is status-service's, through situation-service
        JsonNode stale = status.get("/api/v1/regions/" + SILENT + "/stale")
                .bearer(SystemUnderTest.reader())
                .send()
                .json();
        assertTrue(stale.has("subtasks"), stale.toString());
        assertEquals(
                stale,
                situation
                        .get("/api/v1/situation/units/" + SILENT + "/stale")
                        .bearer(SystemUnderTest.reader())
                        .send()
                        .json());

        // a report after the close, and situation-service killed and restarted: the closed round stays as it was
        String frozenAt = situation
                .get("/api/v1/situation/snapshots/" + id)
                .send()
                .json()
                .path("createdAt")
                .asText();
        Report afterClose = report(roadmap, SILENT, "DONE");
        assertEquals(201, system.report(afterClose).status());
        ServiceProcess situationProcess = system.services().situation();
        situationProcess.kill();
        system.start(situationProcess);
        SystemUnderTest.await("the late report in the live picture", Duration.ofSeconds(60), () -> {
            String last = situation
                    .get("/api/v1/situation/units/" + SILENT)
                    .send()
                    .json()
                    .path("lastReportedAt")
                    .asText(null);
            return last != null && !Instant.parse(last).isBefore(afterClose.reportedAt());
        });
        assertEquals(
                frozenAt,
                situation
                        .get("/api/v1/situation/snapshots/" + id)
                        .send()
                        .json()
                        .path("createdAt")
                        .asText(),
                "frozen once");
        JsonNode again = summary(situation, id);
        assertEquals(summary.path("units"), again.path("units"), "the closed round never changes");
        assertEquals(summary.path("national"), again.path("national"));
        assertEquals("MISSING", unitRow(again, SILENT).path("timeliness").asText(), "after the close: the next round");
    }

    private static JsonNode summary(Http situation, String id) {
        Http.Reply reply =
                situation.get("/api/v1/situation/rounds/" + id + "/summary").send();
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static JsonNode unitRow(JsonNode summary, String region) {
        for (JsonNode unit : summary.path("units")) {
            if (unit.path("region").asText().equals(region)) {
                return unit;
            }
        }
        throw new AssertionError("no row for " + region + " in " + summary);
    }

    private static Report report(Roadmap roadmap, String unit, String status) {
        List<Report.Item> items = roadmap.applicableTo(unit).stream()
                .limit(4)
                .map(subtask -> Report.Item.of(subtask.id(), status))
                .toList();
        return new Report(unit, Instant.now().minusSeconds(1), items);
    }

    private List<MimeMessage> mailsTo(String round) {
        try {
            return mailsToSilentUnit(round);
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private List<MimeMessage> mailsToSilentUnit(String round) throws MessagingException {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : system.infra().smtp().received()) {
            boolean toSilent = false;
            for (Address address : mail.getAllRecipients()) {
                toSilent |= address.toString().contains(SILENT_CONTACT);
            }
            if (toSilent && mail.getSubject().contains(round)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    private static void untilPast(Instant instant) {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            SystemUnderTest.sleep(Duration.ofMillis(millis));
        }
    }
}
