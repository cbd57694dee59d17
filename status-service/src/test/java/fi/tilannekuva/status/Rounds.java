package fi.tilannekuva.status;

import static io.restassured.RestAssured.given;

import fi.tilannekuva.local.DevKeys;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plans and moves reporting rounds as the ministry does, through the REST API. */
public final class Rounds {

    /** The ministry's token. */
    public static final String ADMIN = DevKeys.token("roadmap-admin", null);

    private Rounds() {}

    /** A round body judged on the 10/21 window and the 2023 deadline; a null instant leaves the field out. */
    public static Map<String, Object> round(String name, Instant opensAt, Instant dueAt, Instant closesAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("window", Map.of("from", "2021-04-01", "to", "2021-12-31"));
        body.put("deadline", "2023-01-01");
        body.put("opensAt", opensAt == null ? null : opensAt.toString());
        body.put("dueAt", dueAt == null ? null : dueAt.toString());
        body.put("closesAt", closesAt == null ? null : closesAt.toString());
        return body;
    }

    /** POST /api/v1/rounds as the ministry. */
    public static ValidatableResponse plan(Map<String, Object> body) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/rounds")
                .then();
    }

    /** PUT /api/v1/rounds/{id} as the ministry. */
    public static ValidatableResponse move(String id, Map<String, Object> body) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(body)
                .put("/api/v1/rounds/" + id)
                .then();
    }
}
