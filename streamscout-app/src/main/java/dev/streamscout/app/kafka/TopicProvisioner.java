package dev.streamscout.app.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics StreamScout needs when they are missing.
 *
 * <p>Idempotent: a topic that already exists is left exactly as it is (its partitions and retention
 * are not changed), so a restart, or several processes starting at once, never fight over settings.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final String bootstrapServers;
    private final Duration timeout;

    public TopicProvisioner(String bootstrapServers) {
        this(bootstrapServers, Duration.ofSeconds(30));
    }

    /**
     * @param bootstrapServers Kafka bootstrap servers
     * @param timeout          how long to wait for the cluster to answer before giving up
     */
    public TopicProvisioner(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The standard topics: chat messages and stream lifecycle with the given partition counts. */
    public static List<TopicSpec> standardTopics(int chatPartitions, int lifecyclePartitions, short replicationFactor) {
        return List.of(
                TopicSpec.CHAT_MESSAGES.withPartitions(chatPartitions).withReplicationFactor(replicationFactor),
                TopicSpec.STREAM_LIFECYCLE.withPartitions(lifecyclePartitions).withReplicationFactor(replicationFactor));
    }

    /**
     * Creates every topic of {@code specs} that does not exist yet.
     *
     * @return the names of the topics this call created (empty when all existed)
     * @throws KafkaProvisioningException when the cluster cannot be reached or refuses a topic
     */
    public Set<String> provision(List<TopicSpec> specs) {
        Objects.requireNonNull(specs, "specs");
        if (specs.isEmpty()) {
            return Set.of();
        }
        try (Admin admin = Admin.create(adminProperties())) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (!existing.contains(spec.name())) {
                    missing.add(new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor())
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
                                    Long.toString(spec.retention().toMillis()))));
                }
            }
            if (missing.isEmpty()) {
                return Set.of();
            }
            CreateTopicsResult result = admin.createTopics(missing);
            Set<String> created = new LinkedHashSet<>();
            for (Map.Entry<String, KafkaFuture<Void>> entry : result.values().entrySet()) {
                if (awaitCreation(entry.getKey(), entry.getValue())) {
                    created.add(entry.getKey());
                }
            }
            LOG.info("Created Kafka topics {}", created);
            return Set.copyOf(created);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaProvisioningException("interrupted while provisioning topics on " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaProvisioningException("cannot list topics on " + bootstrapServers, e);
        }
    }

    /** True when this call created the topic; false when someone else created it first. */
    private boolean awaitCreation(String topic, KafkaFuture<Void> future)
            throws InterruptedException, TimeoutException {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false; // created concurrently by another process: that is fine
            }
            throw new KafkaProvisioningException("cannot create topic " + topic + " on " + bootstrapServers, e.getCause());
        }
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "streamscout-topic-provisioner");
        return props;
    }
}
