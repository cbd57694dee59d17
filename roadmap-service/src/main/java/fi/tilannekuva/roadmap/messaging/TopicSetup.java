package fi.tilannekuva.roadmap.messaging;

import fi.tilannekuva.kit.outbox.TopicProvisioner;
import fi.tilannekuva.roadmap.config.RoadmapConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Creates the compacted {@code roadmap-published} topic when it is missing. */
@ApplicationScoped
public class TopicSetup implements TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    @Inject
    RoadmapConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /**
     * Makes sure the topic exists with {@code cleanup.policy=compact}. service-kit's relay calls it until it succeeds,
     * before its first send, or the broker could auto-create the topic without compaction.
     *
     * @return whether the topic exists now (false when the broker could not be reached)
     */
    @Override
    public boolean ensureTopics() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        String topic = config.outbox().topic();
        try (Admin admin = Admin.create(properties)) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                NewTopic newTopic = new NewTopic(
                                topic,
                                config.outbox().partitions(),
                                config.outbox().replicationFactor())
                        .configs(Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT,
                                TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                Integer.toString(config.outbox().maxMessageBytes())));
                admin.createTopics(List.of(newTopic)).all().get(10, TimeUnit.SECONDS);
                LOG.infof("Created the compacted topic %s", topic);
            }
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return true;
            }
            LOG.warnf("Topic %s not ready yet: %s", topic, e.getCause().toString());
        } catch (TimeoutException e) {
            LOG.warnf("Topic %s not ready yet: the broker did not answer", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
