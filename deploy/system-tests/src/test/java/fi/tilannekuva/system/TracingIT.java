package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.system.TraceCollector.CollectedSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One report followed by its trace: status-service's REST call, the outbox relay publishing each event, Kafka, and
 * situation-service applying the events to the projection, all spans of one trace, exported over OTLP to a collector
 * in the test JVM.
 */
class TracingIT {

    private static final String PROCESS = "status-changed process";
    private static final String PUBLISH = "status-changed publish";

    private final SystemUnderTest system = SystemUnderTest.shared();
    private final Random random = new Random();

    @Test
    void aReportCarryingTraceContextIsOneTraceFromTheRestCallIntoTheProjection() {
        String unit = "pohjois-karjala";
        List<Report.Item> items = twoChangedItems(unit);
        String traceId = hex(16);
        String callerSpan = hex(8);

        Http.Reply reply = system.status()
                .post("/api/v1/reports")
                .bearer(SystemUnderTest.reporter(unit))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .json(new Report(unit, Instant.now().minusSeconds(5), items))
                .send();
        assertEquals(201, reply.status(), reply.toString());

        List<CollectedSpan> trace = awaitComplete(traceId, items.size());
        CollectedSpan server = only(
                trace, s -> s.service().equals("status-service") && s.kind().equals("SERVER"));
        assertEquals(callerSpan, server.parentSpanId(), "the REST span continues the caller's trace: " + server);
        assertTrue(server.name().contains("/api/v1/reports"), server.toString());
        assertChain(trace, server, unit, items.size());
        system.awaitPictureMatchesRecount(Duration.ofSeconds(60));
    }

    @Test
    void aReportWithoutTraceContextStartsItsOwnTraceThatReachesTheProjection() {
        String unit = "etela-karjala";
        List<Report.Item> items = twoChangedItems(unit);
        int before = system.traces().all().size();

        Http.Reply reply = system.report(new Report(unit, Instant.now().minusSeconds(5), items));
        assertEquals(201, reply.status(), reply.toString());

        SystemUnderTest.await(
                "situation-service's spans of the round",
                Duration.ofSeconds(60),
                () -> processedAfter(before, unit).size() >= items.size());
        List<CollectedSpan> processed = processedAfter(before, unit);
        Set<String> traceIds = processed.stream().map(CollectedSpan::traceId).collect(Collectors.toSet());
        assertEquals(1, traceIds.size(), "one round, one trace: " + processed);
        List<CollectedSpan> trace = awaitComplete(traceIds.iterator().next(), items.size());
        CollectedSpan server = only(
                trace, s -> s.service().equals("status-service") && s.kind().equals("SERVER"));
        assertEquals("", server.parentSpanId(), "the REST span is the root of a new trace: " + server);
        assertChain(trace, server, unit, items.size());
    }

    private List<CollectedSpan> processedAfter(int before, String unit) {
        return system.traces().all().stream()
                .skip(before)
                .filter(s -> s.name().equals(PROCESS))
                .filter(s -> unit.equals(s.attributes().get("messaging.kafka.message.key")))
                .toList();
    }

    /** Each event: a publish span in status-service under the REST span, a process span in situation-service under it. */
    private static void assertChain(List<CollectedSpan> trace, CollectedSpan server, String unit, int events) {
        Map<String, CollectedSpan> byId =
                trace.stream().collect(Collectors.toMap(CollectedSpan::spanId, Function.identity(), (a, b) -> a));
        List<CollectedSpan> published = trace.stream()
                .filter(s -> s.service().equals("status-service") && s.name().equals(PUBLISH))
                .toList();
        List<CollectedSpan> processed = trace.stream()
                .filter(s -> s.service().equals("situation-service") && s.name().equals(PROCESS))
                .toList();
        assertEquals(events, published.size(), "one publish span per event: " + trace);
        assertEquals(events, processed.size(), "one process span per event: " + trace);
        for (CollectedSpan publish : published) {
            assertEquals("PRODUCER", publish.kind(), publish.toString());
            assertEquals(unit, publish.attributes().get("messaging.kafka.message.key"), publish.toString());
            assertTrue(descendsFrom(publish, server, byId), "the publish span descends from the REST span: " + trace);
        }
        Set<String> publishIds = published.stream().map(CollectedSpan::spanId).collect(Collectors.toSet());
        for (CollectedSpan process : processed) {
            assertEquals("CONSUMER", process.kind(), process.toString());
            assertTrue(
                    publishIds.contains(process.parentSpanId()),
                    "situation-service's span is a child of status-service's publish span (the Kafka header): "
                            + trace);
        }
    }

    private static boolean descendsFrom(CollectedSpan span, CollectedSpan ancestor, Map<String, CollectedSpan> byId) {
        for (CollectedSpan s = span; s != null; s = byId.get(s.parentSpanId())) {
            if (s.spanId().equals(ancestor.spanId())) {
                return true;
            }
        }
        return false;
    }

    /** Two critical subtasks of the unit, each reported with a status other than its current one (so both change). */
    private List<Report.Item> twoChangedItems(String unit) {
        Map<String, String> current = new HashMap<>();
        system.status()
                .get("/api/v1/regions/" + unit + "/statuses")
                .bearer(SystemUnderTest.reader())
                .send()
                .json()
                .path("items")
                .forEach(i ->
                        current.put(i.path("subtask").asText(), i.path("status").asText()));
        return system.ensureRoadmap().applicableTo(unit).stream()
                .filter(Roadmap.Subtask::critical)
                .skip(random.nextInt(5))
                .limit(2)
                .map(s -> Report.Item.of(s.id(), "DONE".equals(current.get(s.id())) ? "IN_PROGRESS" : "DONE"))
                .toList();
    }

    /** Waits until the trace holds the REST span and a publish and a process span per event, and returns it. */
    private List<CollectedSpan> awaitComplete(String traceId, int events) {
        SystemUnderTest.await(
                "the REST span and " + events + " publish and process spans of trace " + traceId,
                Duration.ofSeconds(60),
                () -> {
                    List<CollectedSpan> trace = system.traces().trace(traceId);
                    return trace.stream().anyMatch(s -> s.kind().equals("SERVER"))
                            && trace.stream()
                                            .filter(s -> s.name().equals(PUBLISH))
                                            .count()
                                    >= events
                            && trace.stream()
                                            .filter(s -> s.name().equals(PROCESS))
                                            .count()
                                    >= events;
                });
        return system.traces().trace(traceId);
    }

    private static CollectedSpan only(List<CollectedSpan> trace, Predicate<CollectedSpan> which) {
        List<CollectedSpan> found = trace.stream().filter(which).toList();
        assertEquals(1, found.size(), "exactly one such span in " + trace);
        return found.get(0);
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
