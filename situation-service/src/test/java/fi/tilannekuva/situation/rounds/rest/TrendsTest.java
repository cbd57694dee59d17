package fi.tilannekuva.situation.rounds.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Trends over the frozen rounds: each point is its round's frozen cell, the change is the last two rounds' gap. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class TrendsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void world() {
        TenTwentyOne.ensurePublished(bootstrapServers);
    }

    @Test
    void eachPointIsItsRoundsFrozenCellAndTheChangeIsTheLastTwoRoundsGap() {
        long n = System.nanoTime();
        String september = TenTwentyOne.freezeRound("Trendi syyskuu " + n, TenTwentyOne.FIRST_ROUND.plusSeconds(3600));
        String october = TenTwentyOne.freezeRound("Trendi lokakuu " + n, TenTwentyOne.SECOND_ROUND.plusSeconds(3600));
        JsonPath trends = given().get("/api/v1/situation/trends?region=kainuu")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> rounds = trends.getList("rounds.id");
        assertTrue(rounds.indexOf(september) < rounds.indexOf(october), "oldest round first: " + rounds);
        assertEquals(List.of("kainuu"), trends.getList("units.region"));
        for (String round : List.of(september, october)) {
            Map<String, Object> frozen = given().get("/api/v1/situation/snapshots/" + round + "/progress")
                    .jsonPath()
                    .getMap("rows.find { it.region == 'kainuu' }.cells.HTT");
            Map<String, Object> frozenReadiness = given().get("/api/v1/situation/snapshots/" + round + "/readiness")
                    .jsonPath()
                    .getMap("rows.find { it.region == 'kainuu' }.cells.HTT");
            Map<String, Object> point = trends.getMap("units[0].groups.HTT.find { it.round == '" + round + "' }");
            assertEquals(frozen.get("percent"), point.get("progressPercent"), round);
            assertEquals(frozen.get("band"), point.get("progressBand"), round);
            assertEquals(frozenReadiness.get("donePercent"), point.get("donePercent"), round);
        }
        // In October 2021 Kainuu's HTT stood at 51 % (the seed's 10/21 table).
        assertEquals(51, trends.getInt("units[0].groups.HTT.find { it.round == '" + october + "' }.progressPercent"));
        List<Map<String, Object>> htt = trends.getList("units[0].groups.HTT");
        Integer last = (Integer) htt.get(htt.size() - 1).get("progressPercent");
        Integer before = (Integer) htt.get(htt.size() - 2).get("progressPercent");
        Object change = trends.get("units[0].change.HTT.progressPoints");
        assertEquals(last == null || before == null ? null : last - before, change);
    }

    @Test
    void aUnitInNoRoundIsA404Problem() {
        TenTwentyOne.freezeRound("Trendi " + System.nanoTime(), TenTwentyOne.SECOND_ROUND.plusSeconds(7200));
        given().get("/api/v1/situation/trends?region=no-such-unit")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no-such-unit"));
    }
}
