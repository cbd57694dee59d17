package fi.tilannekuva.situation.picture.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads an outside probe answered with 500: each is now a 400 problem naming the parameter or the path. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class HostileReadsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource
    URL base;

    @BeforeEach
    void world() {
        TenTwentyOne.ensurePublished(bootstrapServers);
    }

    @Test
    void anAsOfOrADateOutsideTheCalendarsRangeIsA400NamingIt() {
        String reader = DevKeys.token("reader", null);
        for (String path : new String[] {
            "/api/v1/situation/progress?asOf=-4713-01-01T00:00:00Z",
            "/api/v1/situation/progress?asOf=%2B300000-01-01T00:00:00Z",
            "/api/v1/situation/readiness?asOf=-4713-01-01T00:00:00Z",
            "/api/v1/situation/progress.csv?asOf=-4713-01-01T00:00:00Z",
            "/api/v1/situation/readiness.xlsx?asOf=%2B300000-01-01T00:00:00Z",
            "/api/v1/situation/units/lappi?asOf=-4713-01-01T00:00:00Z"
        }) {
            given().auth()
                    .oauth2(reader)
                    .urlEncodingEnabled(false)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("asOf"));
        }
        given().urlEncodingEnabled(false)
                .get("/api/v1/situation/progress?from=%2B999999999-12-31")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("from"));
    }

    @Test
    void anEncodedNulInThePathIsA400ProblemNotA500() {
        given().urlEncodingEnabled(false)
                .get("/api/v1/situation/snapshots/ICT%00/progress")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tilannekuva.fi/problems/invalid-path"));
    }

    @Test
    void anOverlongTargetOversizedHeadersAndAForeignOriginAreProblemsAndTheOwnOriginIsServed() {
        String progress = "/api/v1/situation/progress";
        given().urlEncodingEnabled(false)
                .get(progress + "?padding=" + "a".repeat(5000))
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("status", equalTo(414));
        given().header("X-Padding", "a".repeat(17_000))
                .get(progress)
                .then()
                .statusCode(431)
                .contentType("application/problem+json")
                .body("status", equalTo(431));
        given().header("Origin", "https://attacker.example")
                .get(progress)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tilannekuva.fi/problems/origin-not-allowed"));
        // The dashboard calls the API from the service's own origin: served as ever.
        given().header("Origin", "http://localhost:" + base.getPort())
                .get(progress)
                .then()
                .statusCode(200);
    }
}
