package fi.tilannekuva.status.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.Reports;
import fi.tilannekuva.status.StatusEvents;
import fi.tilannekuva.status.TestRoadmaps;
import fi.tilannekuva.status.service.RoadmapCatalog;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The demo rounds go through the normal report path: stored, events out, HUS silent, a second run a replay. Runs
 * after the other classes, since it reports for almost every unit.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
@Order(Integer.MAX_VALUE - 1)
class DemoReportsStoredTest {

    @Inject
    DemoReports demo;

    @Inject
    RoadmapCatalog roadmaps;

    @Test
    void theDemoRoundsAreStoredWithTheirEventsAndHusStaysSilent() {
        TestRoadmaps.ensurePublished();
        var roadmap = roadmaps.current().orElseThrow();
        assertEquals(22, demo.store(roadmap));
        assertEquals(22, demo.store(roadmap), "a second run is a replay of the same keys");

        assertEquals(0, Reports.currentCount("hus"));
        // 9 JO + 150 critical ICT subtasks apply to Pohjois-Pohjanmaa: one history row a round despite the second run.
        assertEquals(159, Reports.currentCount("pohjois-pohjanmaa"));
        long earlier = DemoReports.history(roadmap).stream()
                .filter(s -> s.report().region().equals("pohjois-pohjanmaa"))
                .filter(s ->
                        s.report().items().stream().anyMatch(i -> i.subtask().equals("JO-E-5.1")))
                .count();
        assertTrue(earlier > 0, "Pohjois-Pohjanmaa reported before 10/21");
        assertEquals(earlier + 1, Reports.historyCount("pohjois-pohjanmaa", "JO-E-5.1"));
        int items = 159
                + DemoReports.history(roadmap).stream()
                        .filter(s -> s.report().region().equals("pohjois-pohjanmaa"))
                        .mapToInt(s -> s.report().items().size())
                        .sum();
        assertEquals(items, StatusEvents.await("pohjois-pohjanmaa", items).size(), "one event per item and round");
        given().auth()
                .oauth2(DevKeys.token("reader", null))
                .get("/api/v1/support-requests?size=1")
                .then()
                .statusCode(200)
                .body("total", greaterThan(0));
        given().auth()
                .oauth2(DevKeys.token("reader", null))
                .get("/api/v1/regions/pohjois-pohjanmaa/statuses?status=DELAYED&size=1")
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("DELAYED"));

        // The past rounds, planned after the fact, are judged on the dates the reports were received then.
        assertTrue(demo.plan(Instant.now()) >= 3, "08/21, 09/21 and 10/21 are planned");
        given().get("/api/v1/rounds/08-21/completeness")
                .then()
                .statusCode(200)
                .body("round.state", equalTo("CLOSED"))
                .body("national.units", equalTo(23))
                .body("national.onTime", equalTo(16))
                .body("national.late", equalTo(3))
                .body("national.missing", equalTo(4))
                .body("units.find { it.region == 'hus' }.timeliness", equalTo("MISSING"));
        given().get("/api/v1/rounds/09-21/completeness")
                .then()
                .statusCode(200)
                .body("national.onTime", equalTo(18))
                .body("national.late", equalTo(2))
                .body("units.coveragePercent", hasItem(lessThan(100)));
        given().get("/api/v1/rounds/10-21/completeness")
                .then()
                .statusCode(200)
                .body("national.onTime", equalTo(22))
                .body("national.coveragePercent", equalTo(96));
    }
}
