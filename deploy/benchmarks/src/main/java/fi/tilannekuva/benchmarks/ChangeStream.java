package fi.tilannekuva.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The situation's change stream as an open dashboard holds it ({@code GET /api/v1/situation/changes}, server-sent
 * events): each {@code changed} event is queued with the moment it arrived, read by a thread of its own, so the probe
 * waits on a queue and sends nothing while it waits.
 */
final class ChangeStream implements AutoCloseable {

    private final BlockingQueue<Long> announcements = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final Thread reader;

    private ChangeStream(Stream<String> lines) {
        this.lines = lines;
        this.reader = new Thread(this::read, "change-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; returns once the server answered with its headers. */
    static ChangeStream open(String url) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the change stream answered " + response.statusCode());
        }
        return new ChangeStream(response.body());
    }

    private void read() {
        try {
            lines.forEach(line -> {
                if (line.startsWith("event:") && line.contains("changed")) {
                    announcements.add(System.nanoTime());
                }
            });
        } catch (RuntimeException e) {
            // closed
        }
    }

    /** Forgets the announcements heard so far. */
    void clear() {
        announcements.clear();
    }

    /** When the next announcement arrived ({@link System#nanoTime()}), waiting at most {@code timeout}. */
    long next(Duration timeout) throws InterruptedException {
        Long at = announcements.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (at == null) {
            throw new IllegalStateException("no change announced within " + timeout);
        }
        return at;
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
