package fi.tilannekuva.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What every service image must do: run unprivileged, listen on the exposed port, report readiness. */
final class DockerfileCheck {

    /** The port every service container listens on (compose, probes and Prometheus address it). */
    static final String CONTAINER_PORT = "8080";
    /** Health and metrics: the management interface, never the API port. */
    static final String MANAGEMENT_PORT = "9000";

    private DockerfileCheck() {}

    /**
     * Every problem with one service's Dockerfile.
     *
     * @param where the file, for the message
     * @param dockerfile the parsed Dockerfile
     * @param service what the service reads (the ENV it sets must be read by it or by the base image's run-java.sh)
     * @return one sentence per problem; empty when the image is fit to run
     */
    static List<String> problems(String where, Dockerfile dockerfile, ServiceConfiguration service) {
        List<String> problems = new ArrayList<>();
        String user = dockerfile.finalUser().split(":")[0];
        if (Set.of("root", "0").contains(user)) {
            problems.add(where + " runs as root (last USER: " + dockerfile.finalUser() + ")");
        }
        List<String> exposed = dockerfile.arguments("EXPOSE");
        if (!exposed.contains(CONTAINER_PORT)) {
            problems.add(where + " does not EXPOSE " + CONTAINER_PORT + " (EXPOSE: " + exposed + ")");
        }
        String port = dockerfile.environment().get("QUARKUS_HTTP_PORT");
        if (!CONTAINER_PORT.equals(port)) {
            problems.add(where + " does not set ENV QUARKUS_HTTP_PORT=" + CONTAINER_PORT
                    + ": the application.properties port (8081-8083) would not match EXPOSE (found " + port + ")");
        }
        if (!MANAGEMENT_PORT.equals(dockerfile.environment().get("QUARKUS_MANAGEMENT_PORT"))) {
            problems.add(where + " does not set ENV QUARKUS_MANAGEMENT_PORT=" + MANAGEMENT_PORT
                    + ": health and metrics would not be where the HEALTHCHECK and Prometheus look");
        }
        List<String> healthChecks = dockerfile.arguments("HEALTHCHECK");
        if (healthChecks.size() != 1
                || !healthChecks.get(0).contains("CMD")
                || !healthChecks.get(0).contains("/q/health/ready")
                || !healthChecks.get(0).contains("QUARKUS_MANAGEMENT_PORT")) {
            problems.add(where + " needs one HEALTHCHECK ... CMD against /q/health/ready on the management port (found "
                    + healthChecks + ")");
        }
        if (dockerfile.arguments("COPY").stream().noneMatch(c -> c.contains("target/quarkus-app/"))) {
            problems.add(where + " does not COPY the fast-jar layout from target/quarkus-app/");
        }
        if (dockerfile.arguments("COPY").stream().anyMatch(c -> !c.contains("--chown=185"))) {
            problems.add(where + " copies files not owned by the runtime user 185");
        }
        String javaOptions = dockerfile.environment().getOrDefault("JAVA_OPTS_APPEND", "");
        if (javaOptions.matches(".*-XX:\\+Use\\w+GC.*")) {
            problems.add(where + " selects a garbage collector in JAVA_OPTS_APPEND; run-java.sh already selects one"
                    + " (GC_CONTAINER_OPTIONS) and the JVM refuses two: set GC_CONTAINER_OPTIONS instead");
        }
        for (String variable : dockerfile.environment().keySet()) {
            if (!IMAGE_VARIABLES.contains(variable) && !service.readVariables().contains(variable)) {
                problems.add(where + " sets ENV " + variable + ", which neither " + service.service()
                        + " nor the base image's run-java.sh reads");
            }
        }
        return problems;
    }

    // Read by the base image (registry.access.redhat.com/ubi9/openjdk-17-runtime: run-java.sh and the locale).
    private static final Set<String> IMAGE_VARIABLES = Set.of(
            "LANGUAGE",
            "JAVA_APP_JAR",
            "JAVA_OPTS_APPEND",
            "JAVA_MAX_MEM_RATIO",
            "JAVA_INITIAL_MEM_RATIO",
            "GC_CONTAINER_OPTIONS",
            // read by glibc's malloc in every process of the image
            "MALLOC_ARENA_MAX");
}
