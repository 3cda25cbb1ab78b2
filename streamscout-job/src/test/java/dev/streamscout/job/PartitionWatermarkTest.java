package dev.streamscout.job;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.Json;
import dev.streamscout.job.io.ChatMessageDeserializer;
import dev.streamscout.store.ChatMinuteSummary;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Event time per Kafka partition. One source subtask reads two partitions that each hold 200 s of
 * in-order chat of one channel, as after a restore when a backlog is replayed: the consumer hands out a
 * chunk of one partition, then a chunk of the other, so within the merged stream the two run apart by a
 * chunk's span, more than the out-of-orderness bound (1 s by default). With {@link HighlightJob#chatEventTime} in the
 * Kafka source the watermark is the minimum of the partitions' and no message is late; stamped after the
 * source (as the job did before), the watermark runs ahead with each chunk of the first partition, so the
 * second channel's seconds and minutes are closed before its messages arrive.
 */
class PartitionWatermarkTest {

    private static final String FIRST_CHANNEL = "3001";
    private static final String SECOND_CHANNEL = "3002";
    private static final Duration BACKLOG = Duration.ofSeconds(200);
    private static final int PER_SECOND = 5;
    private static final int PER_PARTITION = (int) BACKLOG.toSeconds() * PER_SECOND;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static KafkaClusterTestKit kafka;

    /** What one run saw. */
    record Outcome(List<ChatMessage> late, long countedInMinutes) {}

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void two_partitions_replayed_one_after_the_other_make_no_message_late() throws Exception {
        String topic = skewedBacklog("per-partition");

        Outcome outcome = run(topic, true);

        assertThat(outcome.late()).isEmpty();
        assertThat(outcome.countedInMinutes()).isEqualTo(2L * PER_PARTITION);
    }

    @Test
    void stamped_after_the_source_the_same_backlog_makes_the_slower_partitions_messages_late() throws Exception {
        String topic = skewedBacklog("merged");

        Outcome outcome = run(topic, false);

        // The scenario above is a real hazard, not a quiet one: merging first loses messages.
        assertThat(outcome.late()).isNotEmpty();
        assertThat(outcome.countedInMinutes()).isLessThan(2L * PER_PARTITION);
    }

    /** A topic of two partitions, one channel each, both holding the same 200 s of steady chat. */
    private static String skewedBacklog(String name) throws Exception {
        String topic = "chat-skew-" + name;
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            String[] channels = {FIRST_CHANNEL, SECOND_CHANNEL};
            for (int partition = 0; partition < channels.length; partition++) {
                for (ChatMessage message : ChatFixtures.steady(channels[partition], PER_SECOND, BEGINNING, BACKLOG)) {
                    producer.send(new ProducerRecord<>(topic, partition, message.channelId(),
                            Json.toBytes(message)));
                }
            }
            producer.flush();
        }
        return topic;
    }

    /** Reads the whole topic (bounded) at parallelism 1 through the job, event time in or after the source. */
    private static Outcome run(String topic, boolean perPartition) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        // Watermarks go out as often as records are read, as they would over a replay lasting seconds.
        env.getConfig().setAutoWatermarkInterval(1);
        JobSettings settings = JobSettings.defaults().withClippingEnabled(false);
        KafkaSource<ChatMessage> source = KafkaSource.<ChatMessage>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(topic)
                .setGroupId("skew-" + topic)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new ChatMessageDeserializer())
                // Chunks of a few seconds of chat, read one partition after the other: the 1 MB default holds
                // minutes of a busy channel, the whole of this small backlog.
                .setProperty("max.partition.fetch.bytes", "8192")
                .build();
        DataStream<ChatMessage> chat = env.fromSource(source,
                        perPartition ? HighlightJob.chatEventTime(settings) : WatermarkStrategy.noWatermarks(),
                        "Kafka " + topic)
                .uid("chat-source").name("Kafka " + topic);
        CollectingSink<ChatMinuteSummary> minutes = new CollectingSink<>();
        CollectingSink<ChatMessage> late = new CollectingSink<>();

        HighlightJob.Outputs outputs = HighlightJob.define(env, chat, null, settings,
                moment -> new CompletableFuture<>(),
                new HighlightJob.Sinks(new CollectingSink<>(), null, minutes, null));
        outputs.lateMessages().sinkTo(late).uid("late-collector").name("Late messages");
        env.execute("partition-watermarks-" + topic);

        long counted = minutes.results().stream().mapToLong(ChatMinuteSummary::messageCount).sum();
        return new Outcome(late.results(), counted);
    }
}
