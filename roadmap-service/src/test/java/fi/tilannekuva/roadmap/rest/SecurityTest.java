package fi.tilannekuva.roadmap.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.roadmap.Documents;
import fi.tilannekuva.roadmap.Publishing;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Publishing needs the role roadmap-admin; reading is public. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "roadmap"))
class SecurityTest {

    private final String body = Documents.json(Documents.small("security"));

    @Test
    void withoutATokenPublishingIs401() {
        int before = Publishing.versionCount();
        given().contentType("application/json")
                .body(body)
                .post("/api/v1/roadmaps")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        assertEquals(before, Publishing.versionCount());
    }

    @Test
    void anExpiredOrForeignTokenIs401() {
        for (String token : new String[] {DevKeys.token("roadmap-admin", null, Duration.ofMinutes(-10)), "not.a.jwt"}) {
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(body)
                    .post("/api/v1/roadmaps")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void anotherRoleIs403() {
        int before = Publishing.versionCount();
        for (String token : new String[] {DevKeys.token("reader", null), DevKeys.token("region-reporter", "lappi")}) {
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(body)
                    .post("/api/v1/roadmaps")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
        assertEquals(before, Publishing.versionCount());
    }

    @Test
    void readsNeedNoToken() {
        Publishing.publish(Documents.small("public"));
        for (String path : new String[] {
            "/api/v1/regions",
            "/api/v1/groups",
            "/api/v1/roadmaps",
            "/api/v1/roadmaps/current",
            "/api/v1/roadmaps/current/subtasks",
            "/api/v1/roadmaps/1/diff/current",
            "/events/roadmap-published.schema.json",
            "/asyncapi.yaml"
        }) {
            given().get(path).then().statusCode(200);
        }
    }
}
