package fi.tilannekuva.roadmap.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.roadmap.Documents;
import fi.tilannekuva.roadmap.Name;
import fi.tilannekuva.roadmap.Publishing;
import fi.tilannekuva.roadmap.RoadmapDocument;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV export/import changes nothing; a diff between versions names what changed. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "roadmap"))
class CsvAndDiffTest {

    @Test
    void aCsvRoundTripChangesNothing() {
        int original = Publishing.publish(Documents.small("round trip"));
        String csv = given().accept("text/csv")
                .get("/api/v1/roadmaps/" + original)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        assertEquals(
                csv, given().get("/api/v1/roadmaps/" + original + "?format=csv").asString());

        // Sent as UTF-8 bytes with a bare "text/csv": the service must not fall back to Latin-1.
        int imported = given().config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth()
                .oauth2(Publishing.token("roadmap-admin"))
                .contentType("text/csv")
                .queryParam("label", "round trip")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/roadmaps")
                .then()
                .statusCode(201)
                .extract()
                .path("version");

        assertEquals(tree(original), tree(imported));
        given().get("/api/v1/roadmaps/" + original + "/diff/" + imported)
                .then()
                .statusCode(200)
                .body("added", hasSize(0))
                .body("removed", hasSize(0))
                .body("changed", hasSize(0));
        assertEquals(
                csv,
                given().accept("text/csv").get("/api/v1/roadmaps/" + imported).asString());
    }

    @Test
    void aJsonExportPublishesBackUnchanged() {
        int original = Publishing.publish(Documents.small("json round trip"));
        String exported = given().get("/api/v1/roadmaps/" + original).asString();
        int republished =
                Publishing.postJson(exported).statusCode(201).extract().path("version");
        assertEquals(tree(original), tree(republished));
    }

    @Test
    void theDiffNamesAddedRemovedAndChangedSubtasksWithTheirFields() {
        RoadmapDocument before = Documents.small("before");
        int from = Publishing.publish(before);
        int to = Publishing.publish(revised(before));
        given().get("/api/v1/roadmaps/" + from + "/diff/" + to)
                .then()
                .statusCode(200)
                .body("from", equalTo(from))
                .body("to", equalTo(to))
                .body("added.id", contains("JO-E-5.10"))
                .body("removed.id", contains("JO-E-6.1"))
                .body("changed.id", contains("JO-E-5.8", "PJ-H-1.1"))
                .body("changed[0].changes.field", contains("name", "critical", "schedule"))
                .body("changed[0].changes[1].oldValue", equalTo(true))
                .body("changed[0].changes[1].newValue", equalTo(false))
                .body("changed[0].changes[2].newValue", equalTo(Map.of("from", "2022-01-01", "to", "2022-06-30")))
                .body("changed[0].changes[0].newValue.sv", equalTo("Delaktighetsprogram"))
                .body("changed[1].changes.field", contains("appliesTo"))
                .body("changed[1].changes[0].newValue", equalTo(List.of("helsinki", "hus")));
        given().get("/api/v1/roadmaps/" + to + "/diff/" + from)
                .then()
                .body("added.id", contains("JO-E-6.1"))
                .body("removed.id", contains("JO-E-5.10"));
    }

    /** 5.8 renamed (sv added), no longer critical, rescheduled; 5.10 added; 6.1 dropped; PJ-H-1.1 narrowed. */
    private static RoadmapDocument revised(RoadmapDocument doc) {
        RoadmapDocument.Group jo = doc.groups().get(0);
        RoadmapDocument.Entity e = jo.entities().get(0);
        RoadmapDocument.Task task5 = e.tasks().get(0);
        RoadmapDocument.Subtask s58 = task5.subtasks().get(0);
        List<RoadmapDocument.Subtask> subtasks5 = new ArrayList<>(task5.subtasks());
        subtasks5.set(
                0,
                new RoadmapDocument.Subtask(
                        "5.8",
                        new Name(s58.name().fi(), "Delaktighetsprogram", null),
                        false,
                        Documents.subtask("5.8", "x", false, "2022-01-01", "2022-06-30", null)
                                .schedule(),
                        null));
        subtasks5.add(Documents.subtask(
                "5.10",
                "Sähköisen osallisuusalustan suunnittelu ja perustaminen",
                true,
                "2022-01-01",
                "2022-06-30",
                null));
        RoadmapDocument.Entity newE = new RoadmapDocument.Entity(
                e.code(), e.name(), e.appliesTo(), List.of(new RoadmapDocument.Task(5, task5.name(), subtasks5)));
        RoadmapDocument.Group pj = doc.groups().get(1);
        RoadmapDocument.Entity h = pj.entities().get(1);
        RoadmapDocument.Task h1 = h.tasks().get(0);
        RoadmapDocument.Subtask s11 = h1.subtasks().get(0);
        RoadmapDocument.Entity newH = new RoadmapDocument.Entity(
                h.code(),
                h.name(),
                h.appliesTo(),
                List.of(new RoadmapDocument.Task(
                        1,
                        h1.name(),
                        List.of(
                                new RoadmapDocument.Subtask(
                                        "1.1", s11.name(), s11.critical(), s11.schedule(), List.of("hus", "helsinki")),
                                h1.subtasks().get(1)))));
        return new RoadmapDocument(
                "after",
                List.of(
                        new RoadmapDocument.Group(jo.code(), jo.name(), List.of(newE)),
                        new RoadmapDocument.Group(
                                pj.code(), pj.name(), List.of(pj.entities().get(0), newH))));
    }

    private static Object tree(int version) {
        return JsonPath.from(given().get("/api/v1/roadmaps/" + version).asString())
                .get("groups");
    }
}
