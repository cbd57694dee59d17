package fi.tilannekuva.situation.projection.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.kit.testing.Management;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What an operator's Prometheus scrapes at /q/metrics once status events have been consumed. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class ProjectionMetricsTest {

    private static final String APPLIED = "situation_events_applied_total{topic=\"status-changed\"}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void appliedEventsStalenessBacklogConsumerLagAndRequestLatenciesAppearAtTheMetricsEndpoint() {
        TenTwentyOne.ensurePublished(bootstrapServers);
        double before = value(metrics(), APPLIED);
        Instant recordedAt = Instant.now().minusSeconds(120);
        String event = TenTwentyOne.statusEvent(
                "pohjois-savo", TenTwentyOne.sandboxSubtask(), 1, Status.DELAYED, null, null, false, recordedAt);
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion
                    .produceStrings()
                    .fromRecords(TenTwentyOne.record("status-changed", "pohjois-savo", event))
                    .awaitCompletion(Duration.ofSeconds(60));
        }
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> value(metrics(), APPLIED) >= before + 1);

        String after = metrics();
        // The newest applied status was recorded two minutes ago (or later, by another test's event).
        double staleness = value(after, "situation_projection_staleness_seconds");
        assertTrue(staleness > 0 && staleness < 600, after);
        assertTrue(present(after, "situation_outbox_pending"), after);
        // Consumer lag: the Kafka consumer's own metrics, bound by Quarkus's Micrometer Kafka binder.
        assertTrue(present(after, "kafka_consumer_fetch_manager_records_lag_max"), after);
        assertTrue(present(after, "http_server_requests_seconds_count"), after);
    }

    private static String metrics() {
        return given().port(Management.port())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static boolean present(String metrics, String name) {
        return Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]")
                .matcher(metrics)
                .find();
    }

    /** The value of the sample line {@code name} (labels included); 0 when absent. */
    private static double value(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
