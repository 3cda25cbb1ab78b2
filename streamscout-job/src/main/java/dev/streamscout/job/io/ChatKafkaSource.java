package dev.streamscout.job.io;

import dev.streamscout.core.chat.ChatMessage;
import org.apache.flink.connector.kafka.source.KafkaSource;

/** The FLIP-27 Kafka source of chat messages. */
public final class ChatKafkaSource {

    /** A topic created after the job started is picked up within this time. */
    static final String PARTITION_DISCOVERY_MS = "10000";

    private ChatKafkaSource() {}

    /** Unbounded source of {@link ChatMessage}s; malformed records are counted and skipped. */
    public static KafkaSource<ChatMessage> create(KafkaChatSettings settings) {
        return KafkaSource.<ChatMessage>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setTopics(settings.topic())
                .setGroupId(settings.groupId())
                .setClientIdPrefix(settings.groupId())
                .setStartingOffsets(settings.startingOffsets().initializer())
                .setValueOnlyDeserializer(new ChatMessageDeserializer())
                .setProperty("partition.discovery.interval.ms", PARTITION_DISCOVERY_MS)
                .build();
    }
}
