package fi.tilannekuva.roadmap.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.roadmap.Documents;
import fi.tilannekuva.roadmap.Publishing;
import fi.tilannekuva.roadmap.service.DemoRoadmap;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The demo roadmap publishes through the normal path, and demo mode never publishes over an existing roadmap. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "roadmap"))
class DemoRoadmapPublishTest {

    @Inject
    DemoRoadmap demo;

    @Test
    void theDemoRoadmapPublishesAndReadsBack() {
        int version = Publishing.publish(demo.document());
        given().get("/api/v1/roadmaps/" + version)
                .then()
                .statusCode(200)
                .body("label", equalTo("2022-08-30 (demo: illustrative criticality and schedule)"))
                .body("groups.size()", equalTo(5));
        given().get("/api/v1/roadmaps/" + version + "/subtasks?entity=JO-E&size=500")
                .then()
                .body("total", equalTo(33))
                .body("items.find { it.id == 'JO-E-5.8' }.name.fi", equalTo("Osallisuusohjelman laatiminen"));
        given().get("/api/v1/roadmaps/" + version + "/subtasks?group=ICT&size=500")
                .then()
                .body("items.id", hasItem("ICT-C-7.2"))
                .body("items.id", not(hasItem("JO-E-5.8")));
    }

    @Test
    void demoModeDoesNotPublishWhenAVersionExists() {
        Publishing.publish(Documents.small("exists"));
        int before = Publishing.versionCount();
        assertTrue(demo.publishIfNoneYet().isEmpty());
        assertEquals(before, Publishing.versionCount());
    }
}
