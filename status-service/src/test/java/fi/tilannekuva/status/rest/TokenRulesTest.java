package fi.tilannekuva.status.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A token signed by the right key is not enough: it must be meant for Tilannekuva, issued in the past and short-lived.
 * An outside probe found all three accepted.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
@Order(4)
class TokenRulesTest {

    private static final String PATH = "/api/v1/support-requests";

    private static void answers(String token, int status) {
        given().auth().oauth2(token).get(PATH).then().statusCode(status);
    }

    @Test
    void aReaderTokenWithinTheRulesReads() {
        Instant now = Instant.now();
        answers(DevKeys.token("reader", null, now.minusSeconds(30), now.plus(Duration.ofHours(1)), "tilannekuva"), 200);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        Instant now = Instant.now();
        answers(DevKeys.token("reader", null, now.minusSeconds(30), now.plus(Duration.ofHours(1)), "another-app"), 401);
        given().auth()
                .oauth2(DevKeys.token(
                        "reader", null, now.minusSeconds(30), now.plus(Duration.ofHours(1)), "another-app"))
                .get(PATH)
                .then()
                .statusCode(401)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Instant later = Instant.now().plus(Duration.ofHours(2));
        answers(DevKeys.token("reader", null, later, later.plus(Duration.ofHours(1)), "tilannekuva"), 401);
    }

    @Test
    void aTokenValidForTenYearsIsRefused() {
        Instant now = Instant.now();
        answers(
                DevKeys.token("reader", null, now.minusSeconds(30), now.plus(Duration.ofDays(3650)), "tilannekuva"),
                401);
    }
}
