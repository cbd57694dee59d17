package fi.tilannekuva.status.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import fi.tilannekuva.kit.events.RoundEvent;
import fi.tilannekuva.kit.events.RoundReminder;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.Rounds;
import fi.tilannekuva.status.StatusEvents;
import fi.tilannekuva.status.service.RoundAnnouncer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The round calendar's events: through the outbox to the real broker, valid, in order, each written once. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
class RoundEventsTest {

    private static final Path SCHEMA =
            Path.of("src/main/resources/META-INF/resources/events/reporting-round.schema.json");

    @Inject
    RoundAnnouncer announcer;

    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(record -> StatusEvents.json(record).path("type").asText())
                .filter(RoundEvent.TYPES::contains) // the round's own events, not the reminders on the same topic
                .toList();
    }

    @Test
    void aRoundPlannedAfterTheFactOpensAndClosesOnceEvenWhenManyAnnounceAtOnce() throws Exception {
        String name = "Jälkikäteen " + UUID.randomUUID().toString().substring(0, 6);
        Instant t = Instant.parse("2005-03-01T06:00:00Z");
        String id = Rounds.plan(Rounds.round(name, t, t.plus(Duration.ofDays(14)), t.plus(Duration.ofDays(30))))
                .statusCode(201)
                .extract()
                .path("id");
        // four replicas looking at the calendar at the same moment, besides the scheduler
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 4)
                    .<Callable<Integer>>mapToObj(i -> announcer::announce)
                    .toList();
            for (var future : pool.invokeAll(calls)) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        List<ConsumerRecord<String, String>> records = StatusEvents.await(
                RoundEvent.TOPIC, id, 2, Duration.ofSeconds(30), value -> !value.contains(RoundReminder.TYPE));
        // opened and closed, once each, in order; nothing is due soon in a round that closed long ago
        assertEquals(List.of(RoundEvent.OPENED, RoundEvent.CLOSED), types(records));
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(SCHEMA));
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = StatusEvents.json(record);
            assertEquals(Set.of(), schema.validate(event), record.value());
            assertEquals(id, event.at("/data/round").asText());
            assertEquals(name, event.at("/data/name").asText());
            assertEquals("2021-04-01", event.at("/data/windowFrom").asText());
            assertEquals(
                    t.plus(Duration.ofDays(30)).toString(),
                    event.at("/data/closesAt").asText());
            assertTrue(record.headers().lastHeader("content-type") != null);
        }
        assertEquals(
                t.plus(Duration.ofDays(30)).toString(),
                StatusEvents.json(records.get(1)).path("time").asText());
    }

    @Test
    void anOpenRoundIsDueSoonBeforeItsDueDateAndACancelledOneSaysNothingMore() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String name = "Avoin " + UUID.randomUUID().toString().substring(0, 6);
        // opens in a second, due in an hour (within the two days' lead), closes in two
        String id = Rounds.plan(Rounds.round(
                        name, now.plusSeconds(1), now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))))
                .statusCode(201)
                .extract()
                .path("id");
        List<ConsumerRecord<String, String>> records = StatusEvents.await(
                RoundEvent.TOPIC, id, 2, Duration.ofSeconds(30), value -> !value.contains(RoundReminder.TYPE));
        assertEquals(List.of(RoundEvent.OPENED, RoundEvent.DUE_SOON), types(records));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(fi.tilannekuva.local.DevKeys.token("roadmap-admin", null))
                .delete("/api/v1/rounds/" + id)
                .then()
                .statusCode(200);
        assertEquals(
                2,
                StatusEvents.await(
                                RoundEvent.TOPIC,
                                id,
                                2,
                                Duration.ofSeconds(5),
                                value -> !value.contains(RoundReminder.TYPE))
                        .size(),
                "no closed event for a cancelled round");
    }
}
