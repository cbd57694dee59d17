package fi.tilannekuva.roadmap;

import static io.restassured.RestAssured.given;

import fi.tilannekuva.local.DevKeys;
import io.restassured.response.ValidatableResponse;

/** Publishes through the REST API as a roadmap admin, for tests. */
public final class Publishing {

    private Publishing() {}

    /** A bearer token with the given role. */
    public static String token(String role) {
        return DevKeys.token(role, null);
    }

    /** POSTs a JSON body as roadmap-admin. */
    public static ValidatableResponse postJson(String body) {
        return given().auth()
                .oauth2(token("roadmap-admin"))
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/roadmaps")
                .then();
    }

    /** Publishes a document and answers its version number. */
    public static int publish(Object document) {
        return postJson(Documents.json(document)).statusCode(201).extract().path("version");
    }

    /** The number of published versions. */
    public static int versionCount() {
        return given().get("/api/v1/roadmaps").then().statusCode(200).extract().path("size()");
    }
}
