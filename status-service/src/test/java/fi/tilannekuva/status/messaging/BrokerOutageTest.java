package fi.tilannekuva.status.messaging;

import static fi.tilannekuva.status.Reports.item;
import static fi.tilannekuva.status.Reports.post;
import static fi.tilannekuva.status.Reports.round;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fi.tilannekuva.kit.testing.Management;
import fi.tilannekuva.local.LocalInfra;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.StatusEvents;
import fi.tilannekuva.status.TestRoadmaps;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * With the broker stopped, reports are still accepted and the backlog shows in readiness; when the broker is back,
 * every event is delivered exactly once per version. Runs last: it stops the broker every test class shares.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
@Order(Integer.MAX_VALUE)
class BrokerOutageTest {

    private static final String UNIT = "vantaa-kerava";

    @Test
    void reportsAreAcceptedWhileTheBrokerIsDownAndEveryEventIsDeliveredOnceItIsBack() throws Exception {
        TestRoadmaps.ensurePublished();
        List<String> subtasks = TestRoadmaps.subtasksOf(UNIT).subList(0, 12); // JO-E-5.x and HTT-H-1.x
        // Later than anything other tests (the demo rounds among them) reported for this unit.
        String first = "2022-01-15T09:00:00Z";
        String second = "2022-02-15T09:00:00Z";
        Map<String, List<Integer>> expected = new TreeMap<>();
        LocalInfra infra = LocalInfra.shared();
        infra.kafka().stop();
        try {
            for (String reportedAt : List.of(first, second)) {
                List<Map<String, Object>> changes = post(
                                UNIT,
                                round(
                                        UNIT,
                                        reportedAt,
                                        items(subtasks, reportedAt.equals(first) ? "IN_PROGRESS" : "DONE")))
                        .statusCode(201)
                        .body("currentChanged", equalTo(12))
                        .extract()
                        .path("changes");
                changes.forEach(c -> expected.computeIfAbsent((String) c.get("subtask"), k -> new ArrayList<>())
                        .add((Integer) c.get("version")));
            }
            given().port(Management.port())
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'outbox' }.data.pending", greaterThanOrEqualTo(24));
        } finally {
            infra.kafka().start();
        }

        List<ConsumerRecord<String, String>> records = StatusEvents.await(
                UNIT, 24, Duration.ofMinutes(3), value -> value.contains(first) || value.contains(second));
        Map<String, List<Integer>> delivered = new TreeMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode data = StatusEvents.json(record).get("data");
            delivered
                    .computeIfAbsent(data.get("subtask").asText(), s -> new ArrayList<>())
                    .add(data.get("version").asInt());
        }
        assertEquals(12, expected.size());
        assertEquals(expected, delivered, "every version delivered once, in order");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().port(Management.port())
                                .get("/q/health/ready")
                                .then()
                                .extract()
                                .<Integer>path("checks.find { it.name == 'outbox' }.data.pending")
                        == 0);
    }

    private static List<Map<String, Object>> items(List<String> subtasks, String status) {
        return subtasks.stream().map(s -> item(s, status)).toList();
    }
}
