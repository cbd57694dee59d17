package fi.tilannekuva.status;

import static io.restassured.RestAssured.given;

import fi.tilannekuva.local.DevKeys;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds report bodies and posts them as a unit's own region-reporter. */
public final class Reports {

    private Reports() {}

    /** An item as a JSON-ready map. */
    public static Map<String, Object> item(String subtask, String status) {
        Map<String, Object> item = new HashMap<>();
        item.put("subtask", subtask);
        item.put("status", status);
        return item;
    }

    /** An item with a comment and a support request flag. */
    public static Map<String, Object> item(String subtask, String status, String comment, boolean supportNeeded) {
        Map<String, Object> item = item(subtask, status);
        item.put("comment", comment);
        item.put("supportNeeded", supportNeeded);
        return item;
    }

    /** A report body. */
    public static Map<String, Object> round(String region, String reportedAt, List<Map<String, Object>> items) {
        Map<String, Object> round = new HashMap<>();
        round.put("region", region);
        round.put("reportedAt", reportedAt);
        round.put("items", items);
        return round;
    }

    /** A whole round: every subtask of the test roadmap that applies to the unit, with rotating statuses. */
    public static Map<String, Object> wholeRound(String region, String reportedAt) {
        String[] statuses = {"NOT_STARTED", "IN_PROGRESS", "ON_SCHEDULE", "DELAYED", "DONE"};
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> subtasks = TestRoadmaps.subtasksOf(region);
        for (int i = 0; i < subtasks.size(); i++) {
            items.add(item(subtasks.get(i), statuses[i % statuses.length]));
        }
        return round(region, reportedAt, items);
    }

    /** Posts a body with the unit's own token. */
    public static ValidatableResponse post(String region, Object body) {
        return post(region, body, null);
    }

    /** Posts a body with the unit's own token and an Idempotency-Key (null for none). */
    public static ValidatableResponse post(String region, Object body, String idempotencyKey) {
        var request = given().auth()
                .oauth2(DevKeys.token("region-reporter", region))
                .contentType("application/json")
                .body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/reports").then();
    }

    /** How many current records a unit has (read with the reader role). */
    public static int currentCount(String region) {
        return given().auth()
                .oauth2(DevKeys.token("reader", null))
                .get("/api/v1/regions/" + region + "/statuses?size=1")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }

    /** How many items a subtask's history holds (read with the reader role). */
    public static int historyCount(String region, String subtask) {
        return given().auth()
                .oauth2(DevKeys.token("reader", null))
                .get("/api/v1/regions/" + region + "/subtasks/" + subtask + "/history")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }
}
