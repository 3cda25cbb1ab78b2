package dev.streamscout.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real in-process KRaft broker: plain clients produce and consume through a consumer group
 * (which only works when the single-node coordinator settings are right), and a second broker
 * started over the same directory finds the cluster id and the records of the first.
 */
class EmbeddedKafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void consumerGroupReadsWhatAProducerWrote() throws Exception {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.onFreePorts(dataDir.resolve("kafka")))) {
            broker.start();
            new TopicProvisioner(broker.bootstrapServers()).provision(List.of(
                    new TopicSpec("greetings", 3, (short) 1, Duration.ofHours(1))));

            produce(broker.bootstrapServers(), "greetings", List.of("hello", "bonjour", "hallo"));

            assertThat(consumeInGroup(broker.bootstrapServers(), "greetings", 3))
                    .containsExactlyInAnyOrder("hello", "bonjour", "hallo");
        }
    }

    @Test
    void restartOverTheSameDirectoryKeepsClusterIdAndRecords() throws Exception {
        Path logDir = dataDir.resolve("kafka");
        String firstClusterId;
        try (EmbeddedKafkaBroker first = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.onFreePorts(logDir))) {
            first.start();
            firstClusterId = first.clusterId();
            assertThat(clusterIdReportedBy(first.bootstrapServers())).isEqualTo(firstClusterId);
            new TopicProvisioner(first.bootstrapServers()).provision(List.of(
                    new TopicSpec("survivors", 2, (short) 1, Duration.ofDays(1))));
            produce(first.bootstrapServers(), "survivors", List.of("before-restart-1", "before-restart-2"));
        }
        assertThat(Files.readString(logDir.resolve("meta.properties"), StandardCharsets.UTF_8))
                .contains("cluster.id=" + firstClusterId);

        // New free ports on purpose: the static quorum must not remember the old controller endpoint.
        try (EmbeddedKafkaBroker second = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.onFreePorts(logDir))) {
            second.start();
            assertThat(second.clusterId()).isEqualTo(firstClusterId);
            assertThat(clusterIdReportedBy(second.bootstrapServers())).isEqualTo(firstClusterId);
            assertThat(new TopicProvisioner(second.bootstrapServers()).provision(List.of(
                    new TopicSpec("survivors", 2, (short) 1, Duration.ofDays(1))))).isEmpty();
            produce(second.bootstrapServers(), "survivors", List.of("after-restart"));

            assertThat(consumeInGroup(second.bootstrapServers(), "survivors", 3))
                    .containsExactlyInAnyOrder("before-restart-1", "before-restart-2", "after-restart");
        }
    }

    @Test
    void closeIsQuickAndIdempotentAndStartIsOnceOnly() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.onFreePorts(dataDir.resolve("kafka")));
        broker.start();
        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class);

        long begin = System.nanoTime();
        broker.close();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
        broker.close();
        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPortInUseFailsTheStartWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(new EmbeddedKafkaSettings(dataDir.resolve("kafka"), port, 0));
            long begin = System.nanoTime();

            assertThatThrownBy(broker::start)
                    .isInstanceOf(KafkaProvisioningException.class)
                    .hasMessageContaining(Integer.toString(port));
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(30));
            broker.close();
        }
        // The failed attempt released everything: a broker over the same directory starts fine.
        try (EmbeddedKafkaBroker again = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.onFreePorts(dataDir.resolve("kafka")))) {
            again.start();
            produce(again.bootstrapServers(), "after-failure", List.of("ok"));
        }
    }

    @Test
    void bootstrapServersBeforeStartIsAnError() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.onFreePorts(dataDir));
        assertThatThrownBy(broker::bootstrapServers)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not been started");
        broker.close();
    }

    @Test
    void settingsRejectBadPorts() {
        assertThatThrownBy(() -> new EmbeddedKafkaSettings(dataDir, -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port").hasMessageContaining("-1");
        assertThatThrownBy(() -> new EmbeddedKafkaSettings(dataDir, 9092, 70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("controllerPort");
        assertThatThrownBy(() -> new EmbeddedKafkaSettings(dataDir, 9092, 9092))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ");
        assertThat(EmbeddedKafkaSettings.defaults(dataDir).port()).isEqualTo(9092);
    }

    static void produce(String bootstrap, String topic, List<String> values) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value, value)).get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Reads through a fresh consumer group, which needs a working group coordinator. */
    static List<String> consumeInGroup(String bootstrap, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            consumer.commitSync();
        }
        return values;
    }

    private static String clusterIdReportedBy(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        }
    }
}
