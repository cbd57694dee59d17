package fi.tilannekuva.status.rest;

import static fi.tilannekuva.status.Reports.item;
import static fi.tilannekuva.status.Reports.post;
import static fi.tilannekuva.status.Reports.round;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import fi.tilannekuva.local.LocalInfra;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.TestRoadmaps;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * While PostgreSQL is down a report gets 503 with Retry-After, not 500; once it is back the same report is stored.
 * Runs late: it stops the database every test class shares, and restarts it even when it fails.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
@Order(Integer.MAX_VALUE - 2)
class DatabaseOutageTest {

    private static final String UNIT = "varsinais-suomi";

    @Test
    void whileTheDatabaseIsDownAReportIs503WithRetryAfterAndOnceItIsBackTheSameReportIsStored() throws Exception {
        TestRoadmaps.ensurePublished();
        // Older than the demo rounds DemoReportsStoredTest stores later for this unit, so they are not made stale.
        Map<String, Object> body = round(UNIT, "2020-01-15T09:00:00Z", List.of(item("JO-E-5.1", "IN_PROGRESS")));
        LocalInfra infra = LocalInfra.shared();
        infra.postgres().stop();
        try {
            post(UNIT, body)
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("status", equalTo(503))
                    .body("type", containsString("database-unavailable"));
        } finally {
            infra.postgres().start();
        }
        // The pool may still hold connections to the stopped server: they are dropped as they fail.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> post(UNIT, body).statusCode(201).body("itemsStored", equalTo(1)));
    }
}
