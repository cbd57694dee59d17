package fi.tilannekuva.situation.projection.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import fi.tilannekuva.kit.testing.Management;
import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rebuild re-reads both topics from offset 0 and arrives at exactly the same picture, publishing no band change. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class RebuildTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void world() {
        TenTwentyOne.ensurePublished(bootstrapServers);
    }

    @Test
    void aRebuildFromTheTopicsGivesTheSamePicture() {
        String progressUrl = "/api/v1/situation/progress?" + TenTwentyOne.WINDOW;
        String readinessUrl = "/api/v1/situation/readiness?deadline=2023-01-01";
        String progress = given().get(progressUrl).asString();
        String readiness = given().get(readinessUrl).asString();
        String asOf = given().get(progressUrl + "&asOf=2021-09-10T00:00:00Z").asString();
        // Count only once the relay has published every band event the world produced, else the count races it.
        awaitOutboxDrained();
        int bandEvents = TenTwentyOne.bandEvents(bootstrapServers).size();
        String validityIndex = validityIndex();
        assertNotNull(validityIndex, "the migrations index the event log's validity");

        given().post("/api/v1/situation/admin/rebuild").then().statusCode(401);
        given().auth()
                .oauth2(DevKeys.token("reader", null))
                .post("/api/v1/situation/admin/rebuild")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevKeys.token("roadmap-admin", null))
                .post("/api/v1/situation/admin/rebuild")
                .then()
                .statusCode(202);

        TenTwentyOne.awaitTrue(
                Duration.ofSeconds(120),
                () -> progress.equals(given().get(progressUrl).asString())
                        && readiness.equals(given().get(readinessUrl).asString()));
        assertEquals(
                asOf, given().get(progressUrl + "&asOf=2021-09-10T00:00:00Z").asString(), "the log is rebuilt too");
        // the replay writes the log without its validity index and builds it again when it ends: exactly as before
        TenTwentyOne.awaitTrue(Duration.ofSeconds(120), () -> validityIndex.equals(validityIndex()));
        awaitOutboxDrained();
        assertEquals(
                bandEvents,
                TenTwentyOne.bandEvents(bootstrapServers).size(),
                "a rebuild publishes no band change: the bands end where they were");
    }

    /** The validity index's definition as PostgreSQL prints it, null when there is none. */
    private String validityIndex() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_get_indexdef(i.indexrelid) from pg_index i"
                        + " join pg_class c on c.oid = i.indexrelid where c.relname = 'status_event_valid'")) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until no situation-changed event is left unsent in the outbox (the backlog gauge at /q/metrics). */
    private static void awaitOutboxDrained() {
        Pattern pending = Pattern.compile("(?m)^situation_outbox_pending(?:\\{[^}]*\\})? ([0-9.E+-]+)$");
        TenTwentyOne.awaitTrue(Duration.ofSeconds(120), () -> {
            Matcher matcher = pending.matcher(
                    given().port(Management.port()).get("/q/metrics").asString());
            return matcher.find() && Double.parseDouble(matcher.group(1)) == 0.0;
        });
    }
}
