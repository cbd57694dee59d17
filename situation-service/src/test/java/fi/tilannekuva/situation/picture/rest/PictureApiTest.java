package fi.tilannekuva.situation.picture.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polling (ETag/304), exports, asOf, snapshots and errors of the picture endpoints. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class PictureApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void world() {
        TenTwentyOne.ensurePublished(bootstrapServers);
    }

    private void report(String region, String subtask, Status status, Instant at) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion
                    .produceStrings()
                    .fromRecords(TenTwentyOne.record(
                            "status-changed",
                            region,
                            TenTwentyOne.statusEvent(region, subtask, 1, status, null, null, false, at)))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }

    private static int readinessDone(String region, String query) {
        return given().get("/api/v1/situation/readiness?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("rows.find { it.region == '" + region + "' }.cells.YP.done");
    }

    @Test
    void aPollWithTheCurrentETagIsAnswered304UntilAnEventChangesThePicture() {
        String url = "/api/v1/situation/readiness?deadline=2023-01-01";
        String etag = given().get(url)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag).get(url).then().statusCode(304).header("ETag", equalTo(etag));
        given().header("If-None-Match", "\"something-else\"").get(url).then().statusCode(200);

        int before = readinessDone("etela-savo", "deadline=2023-01-01");
        report("etela-savo", TenTwentyOne.sandboxSubtask(), Status.DONE, Instant.parse("2022-03-01T10:00:00Z"));
        TenTwentyOne.awaitTrue(
                Duration.ofSeconds(30),
                () -> given().header("If-None-Match", etag).get(url).statusCode() == 200);
        String changed = given().get(url).then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, changed);
        assertEquals(before + 1, readinessDone("etela-savo", "deadline=2023-01-01"));
    }

    @Test
    void theProgressCsvHasTheSameNumbersAsTheJson() {
        String query = "?" + TenTwentyOne.WINDOW;
        JsonPath json = given().get("/api/v1/situation/progress" + query)
                .then()
                .extract()
                .jsonPath();
        String csv = given().get("/api/v1/situation/progress.csv" + query)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertEquals(1 + 23 + 1, lines.size(), "header, 23 units, national");
        List<Map<String, Object>> rows = json.getList("rows");
        for (int i = 0; i < rows.size(); i++) {
            String[] values = lines.get(i + 1).split(",", -1);
            assertEquals(rows.get(i).get("region"), values[0]);
            int column = 3;
            for (Group group : Group.values()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cell =
                        (Map<String, Object>) ((Map<String, Object>) rows.get(i).get("cells")).get(group.name());
                assertEquals(String.valueOf(cell.get("tracked")), values[column++]);
                assertEquals(cell.get("started") == null ? "" : String.valueOf(cell.get("started")), values[column++]);
                assertEquals(cell.get("percent") == null ? "" : String.valueOf(cell.get("percent")), values[column++]);
                assertEquals(cell.get("band") == null ? "" : String.valueOf(cell.get("band")), values[column++]);
            }
        }
        String[] national = lines.get(24).split(",", -1);
        assertEquals("national", national[0]);
        assertEquals(String.valueOf(json.getInt("national.cells.HTT.percent")), national[5]);
    }

    @Test
    void theReadinessCsvHasTheSameNumbersAsTheJson() {
        JsonPath json = given().get("/api/v1/situation/readiness?deadline=2023-01-01")
                .then()
                .extract()
                .jsonPath();
        List<String> lines = given().get("/api/v1/situation/readiness.csv?deadline=2023-01-01")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .toList();
        org.junit.jupiter.api.Assertions.assertTrue(
                lines.get(0)
                        .startsWith(
                                "region,name,reported,HTT_tracked,HTT_done,"
                                        + "HTT_inProgress,HTT_donePercent,HTT_inProgressPercent,HTT_doneBand,HTT_inProgressBand,JO_tracked"));
        for (int i = 0; i < 23; i++) {
            String[] values = lines.get(i + 1).split(",", -1);
            String region = values[0];
            String prefix = "rows.find { it.region == '" + region + "' }.cells.";
            assertEquals(String.valueOf(json.getInt(prefix + "HTT.tracked")), values[3], region);
            Object done = json.get(prefix + "ICT.donePercent");
            assertEquals(done == null ? "" : done.toString(), values[3 + 4 * 7 + 3], region + " ICT donePercent");
        }
    }

    @Test
    void theProgressXlsxCarriesTheSameNumbersAsNumbers() throws Exception {
        byte[] xlsx = given().get("/api/v1/situation/progress.xlsx?" + TenTwentyOne.WINDOW)
                .then()
                .statusCode(200)
                .contentType(containsString("spreadsheetml"))
                .extract()
                .asByteArray();
        Map<String, String> entries = new java.util.HashMap<>();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("progress", ".xlsx");
        java.nio.file.Files.write(file, xlsx);
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                entries.put(
                        entry.getName(),
                        new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertTrue(entries.get("xl/workbook.xml").contains("Eteneminen"));
        assertTrue(entries.get("xl/sharedStrings.xml").contains("etela-karjala"));
        // Etelä-Karjala's HTT: tracked 69, started 39, 57 % in row 2, columns D–F
        String sheet = entries.get("xl/worksheets/sheet1.xml");
        assertTrue(sheet.matches("(?s).*r=\"D2\"[^>]*><v>69</v>.*"), "D2 = 69");
        assertTrue(sheet.matches("(?s).*r=\"E2\"[^>]*><v>39</v>.*"), "E2 = 39");
        assertTrue(sheet.matches("(?s).*r=\"F2\"[^>]*><v>57</v>.*"), "F2 = 57");
        given().get("/api/v1/situation/readiness.xlsx").then().statusCode(200);
    }

    @Test
    void asOfGivesThePictureAsItStoodThen() {
        // 2021-09-10: only the first round (everything NOT_STARTED) had been recorded
        JsonPath early = given().get("/api/v1/situation/progress?" + TenTwentyOne.WINDOW + "&asOf=2021-09-10T00:00:00Z")
                .then()
                .statusCode(200)
                .body("asOf", equalTo("2021-09-10T00:00:00Z"))
                .extract()
                .jsonPath();
        assertEquals(0, early.getInt("rows.find { it.region == 'lappi' }.cells.HTT.started"));
        assertEquals(true, early.getBoolean("rows.find { it.region == 'lappi' }.reported"));
        // before anything was recorded: nobody had reported
        given().get("/api/v1/situation/progress?" + TenTwentyOne.WINDOW + "&asOf=2021-08-01T00:00:00Z")
                .then()
                .statusCode(200)
                .body("national.reported", equalTo(false))
                .body("rows.find { it.region == 'lappi' }.cells.HTT.percent", nullValue());
        // the end of October 2021: the seed's table
        given().get("/api/v1/situation/progress?" + TenTwentyOne.WINDOW + "&asOf=2021-10-31T23:59:59Z")
                .then()
                .statusCode(200)
                .body("rows.find { it.region == 'lappi' }.cells.HTT.percent", equalTo(67))
                .body("rows.find { it.region == 'helsinki' }.cells.PJ.percent", equalTo(43));
    }

    @Test
    void aSnapshotIsFrozenListedAndNeverChanges() {
        String admin = DevKeys.token("roadmap-admin", null);
        String name = "Kierros " + System.nanoTime();
        String id = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of(
                        "name",
                        name,
                        "window",
                        Map.of("from", "2021-04-01", "to", "2021-12-31"),
                        "deadline",
                        "2023-01-01"))
                .post("/api/v1/situation/snapshots")
                .then()
                .statusCode(201)
                .body("name", equalTo(name))
                .extract()
                .path("id");
        assertEquals(name.toLowerCase().replace(' ', '-'), id);
        given().get("/api/v1/situation/snapshots").then().statusCode(200).body("id", hasItems(id));
        String progress = given().get("/api/v1/situation/snapshots/" + id + "/progress")
                .then()
                .statusCode(200)
                .body("snapshot.id", equalTo(id))
                .body("rows.find { it.region == 'kainuu' }.cells.HTT.percent", equalTo(51))
                .extract()
                .asString();
        String readiness = given().get("/api/v1/situation/snapshots/" + id + "/readiness")
                .then()
                .extract()
                .asString();
        int frozenDone = JsonPath.from(readiness).getInt("rows.find { it.region == 'pohjanmaa' }.cells.YP.done");

        report("pohjanmaa", TenTwentyOne.sandboxSubtask(), Status.DONE, Instant.now());
        TenTwentyOne.awaitTrue(
                Duration.ofSeconds(30), () -> readinessDone("pohjanmaa", "deadline=2023-01-01") == frozenDone + 1);
        assertEquals(
                progress,
                given().get("/api/v1/situation/snapshots/" + id + "/progress").asString());
        assertEquals(
                readiness,
                given().get("/api/v1/situation/snapshots/" + id + "/readiness").asString());

        // the same name again: 409, the round stays as it was
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("name", name, "window", Map.of("from", "2021-04-01", "to", "2021-12-31")))
                .post("/api/v1/situation/snapshots")
                .then()
                .statusCode(409)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void freezingNeedsTheRoadmapAdminRoleAndValidFields() {
        Map<String, Object> body = Map.of("name", "x", "window", Map.of("from", "2021-04-01", "to", "2021-12-31"));
        given().contentType("application/json")
                .body(body)
                .post("/api/v1/situation/snapshots")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(DevKeys.token("reader", null))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/situation/snapshots")
                .then()
                .statusCode(403)
                .contentType(containsString("application/problem+json"));
        given().auth()
                .oauth2(DevKeys.token("roadmap-admin", null))
                .contentType("application/json")
                .body(Map.of(
                        "name",
                        " ",
                        "window",
                        Map.of("from", "2021-12-31", "to", "2021-04-01"),
                        "at",
                        "2999-01-01T00:00:00Z"))
                .post("/api/v1/situation/snapshots")
                .then()
                .statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItems("name", "window.to", "at"));
        given().auth()
                .oauth2(DevKeys.token("roadmap-admin", null))
                .contentType("application/json")
                .body("{\"name\": ")
                .post("/api/v1/situation/snapshots")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void aSnapshotBodyJacksonCannotBindIsA400ProblemNamingTheField() {
        String valid = "{\"name\": \"hostile round\", \"window\": {\"from\": \"2021-04-01\", \"to\": \"2021-12-31\"}, "
                + "\"deadline\": \"2023-01-01\", \"at\": \"2021-10-31T23:59:59Z\"}";
        Map<String, String> fieldOfBody = Map.of(
                valid.replace("2023-01-01", "2023-02-30"), "deadline",
                valid.replace("\"2021-04-01\"", "\"Q2/2021\""), "window.from",
                valid.replace("\"hostile round\"", "{\"fi\": \"x\"}"), "name",
                valid.replace("\"2021-10-31T23:59:59Z\"", "{\"t\": 1}"), "at");
        fieldOfBody.forEach((body, field) -> freeze(body)
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(field)));
        for (String body : List.of("[]", "[".repeat(5000) + "]".repeat(5000), valid + "xyz", valid + valid)) {
            freeze(body).statusCode(400).contentType(containsString("application/problem+json"));
        }
        given().get("/api/v1/situation/snapshots").then().statusCode(200).body("id", not(hasItems("hostile-round")));
    }

    @Test
    void aSnapshotNameWithANulCharacterOrOverlongIsA422NamingIt() {
        for (String name : List.of("before\u0000after", "n".repeat(101))) {
            freeze(Map.of("name", name, "window", Map.of("from", "2021-04-01", "to", "2021-12-31")))
                    .statusCode(422)
                    .contentType(containsString("application/problem+json"))
                    .body("errors.field", hasItems("name"));
        }
        given().get("/api/v1/situation/snapshots").then().statusCode(200).body("id", not(hasItems("before-after")));
    }

    @Test
    void aBodyOverTheHttpLimitIs413WithAProblemDocument() throws Exception {

        // A raw request that announces 20 MB (the limit is 10 MB) and sends none of it: the answer comes before the
        // body is read, and a client still writing the body would only see the connection closed.
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/v1/situation/snapshots HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + DevKeys.token("roadmap-admin", null) + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + 20 * 1024 * 1024 + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("Request body too large"), answer);
        }
    }

    private static io.restassured.response.ValidatableResponse freeze(Object body) {
        return given().auth()
                .oauth2(DevKeys.token("roadmap-admin", null))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/situation/snapshots")
                .then();
    }

    @Test
    void badQueryParametersAreA400NamingEachOfThem() {
        given().get("/api/v1/situation/progress?from=2021-13-01&to=yesterday&asOf=now")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItems("from", "to", "asOf"));
        given().get("/api/v1/situation/progress?from=2021-04-01")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("to"));
        given().get("/api/v1/situation/snapshots/no-such-round/progress")
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void withoutAWindowProgressLooksAtTheCurrentHalfYear() {
        given().get("/api/v1/situation/progress")
                .then()
                .statusCode(200)
                .body(
                        "window.from",
                        org.hamcrest.Matchers.anyOf(
                                org.hamcrest.Matchers.endsWith("-01-01"), org.hamcrest.Matchers.endsWith("-07-01")));
        given().get("/api/v1/situation/readiness").then().statusCode(200).body("deadline", equalTo("2023-01-01"));
    }
}
