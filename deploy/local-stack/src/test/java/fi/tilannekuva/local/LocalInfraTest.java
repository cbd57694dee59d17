package fi.tilannekuva.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalInfraTest {

    private final LocalInfra infra = LocalInfra.shared();

    @Test
    void eachServiceDatabaseIsARealPostgres17ReachableWithItsOwnLogin() throws Exception {
        for (String database : LocalInfra.DATABASES) {
            try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(database), database, database);
                    ResultSet result = connection.createStatement().executeQuery("select version(), current_user")) {
                assertTrue(result.next());
                assertTrue(result.getString(1).startsWith("PostgreSQL 17"), result.getString(1));
                assertEquals(database, result.getString(2));
            }
        }
    }

    @Test
    void aRecordMakesTheRoundTripThroughTheRealBroker() {
        String topic = "round-trip-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "lappi", "hello")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "round-trip",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    assertEquals("lappi", record.key());
                    assertEquals("hello", record.value());
                    return;
                }
            }
        }
        throw new AssertionError("the record never came back from the broker");
    }

    @Test
    void postgresComesBackAfterARestartWithItsData() throws Exception {
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl("status"), "status", "status")) {
            connection.createStatement().execute("create table if not exists survives(x int)");
            connection.createStatement().execute("insert into survives values (42)");
        }
        infra.postgres().stop();
        assertFalse(Ports.listening(infra.postgres().port()));
        infra.postgres().start();
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl("status"), "status", "status");
                ResultSet result = connection.createStatement().executeQuery("select sum(x) from survives")) {
            assertTrue(result.next());
            assertEquals(42, result.getInt(1));
        }
    }

    @Test
    void devTokensCarryRoleAndRegion() {
        String token = DevKeys.token("region-reporter", "lappi");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertTrue(payload.contains("\"region\":\"lappi\""), payload);
        assertTrue(payload.contains("region-reporter"), payload);
    }
}
