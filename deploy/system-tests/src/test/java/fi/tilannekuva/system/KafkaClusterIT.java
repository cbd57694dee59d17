package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.local.KafkaBroker;
import fi.tilannekuva.local.KafkaCluster;
import fi.tilannekuva.local.LocalInfra;
import fi.tilannekuva.local.Postgres;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The system on a Kafka cluster as production runs it: three KRaft nodes (each broker and controller, each its own
 * JVM from the same Maven-shipped Kafka), every topic with three replicas and {@code min.insync.replicas=2}. In the
 * middle of 10,000 reports the node leading {@code status-changed} partition 0 is killed with SIGKILL, then a second
 * node, leaving the cluster without a quorum; both come back later. Every report is still accepted (the outbox keeps
 * the events), every accepted change's event reaches situation-service exactly once after its de-duplication, and the
 * picture equals the recount.
 */
@Order(14)
class KafkaClusterIT {

    private static final int REPORTS = 10_000;
    private static final int SENDERS = 4;

    private static LocalInfra infra;
    private static SystemUnderTest system;

    @BeforeAll
    static void startTheClusterAndTheServicesOnIt() throws Exception {
        Path target = Path.of("target/kafka-cluster").toAbsolutePath();
        Postgres.deleteTree(target);
        infra = LocalInfra.cluster(target.resolve("infra"), 3);
        infra.start();
        Path root = Path.of(System.getProperty("tilannekuva.root", "../.."))
                .toAbsolutePath()
                .normalize();
        system = SystemUnderTest.start(
                infra,
                root,
                target,
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                null,
                // roadmap-service creates its compacted topic itself: with the replicas of the cluster.
                Map.of("ROADMAP_OUTBOX_REPLICATION_FACTOR", "3"));
    }

    @AfterAll
    static void stopEverything() {
        if (system != null) {
            system.stop();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void killingTheLeaderAndASecondNodeLosesNoEventAndDuplicatesNone() throws Exception {
        Roadmap roadmap = system.ensureRoadmap();
        KafkaCluster cluster = infra.kafkaCluster();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        Instant base = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            Thread sender = new Thread(() -> {
                for (int n = next.getAndIncrement(); n < REPORTS; n = next.getAndIncrement()) {
                    Random random = new Random(n);
                    String unit = Units.ALL.get(random.nextInt(Units.ALL.size()));
                    List<Roadmap.Subtask> applicable = roadmap.applicableTo(unit);
                    Roadmap.Subtask subtask = applicable.get(random.nextInt(applicable.size()));
                    String status =
                            Status.codes().get(random.nextInt(Status.codes().size()));
                    // One reportedAt per report, a millisecond apart: the later report is the current one.
                    Report report = new Report(unit, base.plusMillis(n), List.of(Report.Item.of(subtask.id(), status)));
                    try {
                        Http.Reply reply = system.report(report);
                        if (reply.status() == 201) {
                            accepted.incrementAndGet();
                        } else {
                            unexpected.add(reply.toString());
                        }
                    } catch (UncheckedIOException e) {
                        unexpected.add("no answer: " + e.getMessage());
                    }
                }
            });
            sender.start();
            senders.add(sender);
        }

        awaitAccepted(accepted, REPORTS / 4);
        int leader = cluster.leaders("status-changed").get(0);
        assertNotEquals(-1, leader, "partition 0 of status-changed has a leader");
        KafkaBroker first = cluster.node(leader);
        first.kill();
        awaitAccepted(accepted, REPORTS / 2);
        KafkaBroker second = cluster.nodes().stream()
                .filter(node -> node.nodeId() != leader)
                .findFirst()
                .orElseThrow();
        second.kill();
        // One node of three: no controller quorum, no in-sync pair; reports are still accepted into the outbox.
        awaitAccepted(accepted, REPORTS * 7 / 10);
        first.start();
        second.start();
        for (Thread sender : senders) {
            sender.join(Duration.ofMinutes(10).toMillis());
        }

        assertEquals(List.of(), unexpected, "every report is accepted while brokers die and come back");
        assertEquals(REPORTS, accepted.get());
        SystemUnderTest.await(
                "status-service's outbox drained",
                Duration.ofMinutes(5),
                () -> system.databases().count("status", "select count(*) from outbox where sent_at is null") == 0);
        system.awaitPictureMatchesRecount(Duration.ofMinutes(5));

        long changes = system.databases().count("status", "select coalesce(sum(version), 0) from current_status");
        long applied = system.databases().count("situation", "select count(*) from status_event");
        long gaps = system.databases()
                .count(
                        "situation",
                        "select count(*) from (select region, subtask, count(*) as events, max(version) as newest"
                                + " from status_event group by region, subtask) logged where events <> newest");
        long behind = system.databases().count("situation", "select count(*) from current_status")
                - system.databases().count("status", "select count(*) from current_status");
        assertTrue(changes > REPORTS / 2, "most reports changed a current status: " + changes);
        assertEquals(changes, applied, "every change's event was applied once: no loss, no duplicate");
        assertEquals(0, gaps, "every (unit, subtask) has each of its versions 1..n exactly once");
        assertEquals(0, behind, "situation-service has a current status for every one status-service has");
    }

    private static void awaitAccepted(AtomicInteger accepted, int atLeast) {
        SystemUnderTest.await(atLeast + " accepted reports", Duration.ofMinutes(5), () -> accepted.get() >= atLeast);
    }
}
