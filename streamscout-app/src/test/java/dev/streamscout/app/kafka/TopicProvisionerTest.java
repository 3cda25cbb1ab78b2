package dev.streamscout.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topic creation against the real embedded broker: settings applied, existing topics left alone. */
class TopicProvisionerTest {

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.onFreePorts(dataDir.resolve("kafka")));
        broker.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void createsTheStandardTopicsWithTheirPartitionsAndRetention() throws Exception {
        TopicProvisioner provisioner = new TopicProvisioner(broker.bootstrapServers());

        Set<String> created = provisioner.provision(TopicProvisioner.standardTopics(4, 2, (short) 1));

        assertThat(created).containsExactlyInAnyOrder("chat-messages", "stream-lifecycle");
        assertThat(partitions("chat-messages")).isEqualTo(4);
        assertThat(partitions("stream-lifecycle")).isEqualTo(2);
        assertThat(retentionMs("chat-messages")).isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(retentionMs("stream-lifecycle")).isEqualTo(Duration.ofDays(7).toMillis());
    }

    @Test
    void existingTopicsAreLeftAsTheyAre() throws Exception {
        TopicProvisioner provisioner = new TopicProvisioner(broker.bootstrapServers());
        TopicSpec original = new TopicSpec("keep-me", 3, (short) 1, Duration.ofMinutes(10));
        assertThat(provisioner.provision(List.of(original))).containsExactly("keep-me");

        Set<String> second = provisioner.provision(List.of(
                original.withPartitions(7), new TopicSpec("new-one", 1, (short) 1, Duration.ofMinutes(5))));

        assertThat(second).containsExactly("new-one");
        assertThat(partitions("keep-me")).isEqualTo(3);
        assertThat(retentionMs("keep-me")).isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(provisioner.provision(List.of(original))).isEmpty();
    }

    @Test
    void aTopicTheBrokerRefusesIsReportedWithItsName() {
        TopicProvisioner provisioner = new TopicProvisioner(broker.bootstrapServers());
        // Replication factor 3 cannot be met by one broker.
        TopicSpec impossible = new TopicSpec("needs-three-brokers", 1, (short) 3, Duration.ofHours(1));

        assertThatThrownBy(() -> provisioner.provision(List.of(impossible)))
                .isInstanceOf(KafkaProvisioningException.class)
                .hasMessageContaining("needs-three-brokers");
    }

    @Test
    void anUnreachableClusterFailsWithinTheTimeout() {
        TopicProvisioner provisioner = new TopicProvisioner("127.0.0.1:1", Duration.ofSeconds(2));
        long begin = System.nanoTime();

        assertThatThrownBy(() -> provisioner.provision(List.of(TopicSpec.CHAT_MESSAGES)))
                .isInstanceOf(KafkaProvisioningException.class)
                .hasMessageContaining("127.0.0.1:1");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void specsAreValidated() {
        assertThatThrownBy(() -> new TopicSpec(" ", 1, (short) 1, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicSpec.CHAT_MESSAGES.withPartitions(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chat-messages").hasMessageContaining("0");
        assertThatThrownBy(() -> TopicSpec.CHAT_MESSAGES.withReplicationFactor((short) 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicationFactor");
        assertThatThrownBy(() -> new TopicSpec("t", 1, (short) 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
        assertThat(TopicSpec.CHAT_MESSAGES.partitions()).isEqualTo(20);
        assertThat(TopicSpec.STREAM_LIFECYCLE.partitions()).isEqualTo(10);
        assertThat(TopicSpec.STREAM_LIFECYCLE.retention()).isEqualTo(Duration.ofDays(7));
    }

    private static int partitions(String topic) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(topic);
        return description.partitions().size();
    }

    private static long retentionMs(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        return Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
    }
}
