package fi.tilannekuva.status.rest;

import static fi.tilannekuva.status.Reports.item;
import static fi.tilannekuva.status.Reports.post;
import static fi.tilannekuva.status.Reports.round;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.Reports;
import fi.tilannekuva.status.StatusEvents;
import fi.tilannekuva.status.TestRoadmaps;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** POST /api/v1/reports against the real PostgreSQL and Kafka: storing, refusing, events. Each test owns a unit. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
@Order(3)
class ReportResourceTest {

    @BeforeEach
    void roadmapKnown() {
        TestRoadmaps.ensurePublished();
    }

    @Test
    void aWholeRoundIsStoredAndEveryChangeGoesOutAsACloudEventKeyedByTheUnit() {
        String region = "lappi";
        int size = TestRoadmaps.subtasksOf(region).size();
        post(region, Reports.wholeRound(region, "2021-10-15T09:00:00Z"))
                .statusCode(201)
                .contentType("application/json")
                .body("region", equalTo(region))
                .body("roadmapVersion", equalTo(TestRoadmaps.VERSION))
                .body("itemsStored", equalTo(size))
                .body("currentChanged", equalTo(size))
                .body("stale", equalTo(0))
                .body("changes", hasSize(size))
                .body("changes[0].version", equalTo(1))
                .body("changes[0].previousStatus", nullValue());
        assertEquals(size, Reports.currentCount(region));

        List<ConsumerRecord<String, String>> records = StatusEvents.await(region, size);
        assertEquals(size, records.size(), "one event per changed current record, no more");
        Set<String> subtasks = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            assertEquals(region, record.key());
            assertEquals(
                    "application/cloudevents+json; charset=UTF-8",
                    new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
            JsonNode event = StatusEvents.json(record);
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals("/tilannekuva/status-service", event.get("source").asText());
            assertEquals("fi.tilannekuva.status.changed.v1", event.get("type").asText());
            assertEquals("application/json", event.get("datacontenttype").asText());
            JsonNode data = event.get("data");
            assertEquals(
                    region + "/" + data.get("subtask").asText(),
                    event.get("subject").asText());
            assertEquals(event.get("id").asText(), data.get("eventId").asText());
            assertNotNull(Instant.parse(event.get("time").asText()));
            assertEquals(
                    Set.of(
                            "eventId",
                            "region",
                            "subtask",
                            "roadmapVersion",
                            "status",
                            "previousStatus",
                            "comment",
                            "supportNeeded",
                            "reportedAt",
                            "recordedAt",
                            "version"),
                    fieldNames(data));
            assertEquals(1, data.get("version").asInt());
            assertTrue(data.get("previousStatus").isNull());
            assertEquals(TestRoadmaps.VERSION, data.get("roadmapVersion").asInt());
            assertEquals("2021-10-15T09:00:00Z", data.get("reportedAt").asText());
            subtasks.add(data.get("subtask").asText());
        }
        assertEquals(new HashSet<>(TestRoadmaps.subtasksOf(region)), subtasks);
    }

    @Test
    void aRoundWithBadItemsStoresNothingAndNamesEachBadItem() {
        String region = "kainuu";
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item("JO-E-5.1", "DONE"));
        items.add(item("JO-E-5.2", "IN_PROGRESS"));
        items.add(item("XX-Y-1.1", "DONE")); // 2: no such subtask
        items.add(item("HTT-H-1.1", "DONE")); // 3: applies only to the Uusimaa units
        items.add(item("JO-E-5.3", "ALMOST")); // 4: no such status
        items.add(item("JO-E-5.1", "DONE")); // 5: the same subtask again
        Map<String, Object> future = item("JO-E-5.4", "DONE");
        future.put("reportedAt", Instant.now().plus(Duration.ofHours(1)).toString());
        items.add(future); // 6: in the future
        items.add(item("JO-E-5.5", "DONE", "x".repeat(2001), false)); // 7: comment too long
        post(region, round(region, "2021-10-15T09:00:00Z", items))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("type", containsString("invalid-report"))
                .body("errors.index", hasItems(2, 3, 4, 5, 6, 7))
                .body("errors", hasSize(6))
                .body("errors.find { it.index == 2 }.field", equalTo("subtask"))
                .body("errors.find { it.index == 3 }.message", containsString("does not apply to unit kainuu"))
                .body("errors.find { it.index == 4 }.pointer", equalTo("/items/4/status"))
                .body("errors.find { it.index == 5 }.message", containsString("already reported by item 0"))
                .body("errors.find { it.index == 6 }.message", containsString("in the future"))
                .body("errors.find { it.index == 7 }.field", equalTo("comment"));
        assertEquals(0, Reports.currentCount(region), "nothing stored");
        assertEquals(0, Reports.historyCount(region, "JO-E-5.1"), "nothing in the history either");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyStoresNothingTwiceAndAnswersAsTheFirstTime() {
        String region = "pirkanmaa";
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = round(region, "2021-10-15T09:00:00Z", List.of(item("JO-E-5.8", "ON_SCHEDULE")));
        String first = post(region, body, key).statusCode(201).extract().asString();
        String second = post(region, body, key)
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .asString();
        assertEquals(first, second);
        assertEquals(1, Reports.historyCount(region, "JO-E-5.8"));
        assertEquals(1, StatusEvents.await(region, 1).size());

        Map<String, Object> other = round(region, "2021-10-15T09:00:00Z", List.of(item("JO-E-5.8", "DONE")));
        post(region, other, key)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("idempotency-key-reused"));
        assertEquals(1, Reports.historyCount(region, "JO-E-5.8"));
    }

    @Test
    void theLatestReportedAtWinsAStaleItemChangesNothingAndATieGoesToTheLastReceived() {
        String region = "satakunta";
        String subtask = "JO-E-5.3";
        post(region, round(region, "2021-10-15T09:00:00Z", List.of(item(subtask, "IN_PROGRESS"))))
                .statusCode(201)
                .body("currentChanged", equalTo(1));
        post(region, round(region, "2021-09-15T09:00:00Z", List.of(item(subtask, "NOT_STARTED"))))
                .statusCode(201)
                .body("itemsStored", equalTo(1))
                .body("currentChanged", equalTo(0))
                .body("stale", equalTo(1))
                .body("changes", hasSize(0));
        statusOf(region, subtask)
                .body("items[0].status", equalTo("IN_PROGRESS"))
                .body("items[0].version", equalTo(1));
        post(
                        region,
                        round(
                                region,
                                "2021-10-15T09:00:00Z",
                                List.of(item(subtask, "DELAYED", "Toimittaja myöhässä", true))))
                .statusCode(201)
                .body("changes[0].version", equalTo(2))
                .body("changes[0].previousStatus", equalTo("IN_PROGRESS"));
        statusOf(region, subtask).body("items[0].status", equalTo("DELAYED")).body("items[0].version", equalTo(2));
        assertEquals(3, Reports.historyCount(region, subtask), "the stale item is kept in the history");

        List<ConsumerRecord<String, String>> events = StatusEvents.await(region, 2);
        assertEquals(2, events.size(), "the stale item emitted nothing");
        JsonNode second = StatusEvents.json(events.get(1)).get("data");
        assertEquals(2, second.get("version").asInt());
        assertEquals("DELAYED", second.get("status").asText());
        assertEquals("IN_PROGRESS", second.get("previousStatus").asText());
        assertEquals("Toimittaja myöhässä", second.get("comment").asText());
        assertTrue(second.get("supportNeeded").asBoolean());
    }

    @Test
    void aWriteForAnotherUnitIsRefusedAndStoresNothing() {
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "etela-savo"))
                .contentType("application/json")
                .body(round("pohjanmaa", "2021-10-15T09:00:00Z", List.of(item("JO-E-5.1", "DONE"))))
                .post("/api/v1/reports")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("only for unit 'etela-savo'"));
        assertEquals(0, Reports.currentCount("pohjanmaa"));
    }

    @Test
    void aReportWithoutRegionIsNamedAsInvalid() {
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "pohjanmaa"))
                .contentType("application/json")
                .body(
                        "{\"reportedAt\": \"2021-10-15T09:00:00Z\", \"items\": [{\"subtask\": \"JO-E-5.1\", \"status\": \"DONE\"}]}")
                .post("/api/v1/reports")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/region"));
        assertEquals(0, Reports.currentCount("pohjanmaa"));
    }

    @Test
    void aReaderTokenCannotReport() {
        given().auth()
                .oauth2(DevKeys.token("reader", null))
                .contentType("application/json")
                .body(round("pohjanmaa", "2021-10-15T09:00:00Z", List.of(item("JO-E-5.1", "DONE"))))
                .post("/api/v1/reports")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        given().contentType("application/json")
                .body(round("pohjanmaa", "2021-10-15T09:00:00Z", List.of(item("JO-E-5.1", "DONE"))))
                .post("/api/v1/reports")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "pohjanmaa", Duration.ofMinutes(-5)))
                .contentType("application/json")
                .body(round("pohjanmaa", "2021-10-15T09:00:00Z", List.of(item("JO-E-5.1", "DONE"))))
                .post("/api/v1/reports")
                .then()
                .statusCode(401);
        assertEquals(0, Reports.currentCount("pohjanmaa"));
    }

    @Test
    void malformedJsonWrongTypesAndWrongContentTypeAre4xxProblemsNever500() {
        String token = DevKeys.token("region-reporter", "kymenlaakso");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"region\": \"kymenlaakso\", \"items\": [")
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(
                        """
                        {"region": "kymenlaakso", "reportedAt": "2021-10-15T09:00:00Z",
                         "items": [{"subtask": "JO-E-5.1", "status": "DONE", "supportNeeded": "maybe"}]}""")
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/items/0/supportNeeded"));
        given().auth()
                .oauth2(token)
                .contentType("text/plain")
                .body("hello")
                .post("/api/v1/reports")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("")
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertEquals(0, Reports.currentCount("kymenlaakso"));
    }

    @Test
    void aBodyWithTrailingGarbageOrASecondDocumentIs400AndStoresNothing() {
        String token = DevKeys.token("region-reporter", "paijat-hame");
        String document =
                """
                {"region": "paijat-hame", "reportedAt": "2021-10-15T09:00:00Z",
                 "items": [{"subtask": "JO-E-5.1", "status": "DONE"}]}""";
        Map<String, String> bodies =
                Map.of(document + " garbage", "Unrecognized token", document + document, "Trailing token");
        bodies.forEach((body, detail) -> given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString(detail)));
        assertEquals(0, Reports.currentCount("paijat-hame"), "nothing stored");
    }

    @Test
    void aNulCharacterInACommentIs422NamingTheItemAndStoresNothing() {
        String region = "keski-pohjanmaa";
        List<Map<String, Object>> items =
                List.of(item("JO-E-5.1", "DONE", "fine", false), item("JO-E-5.2", "DONE", "bad\0comment", false));
        post(region, round(region, "2021-10-15T09:00:00Z", items))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].index", equalTo(1))
                .body("errors[0].field", equalTo("comment"))
                .body("errors[0].pointer", equalTo("/items/1/comment"))
                .body("errors[0].message", containsString("NUL"));
        assertEquals(0, Reports.currentCount(region), "nothing stored");
    }

    @Test
    void moreItemsThanAcceptedIs413() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            items.add(item("JO-E-5.1", "DONE"));
        }
        post("kanta-hame", round("kanta-hame", "2021-10-15T09:00:00Z", items))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("5001 items"));
    }

    @Test
    void aBodyOverTheHttpLimitIs413WithAProblemDocument() throws Exception {
        // A raw request that announces 5 MB and sends none of it: the answer comes before the body is read, and a
        // client still writing the body would only see the connection closed (broken pipe).
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + DevKeys.token("region-reporter", "ita-uusimaa") + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + 5 * 1024 * 1024 + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("body-too-large"), answer);
        }
    }

    private static io.restassured.response.ValidatableResponse statusOf(String region, String subtask) {
        String group = subtask.substring(0, subtask.indexOf('-'));
        return given().auth()
                .oauth2(DevKeys.token("region-reporter", region))
                .get("/api/v1/regions/" + region + "/statuses?group=" + group)
                .then()
                .statusCode(200)
                .body("items.find { it.subtask == '" + subtask + "' }", org.hamcrest.Matchers.notNullValue());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
