package fi.tilannekuva.situation.rounds.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.events.RoundEvent;
import fi.tilannekuva.kit.reform.RoundIds;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * status-service's calendar closes a round: its picture is frozen once, with the round's window and deadline, as of
 * closesAt, whatever number of times the event arrives.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class RoundClosedTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void world() {
        TenTwentyOne.ensurePublished(bootstrapServers);
    }

    @Test
    void aClosedRoundIsFrozenOnceAsOfItsCloseWithItsOwnWindowAndDeadline() throws Exception {
        String name = "Kalenteri " + UUID.randomUUID().toString().substring(0, 8);
        String id = RoundIds.slug(name);
        Instant closesAt = TenTwentyOne.SECOND_ROUND.plusSeconds(7200);
        RoundEvent round = new RoundEvent(
                id,
                name,
                LocalDate.parse("2021-07-01"),
                LocalDate.parse("2021-12-31"),
                LocalDate.parse("2022-06-30"),
                TenTwentyOne.SECOND_ROUND.minusSeconds(86_400),
                TenTwentyOne.SECOND_ROUND.plusSeconds(3600),
                closesAt);
        String closed = round.toCloudEvent(MAPPER, RoundEvent.CLOSED, closesAt);
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion
                    .produceStrings()
                    .fromRecords(List.of(
                            TenTwentyOne.record(
                                    RoundEvent.TOPIC,
                                    id,
                                    round.toCloudEvent(MAPPER, RoundEvent.OPENED, round.opensAt())),
                            TenTwentyOne.record(RoundEvent.TOPIC, id, closed),
                            TenTwentyOne.record(RoundEvent.TOPIC, id, closed)))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        TenTwentyOne.awaitTrue(
                Duration.ofSeconds(60),
                () -> given().get("/api/v1/situation/snapshots/" + id).statusCode() == 200);
        JsonPath snapshot = given().get("/api/v1/situation/snapshots/" + id).jsonPath();
        assertEquals(name, snapshot.getString("name"));
        assertEquals(closesAt.toString(), snapshot.getString("at"));
        assertEquals("2021-07-01", snapshot.getString("window.from"));
        assertEquals("2022-06-30", snapshot.getString("deadline"));
        String createdAt = snapshot.getString("createdAt");
        // CONTRACT.md: the frozen picture is the picture as of closesAt with the round's window and deadline
        assertEquals(
                given().get("/api/v1/situation/progress?from=2021-07-01&to=2021-12-31&asOf=" + closesAt)
                        .jsonPath()
                        .getList("rows"),
                given().get("/api/v1/situation/snapshots/" + id + "/progress")
                        .jsonPath()
                        .getList("rows"));
        assertEquals(
                given().get("/api/v1/situation/readiness?deadline=2022-06-30&asOf=" + closesAt)
                        .jsonPath()
                        .getList("rows"),
                given().get("/api/v1/situation/snapshots/" + id + "/readiness")
                        .jsonPath()
                        .getList("rows"));

        // a report recorded after the close changes the live picture, never the closed round's
        String frozenReadiness =
                given().get("/api/v1/situation/snapshots/" + id + "/readiness").asString();
        String subtask = TenTwentyOne.sandboxSubtask();
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion
                    .produceStrings()
                    .fromRecords(List.of(TenTwentyOne.record(
                            "status-changed",
                            "lappi",
                            TenTwentyOne.statusEvent(
                                    "lappi",
                                    subtask,
                                    1,
                                    fi.tilannekuva.kit.reform.Status.DONE,
                                    null,
                                    null,
                                    false,
                                    closesAt.plusSeconds(3600)))))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> "DONE"
                .equals(given().get("/api/v1/situation/subtasks/" + subtask)
                        .jsonPath()
                        .getString("units.find { it.region == 'lappi' }.status")));
        assertEquals(
                frozenReadiness,
                given().get("/api/v1/situation/snapshots/" + id + "/readiness").asString());

        // delivered once more later (a replay): nothing is frozen twice, nothing changes
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion
                    .produceStrings()
                    .fromRecords(List.of(TenTwentyOne.record(RoundEvent.TOPIC, id, closed)))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        Thread.sleep(3000);
        assertEquals(
                1,
                given().get("/api/v1/situation/snapshots")
                        .jsonPath()
                        .getList("findAll { it.id == '" + id + "' }")
                        .size());
        assertEquals(
                createdAt,
                given().get("/api/v1/situation/snapshots/" + id).jsonPath().getString("createdAt"));
    }
}
