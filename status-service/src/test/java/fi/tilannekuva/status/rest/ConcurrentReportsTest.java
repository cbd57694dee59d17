package fi.tilannekuva.status.rest;

import static fi.tilannekuva.status.Reports.item;
import static fi.tilannekuva.status.Reports.post;
import static fi.tilannekuva.status.Reports.round;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.Reports;
import fi.tilannekuva.status.StatusEvents;
import fi.tilannekuva.status.TestRoadmaps;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Reports of one unit arriving at the same time keep versions strictly increasing and store retries once. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
@Order(6)
class ConcurrentReportsTest {

    @Test
    void concurrentReportsOfOneUnitGiveEachChangeItsOwnVersionAndEvent() throws Exception {
        TestRoadmaps.ensurePublished();
        String unit = "etela-karjala";
        int requests = 8;
        // Applied in whatever order the lock grants: an item older than the current one by then is only history.
        List<Callable<Integer>> calls = IntStream.range(0, requests)
                .<Callable<Integer>>mapToObj(i -> () -> post(
                                unit,
                                round(
                                        unit,
                                        "2021-10-15T09:0" + i + ":00Z",
                                        List.of(item("JO-E-5.1", i % 2 == 0 ? "IN_PROGRESS" : "DONE"))))
                        .extract()
                        .statusCode())
                .toList();
        List<Integer> statuses = runTogether(calls);
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), statuses);
        assertEquals(requests, Reports.historyCount(unit, "JO-E-5.1"));

        List<Integer> versions = new ArrayList<>();
        List<String> reportedAt = new ArrayList<>();
        int currentVersion = given().auth()
                .oauth2(DevKeys.token("reader", null))
                .get("/api/v1/regions/" + unit + "/statuses")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].version");
        StatusEvents.await(unit, currentVersion).forEach(r -> {
            var data = StatusEvents.json(r).get("data");
            versions.add(data.get("version").asInt());
            reportedAt.add(data.get("reportedAt").asText());
        });
        // Whatever order the requests were applied in, versions are 1, 2, 3… without gap or repeat, and a version
        // is only ever given to a newer (or equal) reportedAt.
        assertEquals(IntStream.rangeClosed(1, versions.size()).boxed().toList(), versions);
        assertEquals(reportedAt.stream().sorted().toList(), reportedAt);
        assertEquals("2021-10-15T09:07:00Z", reportedAt.get(reportedAt.size() - 1));
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyStoreOnce() throws Exception {
        TestRoadmaps.ensurePublished();
        String unit = "etela-pohjanmaa";
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = round(unit, "2021-10-15T09:00:00Z", List.of(item("JO-E-5.2", "DONE")));
        List<Callable<String>> calls = IntStream.range(0, 4)
                .<Callable<String>>mapToObj(i ->
                        () -> post(unit, body, key).statusCode(201).extract().asString())
                .toList();
        List<String> answers = runTogether(calls);
        assertEquals(1, answers.stream().distinct().count(), "every retry got the first answer");
        assertEquals(1, Reports.historyCount(unit, "JO-E-5.2"));
    }

    private static <T> List<T> runTogether(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
