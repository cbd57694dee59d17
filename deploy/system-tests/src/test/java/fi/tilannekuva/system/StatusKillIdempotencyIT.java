package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.local.ServiceProcess;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * status-service is killed with SIGKILL while it stores a large reporting round; the regional system retries with
 * the same {@code Idempotency-Key} and the round is stored exactly once.
 */
@Order(12)
class StatusKillIdempotencyIT {

    /** 150 subtasks per group: a round of 750 items for a Uusimaa unit, long enough to be killed in the middle. */
    private static final Roadmap LARGE = Roadmap.generated("large rounds", 13, 150);

    private final SystemUnderTest system = SystemUnderTest.shared();

    @Test
    void aRoundInterruptedByAKillIsStoredExactlyOnceByTheRetry() throws Exception {
        system.publish(LARGE);
        ServiceProcess status = system.services().status();
        List<Long> delays = List.of(150L, 600L);
        for (int attempt = 0; attempt < delays.size(); attempt++) {
            String unit = Units.UUSIMAA.get(attempt);
            // Newer than anything reported before, so the round becomes the unit's current record.
            Instant reportedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Random random = new Random(attempt);
            List<Report.Item> items = LARGE.applicableTo(unit).stream()
                    .map(s -> Report.Item.of(
                            s.id(),
                            Status.codes().get(random.nextInt(Status.codes().size()))))
                    .toList();
            Report round = new Report(unit, reportedAt, items);
            String key = SystemUnderTest.newKey();

            CompletableFuture<Http.Reply> first = CompletableFuture.supplyAsync(() -> system.report(round, key));
            SystemUnderTest.sleep(Duration.ofMillis(delays.get(attempt)));
            status.kill();
            Http.Reply firstAnswer = answerOrNull(first);
            system.start(status);

            Http.Reply retry = system.report(round, key);
            assertEquals(201, retry.status(), "the retry after the kill: " + retry);
            if (firstAnswer != null && firstAnswer.status() == 201) {
                assertEquals(firstAnswer.json(), retry.json(), "a retry answers as the first time");
            }
            assertEquals(
                    items.size(), system.databases().storedItems(unit, reportedAt), "the round is stored exactly once");

            Http.Reply again = system.report(round, key);
            assertEquals(201, again.status(), again.toString());
            assertEquals(retry.json(), again.json(), "a second retry answers as the first time");
            assertEquals(
                    items.size(), system.databases().storedItems(unit, reportedAt), "a second retry stores nothing");

            Map<String, String> expected =
                    items.stream().collect(Collectors.toMap(Report.Item::subtask, Report.Item::status));
            Map<String, String> current = system.databases().currentStatuses().get(unit);
            assertEquals(
                    expected,
                    expected.keySet().stream().collect(Collectors.toMap(s -> s, s -> String.valueOf(current.get(s)))),
                    unit + "'s current statuses are the round's");

            Report other = new Report(unit, reportedAt, items.subList(0, 1));
            Http.Reply conflict = system.report(other, key);
            assertTrue(
                    conflict.status() == 409 || conflict.status() == 422,
                    "the same key with another body is refused: " + conflict);
            assertEquals(
                    items.size(),
                    system.databases().storedItems(unit, reportedAt),
                    "a refused reuse of the key stores nothing");
        }
        system.awaitPictureMatchesRecount(Duration.ofSeconds(120));
    }

    private static Http.Reply answerOrNull(CompletableFuture<Http.Reply> request) {
        try {
            return request.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException) {
                return null; // killed before it answered: the client cannot know whether the round was stored
            }
            throw e;
        }
    }
}
