package fi.tilannekuva.status.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.TestRoadmaps;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** roadmap-published is read into the service's own tables; the highest version is current; redelivery is a no-op. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
@Order(2)
class RoadmapPublishedConsumerTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPublishedRoadmapBecomesTheOneReportsAreValidatedAgainst() {
        TestRoadmaps.ensurePublished();
        given().get("/api/v1/roadmap")
                .then()
                .statusCode(200)
                .body("version", equalTo(TestRoadmaps.VERSION))
                .body("label", equalTo("test-roadmap"))
                .body("subtasks", equalTo(9 + 3 + 300))
                .body("criticalSubtasks", equalTo(9 + 3 + 150))
                .body("regions", equalTo(23));
    }

    @Test
    void aRedeliveredVersionAnAlienRecordAndALowerVersionChangeNothingCurrent() throws Exception {
        TestRoadmaps.ensurePublished();
        // The same version again, with other content: versions are immutable, the first one stays.
        TestRoadmaps.publish(String.valueOf(TestRoadmaps.VERSION), TestRoadmaps.event(TestRoadmaps.VERSION, "other"));
        TestRoadmaps.publish("x", "this is not JSON");
        TestRoadmaps.publish("7", TestRoadmaps.event(7, "older"));
        await().atMost(Duration.ofSeconds(30)).until(() -> labelOf(7) != null);
        assertEquals("test-roadmap", labelOf(TestRoadmaps.VERSION));
        given().get("/api/v1/roadmap")
                .then()
                .body("version", equalTo(TestRoadmaps.VERSION))
                .body("label", equalTo("test-roadmap"));
    }

    private String labelOf(int version) throws Exception {
        try (Connection c = dataSource.getConnection();
                var s = c.prepareStatement("select label from roadmap_version where version = ?")) {
            s.setInt(1, version);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
