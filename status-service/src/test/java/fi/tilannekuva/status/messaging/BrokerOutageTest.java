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
        LocalInfra infra = LocalInfra.shared();
        infra.kafka().stop();
        try {
            post(UNIT, round(UNIT, "2021-09-15T09:00:00Z", items(subtasks, "IN_PROGRESS")))
                    .statusCode(201)
                    .body("currentChanged", equalTo(12));
            post(UNIT, round(UNIT, "2021-10-15T09:00:00Z", items(subtasks, "DONE")))
                    .statusCode(201)
                    .body("currentChanged", equalTo(12));
            given().get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'status-changed outbox' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'status-changed outbox' }.data.pending", greaterThanOrEqualTo(24));
        } finally {
            infra.kafka().start();
        }

        List<ConsumerRecord<String, String>> records = StatusEvents.await(UNIT, 24, Duration.ofMinutes(3));
        Map<String, List<Integer>> versions = new TreeMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode data = StatusEvents.json(record).get("data");
            versions.computeIfAbsent(data.get("subtask").asText(), s -> new ArrayList<>())
                    .add(data.get("version").asInt());
        }
        assertEquals(12, versions.size());
        versions.forEach(
                (subtask, seen) -> assertEquals(List.of(1, 2), seen, subtask + ": each version once, in order"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/q/health/ready")
                                .then()
                                .extract()
                                .<Integer>path("checks.find { it.name == 'status-changed outbox' }.data.pending")
                        == 0);
    }

    private static List<Map<String, Object>> items(List<String> subtasks, String status) {
        return subtasks.stream().map(s -> item(s, status)).toList();
    }
}
