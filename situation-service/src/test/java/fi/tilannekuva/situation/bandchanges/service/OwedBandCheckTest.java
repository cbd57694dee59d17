package fi.tilannekuva.situation.bandchanges.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.Band;
import fi.tilannekuva.situation.TenTwentyOne;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The band check runs in a transaction of its own after the change that marked it: a check that never ran (the
 * service stopped between the two) is still done, by the sweep, and its band-change event published.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class OwedBandCheckTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void world() {
        TenTwentyOne.ensurePublished(bootstrapServers);
    }

    @Test
    void aMarkLeftByAChangeWhoseCheckNeverRanIsComparedAndPublished() throws Exception {
        // A readiness cell with a band (the reproduction's assertions read the progress cells only).
        TenTwentyOne.awaitTrue(Duration.ofSeconds(60), () -> readinessCell() != null);
        String[] cell = readinessCell();
        String id = cell[0];
        String region = cell[1];
        Band band = Band.valueOf(cell[2]);
        Band other = band == Band.UNDER_25 ? Band.OVER_75 : Band.UNDER_25;
        // As if a change had moved the cell from `other` to `band` and the service stopped after its commit: the band
        // last published is still `other`, and the unit is marked.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertEquals(1, update(c, "update band_state set band = ? where id = ?", other.name(), id));
            update(c, "insert into band_check_pending (region) values (?) on conflict do nothing", region);
            c.commit();
        }
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> band.name()
                .equals(value("select band from band_state" + " where id = '" + id + "'")));
        assertEquals(null, value("select region from band_check_pending where region = '" + region + "'"));
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> TenTwentyOne.bandEvents(bootstrapServers).stream()
                .map(event -> event.get("data"))
                .anyMatch(data -> (data.get("region").asText() + "/"
                                        + data.get("group").asText() + "/"
                                        + data.get("measure").asText())
                                .equals(id)
                        && other.name().equals(data.path("previousBand").asText())
                        && band.name().equals(data.path("band").asText())));
    }

    private String[] readinessCell() {
        try (Connection c = dataSource.getConnection();
                ResultSet r = c.createStatement()
                        .executeQuery("select id, region, band from band_state where measure = 'READINESS_DONE'"
                                + " and band is not null order by id limit 1")) {
            return r.next() ? new String[] {r.getString(1), r.getString(2), r.getString(3)} : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String value(String sql) {
        try (Connection c = dataSource.getConnection();
                ResultSet r = c.createStatement().executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }
}
