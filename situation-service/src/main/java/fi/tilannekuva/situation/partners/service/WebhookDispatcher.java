package fi.tilannekuva.situation.partners.service;

import fi.tilannekuva.kit.events.CloudEvents;
import fi.tilannekuva.situation.partners.config.PartnersConfig;
import fi.tilannekuva.situation.partners.service.Deliveries.Due;
import fi.tilannekuva.situation.partners.service.Deliveries.Outcome;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Delivers the journal to the webhook subscriptions (Standard Webhooks, each delivery one CloudEvent in structured
 * mode). One loop per replica leases the subscriptions with work and hands each to a worker of its own, so a slow or
 * dead endpoint holds one worker for at most the request timeout and never another subscription; a subscription's
 * events go one at a time, in journal order, so a unit's events arrive in order. Several replicas share the work
 * through the leases.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    /** The user agent of every delivery. */
    public static final String USER_AGENT = "Tilannekuva-Webhooks/1.0";

    private final String owner = "situation-" + UUID.randomUUID();
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final Object wake = new Object();
    private volatile boolean running;
    private Thread loop;
    private ExecutorService workers;
    private HttpClient http;

    @Inject
    Deliveries deliveries;

    @Inject
    PartnersConfig config;

    @Inject
    Clock clock;

    void start(@Observes StartupEvent event) {
        if (!config.webhooks().enabled()) {
            LOG.info("webhook deliveries are off on this replica (partners.webhooks.enabled=false)");
            return;
        }
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.webhooks().maxConcurrent(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.webhooks().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (loop != null) {
            loop.interrupt();
            workers.shutdownNow();
        }
    }

    void appended(@Observes(during = TransactionPhase.AFTER_SUCCESS) JournalAppended event) {
        wake();
    }

    /** Looks for work now rather than at the next poll. */
    public void wake() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                tick();
                synchronized (wake) {
                    wake.wait(config.webhooks().poll().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("webhook dispatch: %s", e.toString());
                sleepQuietly(1000);
            }
        }
    }

    private void tick() {
        int free = config.webhooks().maxConcurrent() - inFlight.size();
        if (free <= 0) {
            return;
        }
        for (UUID id : deliveries.claim(owner, free)) {
            if (!inFlight.add(id)) {
                continue;
            }
            workers.execute(() -> {
                try {
                    deliverTurn(id);
                } catch (RuntimeException e) {
                    LOG.warnf("webhook subscription %s: %s", id, e.toString());
                } finally {
                    try {
                        deliveries.release(id, owner);
                    } catch (RuntimeException e) {
                        LOG.debugf("releasing %s: %s", id, e.toString());
                    }
                    inFlight.remove(id);
                    wake();
                }
            });
        }
    }

    /** Up to a batch of deliveries to one subscription, one after the other. */
    private void deliverTurn(UUID id) {
        for (int i = 0; i < config.webhooks().batch() && running; i++) {
            Due due = deliveries.next(id, owner);
            if (due == null) {
                return;
            }
            Outcome outcome = post(due);
            if (!running) {
                return; // stopping: the attempt is not judged; the cursor stays and the event goes again
            }
            if (!deliveries.record(due, outcome, owner)) {
                return;
            }
        }
    }

    /** One attempt: the event POSTed with the Standard Webhooks headers, timed from the request to the answer's end. */
    Outcome post(Due due) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                .timeout(config.webhooks().requestTimeout())
                .header("Content-Type", CloudEvents.CONTENT_TYPE)
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", due.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        WebhookSigner.signatures(due.secrets(), due.eventId(), timestamp, due.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(due.body()))
                .build();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response =
                    answer.get(config.webhooks().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(response.statusCode(), millisSince(started), null);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new Outcome(
                    null,
                    millisSince(started),
                    "no answer within " + config.webhooks().requestTimeout());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
            return new Outcome(null, millisSince(started), cause.getClass().getSimpleName() + message);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome(null, millisSince(started), "interrupted: the service stopped");
        }
    }

    private static int millisSince(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
