package fi.tilannekuva.status.rest;

import static fi.tilannekuva.status.Reports.item;
import static fi.tilannekuva.status.Reports.post;
import static fi.tilannekuva.status.Reports.round;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.TestRoadmaps;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Reading current statuses, histories and support requests, and who may read them. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
@Order(4)
class StatusResourceTest {

    private static final String UNIT = "keski-suomi";

    private static boolean reported;

    @BeforeEach
    void reported() {
        TestRoadmaps.ensurePublished();
        if (reported) {
            return;
        }
        reported = true;
        post(
                        UNIT,
                        round(
                                UNIT,
                                "2021-09-15T09:00:00Z",
                                List.of(
                                        item("JO-E-5.1", "DONE"),
                                        item("JO-E-5.2", "DELAYED", "ICT-henkilöstöstä pulaa", true),
                                        item("JO-E-5.3", "IN_PROGRESS"),
                                        item("ICT-C-1.1", "DELAYED", "Komponenttipula", true),
                                        item("ICT-C-1.2", "ON_SCHEDULE"))))
                .statusCode(201);
        post(UNIT, round(UNIT, "2021-10-15T09:00:00Z", List.of(item("JO-E-5.3", "DONE"))))
                .statusCode(201);
    }

    @Test
    void aReaderPagesThroughAUnitsCurrentStatusesFilteredByGroupAndStatus() {
        given().auth()
                .oauth2(reader())
                .get("/api/v1/regions/" + UNIT + "/statuses?page=0&size=2")
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("items", hasSize(2))
                .body("items[0].subtask", equalTo("ICT-C-1.1"));
        given().auth()
                .oauth2(reader())
                .get("/api/v1/regions/" + UNIT + "/statuses?group=JO&status=DONE")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.subtask", equalTo(List.of("JO-E-5.1", "JO-E-5.3")))
                .body("items.find { it.subtask == 'JO-E-5.3' }.version", equalTo(2));
        given().auth()
                .oauth2(reader())
                .get("/api/v1/regions/" + UNIT + "/statuses?status=LATE")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theHistoryOfASubtaskKeepsEveryItemAndMarksTheCurrentOne() {
        given().auth()
                .oauth2(DevKeys.token("region-reporter", UNIT))
                .get("/api/v1/regions/" + UNIT + "/subtasks/JO-E-5.3/history")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.status", equalTo(List.of("DONE", "IN_PROGRESS")))
                .body("items.current", equalTo(List.of(true, false)));
    }

    @Test
    void openSupportRequestsAreListedPerUnitAndForAllUnits() {
        given().auth()
                .oauth2(DevKeys.token("region-reporter", UNIT))
                .get("/api/v1/regions/" + UNIT + "/support-requests")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.subtask", equalTo(List.of("ICT-C-1.1", "JO-E-5.2")))
                .body("items.comment", hasItem("Komponenttipula"));
        given().auth()
                .oauth2(reader())
                .get("/api/v1/support-requests?size=1000")
                .then()
                .statusCode(200)
                .body("items.supportNeeded", everyItem(equalTo(true)))
                .body("items.region", hasItem(UNIT));
    }

    @Test
    void rawReportsNeedTheReaderRoleOrTheUnitsOwnToken() {
        given().get("/api/v1/regions/" + UNIT + "/statuses")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "lappi"))
                .get("/api/v1/regions/" + UNIT + "/statuses")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "lappi"))
                .get("/api/v1/regions/" + UNIT + "/subtasks/JO-E-5.3/history")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevKeys.token("region-reporter", UNIT))
                .get("/api/v1/support-requests")
                .then()
                .statusCode(403);
    }

    @Test
    void anUnknownUnitIs404() {
        given().auth()
                .oauth2(reader())
                .get("/api/v1/regions/tampere/statuses")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static String reader() {
        return DevKeys.token("reader", null);
    }
}
