package fi.tilannekuva.status.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Reads an outside probe answered with 500 or 404: each is now a 400 problem naming the parameter or the path. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
@Order(4)
class HostileReadsTest {

    private static final String READER = DevKeys.token("reader", null);

    @Test
    void aPageThatIsNotAWholeNumberOrReachesPastTheLargestOffsetIsA400NamingIt() {
        Map<String, String> fieldOfQuery = Map.of(
                "page=abc", "page",
                "size=1e3", "size",
                "page=2147483648", "page",
                "page=2147484&size=1000", "page",
                "page=-1", "page");
        for (String path : new String[] {
            "/api/v1/regions/lappi/statuses",
            "/api/v1/regions/lappi/subtasks/JO-E-5.8/history",
            "/api/v1/support-requests"
        }) {
            fieldOfQuery.forEach((query, field) -> given().auth()
                    .oauth2(READER)
                    .get(path + "?" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(field)));
        }
    }

    @Test
    void anEncodedNulInThePathIsA400ProblemNotA500() {
        given().auth()
                .oauth2(READER)
                .urlEncodingEnabled(false)
                .get("/api/v1/regions/lappi/subtasks/ICT%00Y/history")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tilannekuva.fi/problems/invalid-path"))
                .body("detail", containsString("control character"));
    }

    @Test
    void answersWithCommentsAreNeverCachedAndNeverSniffed() {
        given().auth()
                .oauth2(READER)
                .get("/api/v1/regions/lappi/statuses")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .header("Cache-Control", containsString("private"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aReportWithoutAContentTypeIs415AndStoresNothing() throws Exception {
        String unit = "lappi";
        String body = "{\"region\": \"lappi\", \"reportedAt\": \"2021-10-15T09:00:00Z\","
                + " \"items\": [{\"subtask\": \"JO-E-5.8\", \"status\": \"DONE\", \"comment\": \"no type\"}]}";
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/reports"))
                                .header("Authorization", "Bearer " + DevKeys.token("region-reporter", unit))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(415, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(answer.body().contains("Content-Type"), answer.body());
        given().auth()
                .oauth2(READER)
                .get("/api/v1/regions/lappi/subtasks/JO-E-5.8/history")
                .then()
                .statusCode(200)
                .body("items.comment", not(hasItem("no type")));
    }
}
