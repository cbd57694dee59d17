package fi.tilannekuva.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The infrastructure every service runs on: one PostgreSQL server with a database and login per service, and
 * one Kafka broker. Tests share one instance per JVM ({@link #shared()}); the local run keeps its data.
 */
public final class LocalInfra implements AutoCloseable {

    /** The databases, one per service; each has a login of the same name and password. */
    public static final List<String> DATABASES = List.of("roadmap", "status", "situation");

    private static LocalInfra shared;

    private final Path dir;
    private final Postgres postgres;
    private final KafkaCluster kafka;
    private Smtp smtp = new Smtp(Ports.free());
    private Duration startupTime = Duration.ZERO;

    /**
     * @param dir where PostgreSQL and Kafka keep their data and logs
     * @param postgresPort the PostgreSQL port
     * @param kafkaPort the Kafka client port (the controller listens on the next one up)
     * @param durable whether PostgreSQL syncs to disk (the local run) or not (tests)
     */
    public LocalInfra(Path dir, int postgresPort, int kafkaPort, int controllerPort, boolean durable) {
        this.dir = dir.toAbsolutePath();
        this.postgres = new Postgres(this.dir.resolve("postgres"), postgresPort, durable);
        this.kafka = KafkaCluster.single(this.dir.resolve("kafka"), kafkaPort, controllerPort);
    }

    /**
     * PostgreSQL and a Kafka cluster of several nodes (the cluster system test).
     *
     * @param dir where PostgreSQL and Kafka keep their data and logs
     * @param postgresPort the PostgreSQL port
     * @param kafkaNodes how many Kafka nodes; each topic is replicated to all of them
     * @param durable whether PostgreSQL syncs to disk
     */
    public LocalInfra(Path dir, int postgresPort, int kafkaNodes, boolean durable) {
        this.dir = dir.toAbsolutePath();
        this.postgres = new Postgres(this.dir.resolve("postgres"), postgresPort, durable);
        this.kafka = KafkaCluster.ofNodes(this.dir.resolve("kafka"), kafkaNodes);
    }

    /** Free ports under {@code dir}, PostgreSQL not durable: a second infrastructure for one test. */
    public static LocalInfra cluster(Path dir, int kafkaNodes) {
        return new LocalInfra(dir, Ports.free(), kafkaNodes, false);
    }

    /**
     * The infrastructure of this test JVM: started on free ports under {@code target/local-infra} on first use,
     * stopped when the JVM exits.
     */
    public static synchronized LocalInfra shared() {
        if (shared == null) {
            LocalInfra infra = fresh(false);
            Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "local-infra-stop"));
            shared = infra;
        }
        return shared;
    }

    /**
     * New, started infrastructure on free ports under {@code tilannekuva.infra.dir} (default
     * {@code target/local-infra}), emptied first; the caller closes it.
     *
     * @param durable false for the tests' fast PostgreSQL (fsync off on its command line), true for production
     *     durability (which {@link Postgres#switchDurability} can then switch at run time)
     */
    public static LocalInfra fresh(boolean durable) {
        Path dir = Path.of(System.getProperty("tilannekuva.infra.dir", "target/local-infra"));
        try {
            Postgres.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalInfra infra = new LocalInfra(dir, Ports.free(), Ports.free(), Ports.free(), durable);
        infra.start();
        return infra;
    }

    /** Starts PostgreSQL and Kafka side by side, creates the service databases, and waits for both. */
    public void start() {
        Instant begin = Instant.now();
        try {
            Files.createDirectories(dir);
            Thread pg = new Thread(() -> {
                try {
                    postgres.start();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Throwable[] failure = new Throwable[1];
            pg.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
            pg.start();
            smtp.start();
            kafka.start();
            pg.join();
            if (failure[0] != null) {
                throw new IllegalStateException("PostgreSQL did not start", failure[0]);
            }
            for (String database : DATABASES) {
                postgres.createDatabase(database, database, database);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the service databases", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
        startupTime = Duration.between(begin, Instant.now());
    }

    /** The PostgreSQL server. */
    public Postgres postgres() {
        return postgres;
    }

    /** The Kafka broker (the first node, where the cluster has several). */
    public KafkaBroker kafka() {
        return kafka.node(1);
    }

    /** The Kafka cluster (of one node, unless made with {@link #cluster}). */
    public KafkaCluster kafkaCluster() {
        return kafka;
    }

    /**
     * Creates a database (owned by a role of the same name and password) unless it exists: for a test that needs a
     * world of its own beside the services' databases.
     */
    public void ensureDatabase(String name) {
        try {
            postgres.createDatabase(name, name, name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /** Listens for mail on this port instead of a free one (call before {@link #start()}). */
    public void smtpPort(int port) {
        smtp = new Smtp(port);
    }

    /** The SMTP server the services send mail to. */
    public Smtp smtp() {
        return smtp;
    }

    /** The JDBC URL of a service's database. */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The value for {@code kafka.bootstrap.servers}. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** How long {@link #start()} took. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops Kafka and PostgreSQL. */
    @Override
    public void close() {
        smtp.stop();
        kafka.stop();
        postgres.stop();
    }
}
