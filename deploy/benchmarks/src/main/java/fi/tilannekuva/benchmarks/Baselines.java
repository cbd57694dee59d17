package fi.tilannekuva.benchmarks;

import fi.tilannekuva.local.LocalInfra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the system's numbers are compared with, measured on the same PostgreSQL server and Kafka broker in the same
 * run: plain JDBC inserts of report rows and the raw Kafka produce→consume round trip.
 */
final class Baselines implements AutoCloseable {

    private static final String DATABASE = "benchmark";
    private static final String INSERT = "insert into report_row (region, subtask, roadmap_version, status, comment,"
            + " support_needed, reported_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final LocalInfra infra;
    private final List<Connection> connections = new ArrayList<>();

    Baselines(LocalInfra infra) throws SQLException {
        this.infra = infra;
        infra.postgres().createDatabase(DATABASE, DATABASE, DATABASE);
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            // The same columns as a stored report item.
            statement.execute("drop table if exists report_row");
            statement.execute("create table report_row (id bigserial primary key, region text not null,"
                    + " subtask text not null, roadmap_version integer not null, status text not null, comment text,"
                    + " support_needed boolean not null, reported_at timestamptz not null,"
                    + " received_at timestamptz not null)");
        }
    }

    /** One connection per thread, opened before the measurement (a pool would keep them too). */
    Connection[] connections(int threads) throws SQLException {
        Connection[] perThread = new Connection[threads];
        for (int t = 0; t < threads; t++) {
            perThread[t] = connect();
            connections.add(perThread[t]);
        }
        return perThread;
    }

    /** One single-row insert, committed on its own (autocommit). */
    static void insertOne(Connection connection, long i) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, i, 0);
            insert.executeUpdate();
        }
    }

    /** {@code rows} rows in one batch (rewritten to multi-row inserts by the driver) and one transaction. */
    static void insertBatch(Connection connection, long i, int rows) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int r = 0; r < rows; r++) {
                bind(insert, i, r);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * The raw Kafka round trip: one record produced ({@code acks=all}, idempotent, as the services' relays) and
     * consumed by a subscribed consumer, one after another.
     */
    Load.Result kafkaRoundTrip(int warmup, int samples) throws Exception {
        String topic = "benchmark-round-trip-" + UUID.randomUUID();
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        try (var producer = new KafkaProducer<String, String>(producerConfig);
                var consumer = new KafkaConsumer<String, String>(consumerConfig)) {
            producer.send(new ProducerRecord<>(topic, "lappi", "create")).get();
            consumer.assign(List.of(new TopicPartition(topic, partitionOf(producer, topic))));
            consumer.seekToEnd(consumer.assignment());
            consumer.position(consumer.assignment().iterator().next());
            return Load.sequential("Kafka produce→consume round trip", warmup, samples, (thread, i) -> {
                String marker = Long.toString(i);
                producer.send(new ProducerRecord<>(topic, "lappi", marker));
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                while (Instant.now().isBefore(deadline)) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        if (record.value().equals(marker)) {
                            return;
                        }
                    }
                }
                throw new IllegalStateException("record " + marker + " never came back");
            });
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }

    private static int partitionOf(KafkaProducer<String, String> producer, String topic) throws Exception {
        return producer.send(new ProducerRecord<>(topic, "lappi", "locate"))
                .get()
                .partition();
    }

    private Connection connect() throws SQLException {
        // reWriteBatchedInserts: the driver sends a batch as multi-row inserts, the fastest plain JDBC way.
        return DriverManager.getConnection(infra.jdbcUrl(DATABASE) + "?reWriteBatchedInserts=true", DATABASE, DATABASE);
    }

    private static void bind(PreparedStatement insert, long i, int row) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        insert.setString(1, "lappi");
        insert.setString(2, "JO-E-5." + row);
        insert.setInt(3, 1);
        insert.setString(4, i % 2 == 0 ? "IN_PROGRESS" : "DONE");
        insert.setString(5, null);
        insert.setBoolean(6, false);
        insert.setTimestamp(7, now);
        insert.setTimestamp(8, now);
    }
}
