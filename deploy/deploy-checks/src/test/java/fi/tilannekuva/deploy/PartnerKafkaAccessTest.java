package fi.tilannekuva.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.deploy.KubernetesManifests.Manifest;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Partners who run Kafka reach it on an authenticated listener, each as a KafkaUser that may read the public topics
 * and nothing else: never status-changed (comments, support requests) nor partner-subscriptions.
 */
class PartnerKafkaAccessTest {

    /** The topics a partner may read: no comment, no support request, no address in them. */
    static final Set<String> PUBLIC_TOPICS = Set.of("roadmap-published", "situation-changed", "reporting-rounds");

    @Test
    void partnersConnectOnlyThroughAnAuthenticatedTlsListenerWithAclsOn() {
        Kafka kafka = KubernetesManifests.ofKind("Kafka").get(0).as(Kafka.class);
        GenericKafkaListener partners = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> l.getName().equals("partners"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no partners listener"));
        assertTrue(partners.isTls(), "the partners' listener is TLS");
        assertTrue(partners.getAuth() instanceof KafkaListenerAuthenticationScramSha512, "and authenticates");
        assertTrue(kafka.getSpec().getKafka().getAuthorization() instanceof KafkaAuthorizationSimple, "ACLs apply");
        for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
            if (listener.getAuth() == null) {
                assertFalse(
                        listener.getNetworkPolicyPeers() == null
                                || listener.getNetworkPolicyPeers().isEmpty(),
                        listener.getName() + " authenticates nobody, so only the namespace's pods may reach it");
            }
        }
    }

    @Test
    void everyPartnerUserMayReadThePublicTopicsAndNothingElse() {
        List<Manifest> users = KubernetesManifests.ofKind("KafkaUser");
        assertFalse(users.isEmpty(), "a KafkaUser per partner");
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : users) {
            KafkaUser user = manifest.as(KafkaUser.class);
            if (!(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication)) {
                problems.add(manifest.where() + ": not a SCRAM-SHA-512 user");
            }
            if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
                problems.add(manifest.where() + ": no ACLs");
                continue;
            }
            for (AclRule rule : simple.getAcls()) {
                List<AclOperation> operations = rule.getOperations();
                if (rule.getResource() instanceof AclRuleTopicResource topic) {
                    if (!PUBLIC_TOPICS.contains(topic.getName())
                            || !"literal".equalsIgnoreCase(String.valueOf(topic.getPatternType()))) {
                        problems.add(manifest.where() + ": may touch topic " + topic.getName());
                    }
                    if (!Set.of(AclOperation.READ, AclOperation.DESCRIBE).containsAll(operations)) {
                        problems.add(manifest.where() + ": " + operations + " on " + topic.getName());
                    }
                } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                    if (!group.getName().startsWith(manifest.name() + "-")) {
                        problems.add(manifest.where() + ": group " + group.getName() + " not its own prefix");
                    }
                    if (!List.of(AclOperation.READ).equals(operations)) {
                        problems.add(manifest.where() + ": " + operations + " on its group");
                    }
                } else {
                    problems.add(manifest.where() + ": an ACL on " + rule.getResource());
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
