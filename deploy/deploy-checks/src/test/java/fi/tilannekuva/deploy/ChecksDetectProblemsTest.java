package fi.tilannekuva.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks themselves: each one fails on the mistake it exists for (a check that cannot fail proves nothing). */
class ChecksDetectProblemsTest {

    private static final ServiceConfiguration SERVICE = ServiceConfiguration.parse(
            "demo-service",
            """
            quarkus.http.port=8082
            %prod.quarkus.datasource.jdbc.url=${DB_URL}
            mp.jwt.verify.issuer=${JWT_ISSUER:https://issuer}
            %dev.quarkus.datasource.username=${DEV_ONLY}
            mp.messaging.incoming.status-in.topic=status-changed
            mp.messaging.incoming.status-in.failure-strategy=dead-letter-queue
            mp.messaging.outgoing.situation-changed.connector=smallrye-kafka
            %test.mp.messaging.incoming.only-in-tests.connector=smallrye-in-memory
            mp.messaging.incoming.memory.connector=smallrye-in-memory
            """);

    @Test
    void variableWithoutDefaultInProdIsRequiredAndOneWithADefaultIsNot() {
        assertEquals(Set.of("DB_URL"), SERVICE.requiredVariables());
        assertTrue(SERVICE.readVariables().containsAll(Set.of("DB_URL", "JWT_ISSUER", "QUARKUS_HTTP_PORT")));
    }

    @Test
    void devProfileReferencesAreNotProductionVariables() {
        assertTrue(!SERVICE.readVariables().contains("DEV_ONLY"));
    }

    @Test
    void environmentCheckNamesAnUnreadVariableAndAMissingRequiredOne() {
        List<String> problems = EnvironmentCheck.problems("compose", SERVICE, Set.of("DB_PASWORD"), Set.of());

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("sets DB_PASWORD"), problems.get(0));
        assertTrue(problems.get(1).contains("does not set DB_URL"), problems.get(1));
    }

    @Test
    void kafkaTopicsAreTheChannelTopicsTheirNamesAndDeadLetterTopics() {
        assertEquals(
                Set.of("status-changed", "dead-letter-topic-status-in", "situation-changed"), SERVICE.kafkaTopics());
    }

    @Test
    void dockerfileCheckRejectsRootNoPortAndNoHealthCheck() {
        Dockerfile dockerfile = Dockerfile.parse(
                """
                FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23
                COPY target/quarkus-app/lib/ /deployments/lib/
                USER 185
                USER root
                ENV MISSPELT_VARIABLE=1
                ENV JAVA_OPTS_APPEND="-XX:+UseG1GC"
                """);

        List<String> problems = DockerfileCheck.problems("Dockerfile", dockerfile, SERVICE);

        String all = String.join("\n", problems);
        for (String expected : List.of(
                "runs as root",
                "EXPOSE 8080",
                "QUARKUS_HTTP_PORT",
                "HEALTHCHECK",
                "not owned",
                "MISSPELT_VARIABLE",
                "garbage collector")) {
            assertTrue(all.contains(expected), "expected a problem about " + expected + " in:\n" + all);
        }
    }

    @Test
    void dockerfileParserJoinsContinuationLines() {
        Dockerfile dockerfile = Dockerfile.parse(
                """
                ENV A=1 \\
                    B="two words"
                HEALTHCHECK --interval=5s \\
                  CMD ["true"]
                """);

        assertEquals("two words", dockerfile.environment().get("B"));
        assertEquals(List.of("--interval=5s CMD [\"true\"]"), dockerfile.arguments("HEALTHCHECK"));
    }

    @Test
    void strictModelNamesAMisspeltField() throws Exception {
        JsonNode tree = RepositoryFiles.YAML.readTree(
                """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: status-changed
                spec:
                  partitions: 6
                  replica: 3
                """);

        List<String> problems = StrictModel.unknownFields(RepositoryFiles.YAML.treeToValue(tree, KafkaTopic.class));

        assertEquals(List.of(".spec: unknown field(s) [replica]"), problems);
    }
}
