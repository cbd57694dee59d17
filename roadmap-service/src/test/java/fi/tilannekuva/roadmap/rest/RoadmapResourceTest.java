package fi.tilannekuva.roadmap.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.roadmap.Documents;
import fi.tilannekuva.roadmap.Publishing;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A published roadmap reads back whole, as a version, and as a filterable, paged flat list. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "roadmap"))
class RoadmapResourceTest {

    private int version;

    @BeforeEach
    void publish() {
        version = Publishing.publish(Documents.small("resource test"));
    }

    @Test
    void aPublishedVersionAnswers201WithItsLocationAndNumber() {
        Publishing.postJson(Documents.json(Documents.small("located")))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/roadmaps/" + (version + 1)))
                .body("version", equalTo(version + 1))
                .body("label", equalTo("located"))
                .body("subtasks", equalTo(5))
                .body("criticalSubtasks", equalTo(4))
                .body("current", equalTo(true));
    }

    @Test
    void theTreeReadsBackWithIdsAndTheEntityRestrictionApplied() {
        given().get("/api/v1/roadmaps/" + version)
                .then()
                .statusCode(200)
                .body("version", equalTo(version))
                .body("label", equalTo("resource test"))
                .body("groups.code", contains("JO", "PJ"))
                .body("groups[0].name.sv", equalTo("Ledning och kompetens"))
                .body("groups[0].entities[0].id", equalTo("JO-E"))
                .body("groups[0].entities[0].tasks[0].id", equalTo("JO-E-5"))
                .body("groups[0].entities[0].tasks[0].subtasks[0].id", equalTo("JO-E-5.8"))
                .body("groups[0].entities[0].tasks[0].subtasks[0].name.fi", equalTo("Osallisuusohjelman laatiminen"))
                .body("groups[0].entities[0].tasks[0].subtasks[0].schedule.from", equalTo("2021-07-01"))
                .body("groups[0].entities[0].tasks[0].subtasks[0].appliesTo", nullValue())
                .body("groups[1].entities[0].tasks", hasSize(0))
                .body("groups[1].entities[1].appliesTo", equalTo(Documents.UUSIMAA))
                .body("groups[1].entities[1].tasks[0].subtasks[0].appliesTo", equalTo(Documents.UUSIMAA))
                .body("groups[1].entities[1].tasks[0].subtasks[1].appliesTo", equalTo(List.of("helsinki")));
    }

    @Test
    void currentIsTheNewestVersion() {
        given().get("/api/v1/roadmaps/current")
                .then()
                .statusCode(200)
                .body("version", equalTo(version))
                .body("current", equalTo(true));
        given().get("/api/v1/roadmaps/current/subtasks").then().statusCode(200).body("version", equalTo(version));
    }

    @Test
    void theVersionListEndsWithTheCurrentVersion() {
        List<Integer> versions =
                given().get("/api/v1/roadmaps").then().statusCode(200).extract().path("version");
        org.junit.jupiter.api.Assertions.assertEquals(version, versions.get(versions.size() - 1));
        given().get("/api/v1/roadmaps")
                .then()
                .body("find { it.version == " + version + " }.label", equalTo("resource test"))
                .body("find { it.version == " + version + " }.current", equalTo(true))
                .body("findAll { it.current }", hasSize(1));
    }

    @Test
    void theFlatListFiltersByGroupEntityCriticalRegionAndWindow() {
        assertIds("size=100", "JO-E-5.8", "JO-E-5.9", "JO-E-6.1", "PJ-H-1.1", "PJ-H-1.2");
        assertIds("group=PJ", "PJ-H-1.1", "PJ-H-1.2");
        assertIds("entity=JO-E", "JO-E-5.8", "JO-E-5.9", "JO-E-6.1");
        assertIds("critical=true", "JO-E-5.8", "JO-E-6.1", "PJ-H-1.1", "PJ-H-1.2");
        assertIds("critical=false", "JO-E-5.9");
        assertIds("region=lappi", "JO-E-5.8", "JO-E-5.9", "JO-E-6.1");
        assertIds("region=helsinki", "JO-E-5.8", "JO-E-6.1", "PJ-H-1.1", "PJ-H-1.2");
        assertIds("region=hus", "JO-E-5.8", "JO-E-6.1", "PJ-H-1.1");
        // Q3-Q4/2021, as the 10/21 situation picture looked at it
        assertIds("from=2021-07-01&to=2021-12-31", "JO-E-5.8", "PJ-H-1.1");
        assertIds("to=2021-06-30", "PJ-H-1.2");
        assertIds("from=2022-07-01", "JO-E-6.1");
        assertIds("group=JO&critical=true&region=lappi&from=2022-01-01", "JO-E-6.1");
    }

    @Test
    void theFlatListIsPagedWithTheTotalCount() {
        given().get("/api/v1/roadmaps/" + version + "/subtasks?size=2&page=1")
                .then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("total", equalTo(5))
                .body("totalPages", equalTo(3))
                .body("items.id", contains("JO-E-6.1", "PJ-H-1.1"))
                .body("items[0].group", equalTo("JO"))
                .body("items[0].entity", equalTo("JO-E"))
                .body("items[0].task", equalTo("JO-E-6"))
                .body("items[0].number", equalTo("6.1"));
    }

    @Test
    void unusableFiltersAreNamedTogether() {
        given().get("/api/v1/roadmaps/" + version + "/subtasks?group=XX&entity=E&critical=maybe&region=uusimaa"
                        + "&from=2021-13-01&size=0&page=-1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", contains("group", "entity", "critical", "region", "from", "page", "size"));
    }

    @Test
    void anUnknownVersionIsA404Problem() {
        for (String path : List.of(
                "/api/v1/roadmaps/99999",
                "/api/v1/roadmaps/99999/subtasks",
                "/api/v1/roadmaps/abc",
                "/api/v1/roadmaps/1/diff/99999")) {
            given().get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("title", equalTo("Not found"));
        }
    }

    @Test
    void regionsAndGroupsAreTheReferenceData() {
        given().get("/api/v1/regions")
                .then()
                .statusCode(200)
                .body("", hasSize(23))
                .body("find { it.code == 'helsinki' }.kind", equalTo("CITY"))
                .body("find { it.code == 'hus' }.kind", equalTo("HOSPITAL_DISTRICT"))
                .body("find { it.code == 'vantaa-kerava' }.name.sv", equalTo("Vanda-Kervo"))
                .body("findAll { it.uusimaa }.code", equalTo(Documents.UUSIMAA));
        given().get("/api/v1/groups")
                .then()
                .statusCode(200)
                .body("code", contains("HTT", "JO", "PJ", "YP", "ICT"))
                .body("[1].name.fi", equalTo("Johtaminen ja osaaminen"));
    }

    private void assertIds(String query, String... ids) {
        given().get("/api/v1/roadmaps/" + version + "/subtasks?" + query)
                .then()
                .statusCode(200)
                .body("total", equalTo(ids.length))
                .body("items.id", contains(ids));
    }
}
