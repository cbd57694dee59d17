package fi.tilannekuva.situation.picture.service;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * With several replicas, each applies only its own partitions' events; a picture cached by one must not outlive a
 * change another replica committed. The other replica is played here by a plain JDBC transaction that advances a
 * stored offset, as every projection transaction does, without this JVM hearing of it.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class PictureCacheReplicasTest {

    private static final String PEER_PARTITION = "peer-replica-test/0";

    @Inject
    PictureCache cache;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aChangeCommittedByAnotherReplicaIsServedWithinThePeerCheckInterval() throws SQLException {
        AtomicInteger computed = new AtomicInteger();
        Supplier<byte[]> compute = () -> ("picture " + computed.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
        String key = "replicas " + UUID.randomUUID();
        PictureCache.Body before = cache.get(key, compute);
        assertSame(before, cache.get(key, compute), "a poll between changes is served from the cache");

        try {
            peerCommits(1);
            TenTwentyOne.awaitTrue(
                    Duration.ofSeconds(10), () -> !cache.get(key, compute).equals(before));
            PictureCache.Body after = cache.get(key, compute);
            assertNotEquals(before.etag(), after.etag(), "the recomputed picture has a new ETag");

            int computedNow = computed.get();
            peerCommits(2);
            TenTwentyOne.awaitTrue(Duration.ofSeconds(10), () -> {
                cache.get(key, compute);
                return computed.get() > computedNow;
            });
        } finally {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("delete from consumed_offset where id = ?")) {
                s.setString(1, PEER_PARTITION);
                s.executeUpdate();
            }
        }
    }

    /** What another replica's projection transaction leaves behind: an advanced stored offset. */
    private void peerCommits(long nextOffset) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into consumed_offset (id, topic, partition, next_offset) values (?, ?, 0, ?)"
                                + " on conflict (id) do update set next_offset = excluded.next_offset")) {
            s.setString(1, PEER_PARTITION);
            s.setString(2, PEER_PARTITION.substring(0, PEER_PARTITION.indexOf('/')));
            s.setLong(3, nextOffset);
            s.executeUpdate();
        }
    }
}
