package fi.tilannekuva.status.service;

import static fi.tilannekuva.status.Reports.item;
import static fi.tilannekuva.status.Reports.post;
import static fi.tilannekuva.status.Reports.round;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.testing.Management;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.TestRoadmaps;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** What an operator's Prometheus scrapes at /q/metrics after reports were stored and refused. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
@Order(8)
class ReportMetricsTest {

    private static final String UNIT = "satakunta";

    @Test
    void storedAndRefusedReportsTheOutboxAndRequestLatenciesAppearAtTheMetricsEndpoint() {
        TestRoadmaps.ensurePublished();
        String before = metrics();

        post(UNIT, round(UNIT, "2021-09-15T09:00:00Z", List.of(item("JO-E-5.1", "DONE"))))
                .statusCode(201);
        post(UNIT, round(UNIT, "2021-09-15T09:00:00Z", List.of(item("JO-E-5.1", "LATE"), item("NO-SUCH", "DONE"))))
                .statusCode(422);

        String after = metrics();
        assertTrue(
                value(after, "status_reports_total{outcome=\"stored\"}")
                        >= value(before, "status_reports_total{outcome=\"stored\"}") + 1,
                after);
        assertTrue(
                value(after, "status_reports_total{outcome=\"rejected\"}")
                        >= value(before, "status_reports_total{outcome=\"rejected\"}") + 1,
                after);
        assertTrue(
                value(after, "status_report_validation_failures_total")
                        >= value(before, "status_report_validation_failures_total") + 2,
                after);
        // The backlog gauges are read from the outbox table at each scrape.
        assertTrue(
                Pattern.compile("(?m)^status_outbox_pending \\d").matcher(after).find(), after);
        assertTrue(
                Pattern.compile("(?m)^status_outbox_oldest_age_seconds \\d")
                        .matcher(after)
                        .find(),
                after);
        assertTrue(
                after.contains("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"201\","
                        + "uri=\"/api/v1/reports\"}"),
                after);
    }

    private static String metrics() {
        return given().port(Management.port())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The value of a sample line starting with {@code name} (labels included); 0 when absent. */
    private static double value(String metrics, String name) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
