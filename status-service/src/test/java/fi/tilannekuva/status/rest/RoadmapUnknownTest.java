package fi.tilannekuva.status.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Before any roadmap-published event, reports cannot be validated and are refused with a clear 503. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
@Order(1)
class RoadmapUnknownTest {

    @Test
    void aReportBeforeAnyRoadmapIsRefusedWith503SayingSo() {
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "lappi"))
                .contentType("application/json")
                .body(
                        """
                        {"region": "lappi", "reportedAt": "2021-10-15T09:00:00Z",
                         "items": [{"subtask": "JO-E-5.8", "status": "IN_PROGRESS"}]}""")
                .post("/api/v1/reports")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("status", equalTo(503))
                .body("detail", containsString("No roadmap version has been received"));
    }

    @Test
    void theKnownRoadmapIsUnavailableBeforeAnyIsPublished() {
        given().get("/api/v1/roadmap").then().statusCode(503).contentType("application/problem+json");
    }
}
