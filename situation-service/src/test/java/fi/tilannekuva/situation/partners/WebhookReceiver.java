package fi.tilannekuva.situation.partners;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP receiver for the webhook tests (the JDK's server on a free loopback port): it keeps every request it
 * gets, per path, and answers as scripted: by default 200, a path can answer a sequence of statuses first, or hang.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request received. */
    record Delivery(String path, Headers headers, String body, long receivedAtNanos) {

        String id() {
            return headers.getFirst("webhook-id");
        }

        String signature() {
            return headers.getFirst("webhook-signature");
        }

        /** The headers as the Standard Webhooks library reads them. */
        Map<String, List<String>> headerMap() {
            Map<String, List<String>> map = new java.util.HashMap<>();
            headers.forEach((name, values) -> map.put(name.toLowerCase(java.util.Locale.ROOT), values));
            return map;
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Duration> hangs = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/", receiver::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return receiver;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to the path are answered with these statuses, then 200 again. */
    void answer(String path, Integer... statuses) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
    }

    /** Every request to the path waits this long before it is answered. */
    void hang(String path, Duration duration) {
        hangs.put(path, duration);
    }

    /** What the path received so far, in order of arrival. */
    List<Delivery> at(String path) {
        synchronized (deliveries) {
            return deliveries.stream().filter(d -> d.path().equals(path)).toList();
        }
    }

    /** Waits until the path received requests that satisfy the condition; returns them. */
    List<Delivery> await(String path, Predicate<List<Delivery>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Delivery> received = at(path);
            if (condition.test(received)) {
                return received;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + timeout + " " + path + " received only " + received.size()
                        + " requests: " + received.stream().map(Delivery::id).toList());
            }
            synchronized (deliveries) {
                try {
                    deliveries.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Delivery delivery = new Delivery(path, exchange.getRequestHeaders(), body, System.nanoTime());
        synchronized (deliveries) {
            deliveries.add(delivery);
            deliveries.notifyAll();
        }
        Duration hang = hangs.get(path);
        if (hang != null) {
            try {
                Thread.sleep(hang.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Deque<Integer> script = scripts.get(path);
        Integer scripted = script == null ? null : script.poll();
        int status = scripted == null ? 200 : scripted;
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            // the sender gave up waiting
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
