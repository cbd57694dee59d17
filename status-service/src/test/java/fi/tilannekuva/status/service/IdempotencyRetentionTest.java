package fi.tilannekuva.status.service;

import static fi.tilannekuva.status.Reports.item;
import static fi.tilannekuva.status.Reports.post;
import static fi.tilannekuva.status.Reports.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.TestRoadmaps;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key records are kept for the retention (7 days) and then deleted: within it a retry is replayed, after
 * it the same key is a new request.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
class IdempotencyRetentionTest {

    @Inject
    IdempotencyRetention retention;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aKeyIsReplayedWithinTheRetentionAndForgottenAfterIt() throws SQLException {
        TestRoadmaps.ensurePublished();
        String region = "kanta-hame";
        String subtask = TestRoadmaps.subtasksOf(region).get(0);
        String oldKey = UUID.randomUUID().toString();
        String recentKey = UUID.randomUUID().toString();
        Map<String, Object> first = round(region, "2021-10-15T09:00:00Z", List.of(item(subtask, "IN_PROGRESS")));
        Map<String, Object> second = round(region, "2021-10-16T09:00:00Z", List.of(item(subtask, "DONE")));
        post(region, first, oldKey).statusCode(201);
        post(region, second, recentKey).statusCode(201);
        backdate(region, oldKey, Instant.now().minus(8, ChronoUnit.DAYS));

        assertTrue(retention.purge(Instant.now()) >= 1, "the 8-day-old record is deleted");

        String replayed =
                post(region, second, recentKey).statusCode(201).extract().header("Idempotent-Replayed");
        assertEquals("true", replayed, "a key used within the retention is still replayed");
        String anew = post(region, first, oldKey).statusCode(201).extract().header("Idempotent-Replayed");
        assertNull(anew, "a key older than the retention is a new request");
    }

    private void backdate(String region, String key, Instant createdAt) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update idempotency_record set created_at = ? where region = ? and idempotency_key = ?")) {
            s.setObject(1, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            s.setString(2, region);
            s.setString(3, key);
            assertEquals(1, s.executeUpdate());
        }
    }
}
