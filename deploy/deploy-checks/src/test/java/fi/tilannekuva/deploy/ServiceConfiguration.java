package fi.tilannekuva.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's application.properties expects from its environment in production: the environment variables it
 * reads, those it requires, and the Kafka topics its channels use.
 */
final class ServiceConfiguration {

    // ${VAR} or ${VAR:default}; only upper-case names are environment variables (${quarkus.http.port} is a property).
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(:[^}]*)?}");
    private static final Pattern CHANNEL_KEY =
            Pattern.compile("mp\\.messaging\\.(?:incoming|outgoing)\\.(\"[^\"]+\"|[^.]+)\\.(.+)");

    private final String service;
    private final Map<String, String> productionProperties = new TreeMap<>();
    private final Set<String> allKeys = new TreeSet<>();

    private ServiceConfiguration(String service, Properties properties) {
        this.service = service;
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (key.startsWith("%")) {
                int dot = key.indexOf('.');
                String profiles = key.substring(1, dot);
                String bare = key.substring(dot + 1);
                allKeys.add(bare);
                // A key may name several profiles: %prod,staging.foo
                if (Set.of(profiles.split(",")).contains("prod")) {
                    productionProperties.put(bare, value);
                }
            } else {
                allKeys.add(key);
                productionProperties.putIfAbsent(key, value);
            }
        }
    }

    /** The service's src/main/resources/application.properties. */
    static ServiceConfiguration of(String service) {
        return parse(
                service,
                RepositoryFiles.read(RepositoryFiles.path(service + "/src/main/resources/application.properties")));
    }

    /** Parses application.properties text (java.util.Properties syntax, %profile prefixes). */
    static ServiceConfiguration parse(String service, String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceConfiguration(service, properties);
    }

    String service() {
        return service;
    }

    /**
     * Environment variables the service reads: every ${VAR} in a %prod or unprofiled value, and the environment form of
     * every key the file names in any profile (QUARKUS_HTTP_PORT overrides quarkus.http.port).
     */
    Set<String> readVariables() {
        Set<String> read = new TreeSet<>(references().keySet());
        allKeys.forEach(key -> read.add(environmentName(key)));
        return read;
    }

    /** The environment variables named in ${...} by %prod or unprofiled values. */
    Set<String> referencedVariables() {
        return new TreeSet<>(references().keySet());
    }

    /** Environment variables without which the service does not start in production: ${VAR} with no default. */
    Set<String> requiredVariables() {
        Set<String> required = new TreeSet<>();
        references().forEach((name, hasDefault) -> {
            if (!hasDefault) {
                required.add(name);
            }
        });
        return required;
    }

    /**
     * The Kafka topics of the production channels: each Kafka channel's .topic, else the channel's own name, and the
     * dead-letter topic of a channel whose failure strategy is dead-letter-queue.
     */
    Set<String> kafkaTopics() {
        Map<String, Map<String, String>> attributesByChannel = new TreeMap<>();
        productionProperties.forEach((key, value) -> {
            Matcher channel = CHANNEL_KEY.matcher(key);
            if (channel.matches()) {
                attributesByChannel
                        .computeIfAbsent(channel.group(1).replace("\"", ""), c -> new TreeMap<>())
                        .put(channel.group(2), value);
            }
        });
        Set<String> topics = new TreeSet<>();
        attributesByChannel.forEach((channel, attributes) -> {
            String connector = attributes.getOrDefault("connector", "smallrye-kafka");
            if (!connector.equals("smallrye-kafka")) {
                return;
            }
            if (attributes.containsKey("topics")) {
                for (String topic : attributes.get("topics").split(",")) {
                    topics.add(topic.trim());
                }
            } else {
                topics.add(attributes.getOrDefault("topic", channel));
            }
            if ("dead-letter-queue".equals(attributes.get("failure-strategy"))) {
                topics.add(attributes.getOrDefault("dead-letter-queue.topic", "dead-letter-topic-" + channel));
            }
        });
        return topics;
    }

    /** The environment variable that overrides a property: non-alphanumerics to _, upper case (SmallRye Config). */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    // name -> whether some reference gives it a default; a variable is required if any reference has none.
    private Map<String, Boolean> references() {
        Map<String, Boolean> references = new TreeMap<>();
        productionProperties.values().forEach(value -> {
            Matcher reference = ENV_REFERENCE.matcher(value);
            while (reference.find()) {
                boolean hasDefault = reference.group(2) != null;
                references.merge(reference.group(1), hasDefault, Boolean::logicalAnd);
            }
        });
        return references;
    }
}
