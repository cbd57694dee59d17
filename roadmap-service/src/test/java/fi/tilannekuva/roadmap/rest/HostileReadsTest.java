package fi.tilannekuva.roadmap.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.roadmap.Documents;
import fi.tilannekuva.roadmap.Publishing;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Reads an outside probe answered with 500: each is now a 400 problem naming the parameter. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "roadmap"))
class HostileReadsTest {

    @Test
    void aPageReachingPastTheLargestOffsetOrAnExtremeDateIsA400NamingIt() {
        Publishing.publish(Documents.small("hostile reads"));
        for (String[] queryAndField : new String[][] {
            {"page=4294968&size=500", "page"},
            {"from=%2B999999999-12-31", "from"},
            {"to=-999999999-01-01", "to"},
            {"from=0000-01-01", "from"}
        }) {
            given().urlEncodingEnabled(false)
                    .get("/api/v1/roadmaps/current/subtasks?" + queryAndField[0])
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(queryAndField[1]));
        }
    }
}
