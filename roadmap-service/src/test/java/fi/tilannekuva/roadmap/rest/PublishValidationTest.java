package fi.tilannekuva.roadmap.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.roadmap.Documents;
import fi.tilannekuva.roadmap.Publishing;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** An invalid roadmap is refused whole: one problem document naming every problem, and nothing stored. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "roadmap"))
class PublishValidationTest {

    @Test
    void everyRuleIsCheckedAndEveryProblemNamedInOneAnswer() {
        String body = spoiled(doc -> {
            ObjectNode jo = (ObjectNode) doc.withArray("groups").get(0);
            ObjectNode entity = (ObjectNode) jo.withArray("entities").get(0);
            entity.put("code", "5");
            ObjectNode task5 = (ObjectNode) entity.withArray("tasks").get(0);
            ObjectNode s58 = (ObjectNode) task5.withArray("subtasks").get(0);
            ObjectNode s59 = (ObjectNode) task5.withArray("subtasks").get(1);
            s58.putObject("name").put("sv", "bara svenska");
            ((ObjectNode) s58.get("schedule")).put("from", "2022-01-01");
            s59.putArray("appliesTo").add("uusimaa");
            s59.put("number", "6.1");
            ObjectNode task6 = (ObjectNode) entity.withArray("tasks").get(1);
            task6.put("number", -6);
            ObjectNode pj = (ObjectNode) doc.withArray("groups").get(1);
            pj.withArray("entities").add(pj.withArray("entities").get(0).deepCopy());
        });
        assertRefused(body)
                .body("errors", hasSize(7))
                .body(
                        "errors.pointer",
                        contains(
                                "/groups/0/entities/0/code",
                                "/groups/0/entities/0/tasks/0/subtasks/0/name/fi",
                                "/groups/0/entities/0/tasks/0/subtasks/0/schedule",
                                "/groups/0/entities/0/tasks/0/subtasks/1/number",
                                "/groups/0/entities/0/tasks/0/subtasks/1/appliesTo/0",
                                "/groups/0/entities/0/tasks/1/number",
                                "/groups/1/entities/2"))
                .body("errors[1].field", equalTo("name.fi"))
                .body("errors[2].message", equalTo("schedule.from 2022-01-01 is after schedule.to 2021-12-31"))
                .body("errors[4].message", equalTo("unknown unit code 'uusimaa'"))
                .body("errors[6].message", equalTo("duplicate entity PJ-A (first at /groups/1/entities/0)"));
    }

    @Test
    void anEmptyBodyAndAnEmptyDocumentAreRefused() {
        assertRefused("").body("errors[0].message", equalTo("the document is empty"));
        assertRefused("{}")
                .body("errors.field", contains("label", "groups"))
                .body("errors[1].message", equalTo("the document has no groups"));
        assertRefused(spoiled(doc -> ((ObjectNode) doc.withArray("groups").get(1)).putArray("entities")))
                .body("errors[0].message", equalTo("group PJ has no entities"));
    }

    @Test
    void bodyThatIsNotTheDocumentsShapeIsA400NamingTheField() {
        int before = Publishing.versionCount();
        Publishing.postJson(spoiled(doc -> ((ObjectNode)
                                        ((ObjectNode) doc.withArray("groups").get(0))
                                                .withArray("entities")
                                                .get(0))
                                .withArray("tasks")
                                .get(0))
                        .toString()
                        .replace("\"number\":5", "\"number\":\"five\""))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].pointer", equalTo("/groups/0/entities/0/tasks/0/number"));
        Publishing.postJson("{\"label\": ")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", containsString("not readable JSON"));
        assertEquals(before, Publishing.versionCount());
    }

    @Test
    void anythingAfterTheDocumentIsA400AndNothingIsStored() {
        String document = spoiled(doc -> {});
        int before = Publishing.versionCount();
        for (String body : List.of(document + "xyz", document + document)) {
            Publishing.postJson(body)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("title", containsString("not readable JSON"));
        }
        assertEquals(before, Publishing.versionCount());
    }

    @Test
    void aNulCharacterOrAnOverlongTextIsNamedAsAProblem() {
        String body = spoiled(doc -> {
            doc.put("label", "x".repeat(201));
            ObjectNode jo = (ObjectNode) doc.withArray("groups").get(0);
            jo.putObject("name").put("fi", "before\u0000after").put("en", "y".repeat(1001));
        });
        assertRefused(body)
                .body("errors.pointer", contains("/label", "/groups/0/name/fi", "/groups/0/name/en"))
                .body("errors.field", contains("label", "name.fi", "name.en"))
                .body("errors[0].message", equalTo("label is 201 characters long; at most 200 allowed"))
                .body("errors[1].message", containsString("NUL"));
    }

    @Test
    void aCsvWithErrorsIsRefusedWholeNamingLines() {
        int version = Publishing.publish(Documents.small("for csv"));
        String csv =
                given().accept("text/csv").get("/api/v1/roadmaps/" + version).asString();
        String broken = csv.replaceFirst(",true,2021-07-01,", ",maybe,2021-07-01,")
                .replace("2022-06-30,lappi", "2022-06-30,lapland");
        int before = Publishing.versionCount();
        given().auth()
                .oauth2(Publishing.token("roadmap-admin"))
                .contentType("text/csv; charset=UTF-8")
                .queryParam("label", "broken csv")
                .body(broken)
                .post("/api/v1/roadmaps")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.line", contains(2, 3))
                .body("errors.field", contains("critical", "appliesTo"))
                .body("errors[1].message", equalTo("unknown unit code 'lapland'"));
        assertEquals(before, Publishing.versionCount());
    }

    @Test
    void anotherContentTypeIsA415Problem() {
        given().auth()
                .oauth2(Publishing.token("roadmap-admin"))
                .contentType("application/xml")
                .body("<roadmap/>")
                .post("/api/v1/roadmaps")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    private static io.restassured.response.ValidatableResponse assertRefused(String body) {
        int before = Publishing.versionCount();
        var answer = Publishing.postJson(body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tilannekuva.fi/problems/invalid-roadmap"))
                .body("status", equalTo(422))
                .body("detail", containsString("nothing was stored"));
        assertEquals(before, Publishing.versionCount(), "nothing stored");
        return answer;
    }

    @Test
    void aBodyOverTheHttpLimitIs413WithAProblemDocument() throws Exception {
        int before = Publishing.versionCount();
        // A raw request that announces 20 MB (the limit is 10 MB) and sends none of it: the answer comes before the
        // body is read, and a client still writing the body would only see the connection closed.
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/v1/roadmaps HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Publishing.token("roadmap-admin") + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + 20 * 1024 * 1024 + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("Request body too large"), answer);
        }
        assertEquals(before, Publishing.versionCount(), "nothing stored");
    }

    private static String spoiled(Consumer<ObjectNode> spoil) {
        ObjectNode doc = Documents.JSON.valueToTree(Documents.small("spoiled"));
        spoil.accept(doc);
        return doc.toString();
    }
}
