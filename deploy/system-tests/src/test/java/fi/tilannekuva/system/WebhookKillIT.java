package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.tilannekuva.local.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * situation-service is killed with SIGKILL while it is delivering to a partner's slow webhook: after the restart the
 * partner has every event of its subscription, by webhook-id, in order per subtask, and nothing it was not subscribed
 * to.
 */
@Order(11)
class WebhookKillIT {

    private static final String UNIT = "pohjanmaa";

    private final SystemUnderTest system = SystemUnderTest.shared();

    /** Every event id in a subscription's feed after a position, page by page. */
    private List<String> feed(String subscription, String after) {
        List<String> ids = new ArrayList<>();
        String cursor = after;
        while (true) {
            Http.Reply page = system.situation()
                    .get("/api/v1/subscriptions/" + subscription + "/events?limit=1000&after=" + cursor)
                    .bearer(SystemUnderTest.admin())
                    .send();
            assertEquals(200, page.status(), page.toString());
            if (page.json().isEmpty()) {
                return ids;
            }
            page.json().forEach(event -> ids.add(event.path("id").asText()));
            cursor = page.header("Next-Cursor").orElseThrow();
        }
    }

    @Test
    void aServiceKilledMidDeliveryResumesWithoutLosingADelivery() throws Exception {
        Roadmap roadmap = system.ensureRoadmap();
        // a slow partner: deliveries are in flight when the service dies
        try (PartnerEndpoint partner = PartnerEndpoint.start(Duration.ofMillis(400))) {
            JsonNode subscription = system.subscribe("thl", partner.url(), UNIT);
            String id = subscription.path("id").asText();
            List<String> subtasks = roadmap.applicableTo(UNIT).stream()
                    .map(Roadmap.Subtask::id)
                    .limit(6)
                    .toList();
            String[] statuses = {"IN_PROGRESS", "DELAYED", "ON_SCHEDULE"};
            // Each report is the unit's newest (reported now, after whatever earlier tests reported), and its receipt
            // says how many current records it changed: one status-changed event each.
            int changed = 0;
            for (String status : statuses) {
                List<Report.Item> items = new ArrayList<>();
                for (String subtask : subtasks) {
                    items.add(Report.Item.of(subtask, status));
                }
                Http.Reply report = system.report(new Report(UNIT, Instant.now(), items));
                assertEquals(201, report.status(), report.toString());
                changed += report.json().path("currentChanged").asInt();
                SystemUnderTest.sleep(Duration.ofMillis(5));
            }
            assertTrue(changed >= subtasks.size() * 2, "the reports changed the records: " + changed);
            int events = changed;
            SystemUnderTest.await("deliveries in flight", Duration.ofSeconds(60), () -> partner.count() >= 3);
            ServiceProcess situation = system.services().situation();
            situation.kill();
            int beforeKill = partner.count();
            system.start(situation);

            // What the subscription takes, read back from its feed from where it started, once the restarted
            // service has journaled every change (its consumer group rejoins first).
            String start = subscription.path("deliveredPosition").asText();
            Set<String> expected = new LinkedHashSet<>();
            SystemUnderTest.await("the feed holds the reports' events", Duration.ofSeconds(150), () -> {
                expected.clear();
                expected.addAll(feed(id, start));
                return expected.size() >= events;
            });
            SystemUnderTest.await(
                    "every event delivered after the restart",
                    Duration.ofSeconds(180),
                    () -> partner.deliveries().stream()
                            .map(PartnerEndpoint.Delivery::id)
                            .toList()
                            .containsAll(expected));
            List<PartnerEndpoint.Delivery> all = partner.deliveries();
            assertTrue(all.size() > beforeKill, "deliveries went on after the restart");
            Map<String, Long> lastVersion = new HashMap<>();
            Set<String> seen = new LinkedHashSet<>();
            for (PartnerEndpoint.Delivery delivery : all) {
                JsonNode event = Json.parse(delivery.body());
                assertEquals(UNIT, event.path("data").path("region").asText(), "only the subscribed unit's events");
                if (seen.add(delivery.id())) {
                    long version = event.path("data").path("version").asLong();
                    Long previous = lastVersion.put(event.path("subject").asText(), version);
                    assertTrue(previous == null || previous < version, "in order: " + event);
                }
            }
            assertEquals(expected, seen, "every event of the subscription, nothing else");
        }
    }
}
