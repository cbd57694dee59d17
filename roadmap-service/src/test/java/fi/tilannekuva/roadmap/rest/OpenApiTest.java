package fi.tilannekuva.roadmap.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.roadmap.Documents;
import fi.tilannekuva.roadmap.Publishing;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document gives an example for every answer of every endpoint, errors included. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "roadmap"))
class OpenApiTest {

    @Test
    void everyResponseOfEveryOperationHasAnExample() throws Exception {
        JsonNode api = Documents.JSON.readTree(
                given().accept("application/json").get("/q/openapi").asString());
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : api.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                operations++;
                for (var response : operation.getValue().get("responses").properties()) {
                    JsonNode content = response.getValue().get("content");
                    if (content == null || content.isEmpty()) {
                        missing.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                        continue;
                    }
                    for (var media : content.properties()) {
                        if (!media.getValue().has("examples")
                                && !media.getValue().has("example")) {
                            missing.add(operation.getKey() + " " + path.getKey() + " " + response.getKey() + " "
                                    + media.getKey());
                        }
                    }
                }
            }
        }
        assertEquals(7, operations);
        assertTrue(missing.isEmpty(), "answers without an example: " + missing);
    }

    @Test
    void theDocumentExampleIsAPublishableRoadmap() throws Exception {
        JsonNode api = Documents.JSON.readTree(
                given().accept("application/json").get("/q/openapi").asString());
        String example = api.at(
                        "/paths/~1api~1v1~1roadmaps/post/requestBody/content/application~1json/examples/document/value")
                .toString();
        Publishing.postJson(example).statusCode(201);
    }
}
