package fi.tilannekuva.status.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        // 9 JO + 150 critical ICT subtasks apply to Pohjois-Pohjanmaa: one history row each despite the second run.
        assertEquals(159, Reports.currentCount("pohjois-pohjanmaa"));
        assertEquals(1, Reports.historyCount("pohjois-pohjanmaa", "JO-E-5.1"));
        assertEquals(159, StatusEvents.await("pohjois-pohjanmaa", 159).size());
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
    }
}
