package fi.tilannekuva.situation.rounds.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The movement between the first and the second 10/21 round, through the broker and the database: the same roadmap
 * and window, so every change is what the units reported, and each end is its round's frozen cell.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class MovementApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void world() {
        TenTwentyOne.ensurePublished(bootstrapServers);
    }

    @Test
    void betweenTwoRoundsOnOneRoadmapAndWindowEveryChangeIsReported() {
        long n = System.nanoTime();
        String first = TenTwentyOne.freezeRound("Liike syyskuu " + n, TenTwentyOne.FIRST_ROUND.plusSeconds(3600));
        String second = TenTwentyOne.freezeRound("Liike lokakuu " + n, TenTwentyOne.SECOND_ROUND.plusSeconds(3600));
        for (String measure : List.of("progress", "readiness")) {
            JsonPath movement = given().get(
                            "/api/v1/situation/movement?from=" + first + "&to=" + second + "&measure=" + measure)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(measure.toUpperCase(), movement.getString("measure"));
            String percent = measure.equals("progress") ? "percent" : "donePercent";
            for (String region : List.of("kainuu", "lappi", "helsinki")) {
                Map<String, Object> cell = movement.getMap("units.find { it.region == '" + region + "' }.cells.HTT");
                Object frozenFrom = given().get("/api/v1/situation/snapshots/" + first + "/" + measure)
                        .jsonPath()
                        .get("rows.find { it.region == '" + region + "' }.cells.HTT." + percent);
                Object frozenTo = given().get("/api/v1/situation/snapshots/" + second + "/" + measure)
                        .jsonPath()
                        .get("rows.find { it.region == '" + region + "' }.cells.HTT." + percent);
                assertEquals(frozenFrom, cell.get("from"), region + " " + measure + ": the first round's cell");
                assertEquals(frozenTo, cell.get("to"), region + " " + measure + ": the second round's cell");
                assertEquals(0, cell.get("roadmap"), region + ": the roadmap did not change");
                assertEquals(0, cell.get("window"), region + ": nor the window");
                assertEquals(cell.get("total"), cell.get("reported"), region + ": so the units' reports are all of it");
                assertEquals((Integer) cell.get("to") - (Integer) cell.get("from"), cell.get("total"));
            }
        }
        assertEquals(
                51,
                given().get("/api/v1/situation/movement?from=" + first + "&to=" + second + "&region=kainuu")
                        .jsonPath()
                        .getInt("units[0].cells.HTT.to"));
    }

    @Test
    void missingRoundsAndAnUnknownMeasureAreProblemsUnknownRoundsA404() {
        given().get("/api/v1/situation/movement?measure=speed")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("from"))
                .body("errors.field", hasItem("to"))
                .body("errors.field", hasItem("measure"));
        given().get("/api/v1/situation/movement?from=no-such&to=round")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
