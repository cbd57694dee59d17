package fi.tilannekuva.system;

import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.kit.reform.Units;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of small reports from random units in the background, as regional systems send them, with
 * every answer counted by status code.
 */
final class ReportStream implements AutoCloseable {

    private final SystemUnderTest system;
    private final Roadmap roadmap;
    private final Random random;
    private final Duration pause;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    /**
     * Starts sending.
     *
     * @param seed the same seed gives the same reports
     * @param pause the pause between two reports
     */
    ReportStream(SystemUnderTest system, long seed, Duration pause) {
        this.system = system;
        this.roadmap = system.ensureRoadmap();
        this.random = new Random(seed);
        this.pause = pause;
        this.thread = new Thread(this::run, "report-stream");
        thread.start();
    }

    /** How many answers had a status (-1: no answer, the connection failed). */
    int count(int status) {
        AtomicInteger n = answers.get(status);
        return n == null ? 0 : n.get();
    }

    /** Every answer that was neither 201 nor a connection failure. */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Waits until this many more reports were accepted. */
    void awaitAccepted(int more) {
        int target = count(201) + more;
        SystemUnderTest.await(more + " more accepted reports", Duration.ofSeconds(60), () -> count(201) >= target);
    }

    /** Stops sending and waits for the last request to finish. */
    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running.get()) {
            String unit = Units.ALL.get(random.nextInt(Units.ALL.size()));
            List<Roadmap.Subtask> applicable = roadmap.applicableTo(unit);
            List<Report.Item> items = new ArrayList<>();
            int size = 1 + random.nextInt(3);
            List<Roadmap.Subtask> shuffled = new ArrayList<>(applicable);
            Collections.shuffle(shuffled, random);
            for (Roadmap.Subtask subtask : shuffled.subList(0, Math.min(size, shuffled.size()))) {
                items.add(Report.Item.of(
                        subtask.id(),
                        Status.codes().get(random.nextInt(Status.codes().size()))));
            }
            int status;
            try {
                Http.Reply reply = system.report(new Report(unit, Instant.now(), items));
                status = reply.status();
                if (status != 201) {
                    unexpected.add(reply.toString());
                }
            } catch (UncheckedIOException e) {
                status = -1;
            }
            answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            SystemUnderTest.sleep(pause);
        }
    }
}
