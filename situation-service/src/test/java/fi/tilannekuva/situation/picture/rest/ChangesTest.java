package fi.tilannekuva.situation.picture.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An open dashboard hears about a change through server-sent events. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class ChangesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/api/v1/situation/changes")
    URL changes;

    @BeforeEach
    void world() {
        TenTwentyOne.ensurePublished(bootstrapServers);
    }

    @Test
    void anAppliedEventIsAnnouncedAsAChangedEvent() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> response = client.send(
                HttpRequest.newBuilder(URI.create(changes.toString()))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        CompletableFuture<String> heard = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("data:") && line.contains("newestEventAt")) {
                        return line;
                    }
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1500);
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            String subtask = TenTwentyOne.sandboxSubtask();
            companion
                    .produceStrings()
                    .fromRecords(TenTwentyOne.record(
                            "status-changed",
                            "kainuu",
                            TenTwentyOne.statusEvent(
                                    "kainuu",
                                    subtask,
                                    1,
                                    Status.IN_PROGRESS,
                                    null,
                                    null,
                                    false,
                                    Instant.parse("2022-05-01T00:00:00Z"))))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        String line = heard.get(30, TimeUnit.SECONDS);
        assertTrue(line != null && line.contains("newestEventAt"), String.valueOf(line));
    }
}
