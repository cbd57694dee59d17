package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.local.Postgres;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * PostgreSQL restarts, and crashes, while rounds are being reported: requests fail cleanly (503 problem+json), no
 * round is ever half stored, no accepted round is lost, requests succeed again afterwards and the picture catches up.
 */
@Order(13)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresRestartIT {

    /** The answers other than 201 of the restart below, for the cleanliness check. */
    private static final List<String> REFUSALS = Collections.synchronizedList(new ArrayList<>());

    private static final int ITEMS = 20;

    private final SystemUnderTest system = SystemUnderTest.shared();

    /** One round sent and what came back (-1: no answer). */
    private record Sent(String unit, Instant reportedAt, int status, String answer) {}

    @Test
    @Order(1)
    void noRoundIsHalfStoredWhileTheDatabaseRestartsAndRequestsSucceedAfter() throws Exception {
        List<Sent> sent = reportWhile(300, () -> {
            system.infra().postgres().stop();
            SystemUnderTest.sleep(Duration.ofSeconds(5));
            system.infra().postgres().start();
        });
        for (Sent round : sent) {
            if (round.status() != 201) {
                REFUSALS.add(round.answer());
            }
        }
        assertWholeOrNothing(sent);
    }

    @Test
    @Order(2)
    void refusalsWhileTheDatabaseIsDownAreClean503Problems() {
        List<String> unclean = REFUSALS.stream()
                .filter(answer -> !answer.contains("-> 503 application/problem+json"))
                .toList();
        assertEquals(List.of(), unclean, "refusals while the database is down are 503 problem+json");
    }

    /**
     * The database as production runs it (fsync, synchronous commit and full-page writes on), killed with SIGKILL —
     * postmaster and backends at once, no shutdown checkpoint — in the middle of rounds: after crash recovery every
     * round answered 201 is there whole, every other round is wholly there or wholly absent, and the outbox drains
     * (the picture equals the recount of the stored statuses).
     */
    @Test
    @Order(3)
    void aDurableDatabaseKilledMidRoundLosesNoAcceptedRoundAndHalvesNone() throws Exception {
        Postgres postgres = system.infra().postgres();
        postgres.stop();
        postgres.durable(true);
        postgres.start();
        try {
            List<Sent> sent = reportWhile(400, () -> {
                postgres.crash();
                SystemUnderTest.sleep(Duration.ofSeconds(2));
                postgres.start();
            });
            assertWholeOrNothing(sent);
        } finally {
            postgres.stop();
            postgres.durable(false);
            postgres.start();
        }
    }

    /** Sends rounds from two threads, runs the disruption once some were accepted, stops when more were after it. */
    private List<Sent> reportWhile(int seed, Disruption disruption) throws Exception {
        Roadmap roadmap = system.ensureRoadmap();
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger accepted = new AtomicInteger();
        // A distinct reportedAt per round identifies its rows in the history; each run (seed) has its own range,
        // a second apart per round and days apart per run.
        Instant base = Instant.now()
                .minus(1, ChronoUnit.DAYS)
                .minus(seed, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS);
        AtomicInteger sequence = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Random random = new Random(seed + t);
            Thread sender = new Thread(() -> {
                while (running.get()) {
                    String unit = Units.ALL.get(random.nextInt(Units.ALL.size()));
                    List<Roadmap.Subtask> applicable = new ArrayList<>(roadmap.applicableTo(unit));
                    Collections.shuffle(applicable, random);
                    List<Report.Item> items = applicable.subList(0, Math.min(ITEMS, applicable.size())).stream()
                            .map(s -> Report.Item.of(s.id(), Status.codes().get(random.nextInt(5))))
                            .toList();
                    Instant reportedAt = base.plusSeconds(sequence.incrementAndGet());
                    try {
                        Http.Reply reply = system.report(new Report(unit, reportedAt, items));
                        sent.add(new Sent(unit, reportedAt, reply.status(), reply.toString()));
                        if (reply.status() == 201) {
                            accepted.incrementAndGet();
                        }
                    } catch (UncheckedIOException e) {
                        sent.add(new Sent(unit, reportedAt, -1, e.getMessage()));
                    }
                    SystemUnderTest.sleep(Duration.ofMillis(20));
                }
            });
            sender.start();
            senders.add(sender);
        }
        try {
            awaitMore(accepted, 10);
            disruption.run();
            awaitMore(accepted, 20);
        } finally {
            running.set(false);
            for (Thread sender : senders) {
                sender.join(60_000);
            }
        }
        return List.copyOf(sent);
    }

    /** Every accepted round stored whole, no round half stored, refusals are problems, the picture catches up. */
    private void assertWholeOrNothing(List<Sent> sent) {
        List<String> problems = new ArrayList<>();
        for (Sent round : sent) {
            long stored = system.databases().storedItems(round.unit(), round.reportedAt());
            if (round.status() == 201 && stored != ITEMS) {
                problems.add("accepted but " + stored + " of " + ITEMS + " items stored: " + round.answer());
            } else if (round.status() != 201 && stored != 0 && stored != ITEMS) {
                problems.add("half stored (" + stored + " of " + ITEMS + "): " + round.answer());
            }
            if (round.status() > 0 && round.status() != 201 && !round.answer().contains("application/problem+json")) {
                problems.add("a refusal that is not a problem: " + round.answer());
            }
        }
        assertEquals(List.of(), problems, "every round is stored whole or not at all; refusals are problems");
        assertTrue(sent.stream().anyMatch(r -> r.status() == 201), "rounds were accepted");
        Sent last = sent.get(sent.size() - 1);
        assertEquals(201, last.status(), "requests succeed again after the database is back: " + last.answer());
        system.awaitPictureMatchesRecount(Duration.ofSeconds(180));
    }

    /** What happens to the database while rounds are sent. */
    private interface Disruption {
        void run() throws Exception;
    }

    private static void awaitMore(AtomicInteger accepted, int more) {
        int target = accepted.get() + more;
        SystemUnderTest.await(more + " more accepted rounds", Duration.ofSeconds(90), () -> accepted.get() >= target);
    }
}
