package fi.tilannekuva.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A partner's webhook endpoint on this machine (the JDK's HTTP server on a free loopback port), for the system tests
 * and the benchmark: it keeps every delivery it gets and answers 204 after an optional delay (a slow partner).
 */
public final class PartnerEndpoint implements AutoCloseable {

    /**
     * One delivery received.
     *
     * @param id its {@code webhook-id}, null for a request without one
     * @param body the body as sent
     * @param receivedAtNanos {@link System#nanoTime()} on arrival
     */
    public record Delivery(String id, String body, long receivedAtNanos) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Delivery> deliveries = new ArrayList<>();

    private PartnerEndpoint(Duration delay) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (deliveries) {
                deliveries.add(
                        new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"), body, System.nanoTime()));
            }
            if (!delay.isZero()) {
                SystemUnderTest.sleep(delay);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts an endpoint that answers every delivery after the delay. */
    public static PartnerEndpoint start(Duration delay) {
        return new PartnerEndpoint(delay);
    }

    /** The endpoint's URL, for a subscription. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** What it received so far, in order of arrival. */
    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** How many deliveries it received so far. */
    public int count() {
        synchronized (deliveries) {
            return deliveries.size();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
