package dev.streamscout.job.io;

import dev.streamscout.core.json.Json;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.job.analytics.ChannelStats;
import dev.streamscout.job.detect.CauseEvent;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka ends of the analytics: the {@code stream-lifecycle} source (stream starts and viewer
 * counts) and the {@code channel-stats} sink (seed 003 JSON, keyed by channel id).
 */
public final class AnalyticsKafkaIo {

    public static final String LIFECYCLE_TOPIC = "stream-lifecycle";
    public static final String CHANNEL_STATS_TOPIC = "channel-stats";
    public static final String EVENTS_TOPIC = "chat-events";

    private AnalyticsKafkaIo() {}

    /**
     * Lifecycle events from the beginning the topic retains (7 days) or the group's committed
     * offsets: the job needs the stream start of channels that went live before it started.
     */
    public static KafkaSource<StreamLifecycleEvent> lifecycleSource(KafkaChatSettings kafka, String topic) {
        return KafkaSource.<StreamLifecycleEvent>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(topic)
                .setGroupId(kafka.groupId() + "-lifecycle")
                .setClientIdPrefix(kafka.groupId() + "-lifecycle")
                .setStartingOffsets(KafkaChatSettings.StartingOffsets.COMMITTED_OR_EARLIEST.initializer())
                .setValueOnlyDeserializer(new LifecycleEventDeserializer())
                .setProperty("partition.discovery.interval.ms", ChatKafkaSource.PARTITION_DISCOVERY_MS)
                .build();
    }

    /**
     * Cause events (raids, gift-sub bombs, announcements) from {@code chat-events}, starting where the
     * chat source starts: an event only matters beside the chat around it. Subscribed by pattern so that
     * the job runs (without cause tags) until ingest has created the topic.
     */
    public static KafkaSource<CauseEvent> causeEventSource(KafkaChatSettings kafka, String topic) {
        return KafkaSource.<CauseEvent>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopicPattern(Pattern.compile(Pattern.quote(topic)))
                .setGroupId(kafka.groupId() + "-events")
                .setClientIdPrefix(kafka.groupId() + "-events")
                .setStartingOffsets(kafka.startingOffsets().initializer())
                .setValueOnlyDeserializer(new CauseEventDeserializer())
                .setProperty("partition.discovery.interval.ms", ChatKafkaSource.PARTITION_DISCOVERY_MS)
                .build();
    }

    /** At-least-once {@code channel-stats} writer; consumers key on (channel_id, window_start). */
    public static KafkaSink<ChannelStats> channelStatsSink(String bootstrapServers, String topic) {
        return KafkaSink.<ChannelStats>builder()
                .setBootstrapServers(bootstrapServers)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(new ChannelStatsSerializer(topic))
                .build();
    }

    /** Key = channel id, value = the seed 003 JSON. */
    static final class ChannelStatsSerializer implements KafkaRecordSerializationSchema<ChannelStats> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        ChannelStatsSerializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(ChannelStats stats, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, null, timestamp, stats.channelId().getBytes(StandardCharsets.UTF_8),
                    Json.toBytes(stats));
        }
    }
}
