package fi.tilannekuva.situation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.local.LocalInfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's 10/21 progress table, reproduced through the real broker, cell by cell. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class TenTwentyOneReproductionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void world() {
        TenTwentyOne.ensurePublished(bootstrapServers);
    }

    @Test
    void everyPercentageAndBandOfTheSeedTableIsServed() throws Exception {
        JsonNode progress = MAPPER.readTree(given().get("/api/v1/situation/progress?" + TenTwentyOne.WINDOW)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals("2021-04-01", progress.at("/window/from").asText());
        assertEquals("2021-12-31", progress.at("/window/to").asText());
        assertTrue(progress.get("roadmapVersion").asInt() >= TenTwentyOne.ROADMAP_VERSION);
        assertEquals(23, progress.get("rows").size(), "22 units and HUS");
        Map<String, JsonNode> rows = new HashMap<>();
        progress.get("rows").forEach(row -> rows.put(row.get("region").asText(), row));
        int checked = 0;
        for (var entry : TenTwentyOne.PROGRESS_PERCENT.entrySet()) {
            JsonNode row = rows.get(entry.getKey());
            assertTrue(row.get("reported").asBoolean(), entry.getKey());
            int g = 0;
            for (Group group : Group.values()) {
                int percent = entry.getValue()[g++];
                int tracked = TenTwentyOne.tracked(entry.getKey(), group);
                JsonNode cell = row.at("/cells/" + group);
                String where = entry.getKey() + " " + group;
                assertEquals(tracked, cell.get("tracked").asInt(), where + " tracked");
                assertEquals(
                        TenTwentyOne.startedFor(percent, tracked),
                        cell.get("started").asInt(),
                        where + " started");
                assertEquals(percent, cell.get("percent").asInt(), where + " percent");
                assertEquals(Band.of(percent).name(), cell.get("band").asText(), where + " band");
                checked++;
            }
        }
        assertEquals(110, checked);
    }

    @Test
    void husIsShownAsNotReportedNeverAsZero() throws Exception {
        JsonNode progress = MAPPER.readTree(
                given().get("/api/v1/situation/progress?" + TenTwentyOne.WINDOW).asString());
        JsonNode hus = null;
        for (JsonNode row : progress.get("rows")) {
            if (row.get("region").asText().equals("hus")) {
                hus = row;
            }
        }
        assertFalse(hus.get("reported").asBoolean());
        for (Group group : Group.values()) {
            JsonNode cell = hus.at("/cells/" + group);
            assertEquals(TenTwentyOne.TRACKED.get(group), cell.get("tracked").asInt());
            assertTrue(cell.get("percent").isNull());
            assertTrue(cell.get("band").isNull());
            assertTrue(cell.get("started").isNull());
        }
    }

    @Test
    void rowsAreInTheSeedTablesOrderAndTheGroupsInTheirs() throws Exception {
        JsonNode progress = MAPPER.readTree(
                given().get("/api/v1/situation/progress?" + TenTwentyOne.WINDOW).asString());
        for (int i = 0; i < TenTwentyOne.UNITS.length; i++) {
            assertEquals(
                    TenTwentyOne.UNITS[i][0],
                    progress.get("rows").get(i).get("region").asText());
        }
        assertEquals(
                "[\"HTT\",\"JO\",\"PJ\",\"YP\",\"ICT\"]", progress.get("groups").toString());
    }

    @Test
    void theNationalRowSumsTheUnitsThatReported() throws Exception {
        JsonNode progress = MAPPER.readTree(
                given().get("/api/v1/situation/progress?" + TenTwentyOne.WINDOW).asString());
        assertTrue(progress.at("/national/reported").asBoolean());
        int g = 0;
        for (Group group : Group.values()) {
            int tracked = 0;
            int started = 0;
            for (var entry : TenTwentyOne.PROGRESS_PERCENT.entrySet()) {
                int n = TenTwentyOne.tracked(entry.getKey(), group);
                tracked += n;
                started += TenTwentyOne.startedFor(entry.getValue()[g], n);
            }
            g++;
            JsonNode cell = progress.at("/national/cells/" + group);
            assertEquals(tracked, cell.get("tracked").asInt(), group + " national tracked (HUS left out)");
            assertEquals(started, cell.get("started").asInt(), group + " national started");
            assertEquals(Band.percent(started, tracked), cell.get("percent").asInt());
        }
    }

    @Test
    void aBandChangeEventLeftForEveryCellWithTheSeedTablesBand() throws Exception {
        Map<String, String> latest = new HashMap<>();
        TenTwentyOne.awaitTrue(Duration.ofSeconds(60), () -> {
            for (JsonNode event : TenTwentyOne.bandEvents(bootstrapServers)) {
                JsonNode data = event.get("data");
                assertEquals(
                        "fi.tilannekuva.situation.band-changed.v1",
                        event.get("type").asText());
                if (data.get("measure").asText().equals("PROGRESS")) {
                    latest.put(
                            data.get("region").asText() + "/"
                                    + data.get("group").asText(),
                            data.get("band").asText(null));
                }
            }
            return latest.size() >= 110;
        });
        for (var entry : TenTwentyOne.PROGRESS_PERCENT.entrySet()) {
            int g = 0;
            for (Group group : Group.values()) {
                assertEquals(
                        Band.of(entry.getValue()[g++]).name(),
                        latest.get(entry.getKey() + "/" + group),
                        entry.getKey() + " " + group);
            }
        }
        for (Group group : Group.values()) {
            assertNull(latest.get("hus/" + group), "HUS has no band, so no band event");
        }
    }
}
