package dev.streamscout.job.io;

import java.util.Objects;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Where the job reads chat from.
 *
 * @param bootstrapServers Kafka bootstrap servers ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param topic            chat topic, {@code chat-messages}
 * @param groupId          consumer group (offsets are committed on checkpoints when checkpointing is on)
 * @param startingOffsets  where a fresh start begins
 */
public record KafkaChatSettings(String bootstrapServers, String topic, String groupId,
        StartingOffsets startingOffsets) {

    public static final String CHAT_TOPIC = "chat-messages";
    public static final String DEFAULT_GROUP_ID = "streamscout-highlights";

    /** Where to start reading. */
    public enum StartingOffsets {
        /** Only chat produced from now on: the live demo. */
        LATEST,
        /** Everything the topic still retains. */
        EARLIEST,
        /** The group's committed offsets, or the beginning for a new group: resumes after a restart. */
        COMMITTED_OR_EARLIEST,
        /** The group's committed offsets, or the end for a new group. */
        COMMITTED_OR_LATEST;

        OffsetsInitializer initializer() {
            return switch (this) {
                case LATEST -> OffsetsInitializer.latest();
                case EARLIEST -> OffsetsInitializer.earliest();
                case COMMITTED_OR_EARLIEST -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
                case COMMITTED_OR_LATEST -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.LATEST);
            };
        }
    }

    public KafkaChatSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("groupId must not be blank");
        }
        Objects.requireNonNull(startingOffsets, "startingOffsets");
    }

    /** {@code chat-messages}, group {@code streamscout-highlights}, starting at the latest offsets. */
    public static KafkaChatSettings of(String bootstrapServers) {
        return new KafkaChatSettings(bootstrapServers, CHAT_TOPIC, DEFAULT_GROUP_ID, StartingOffsets.LATEST);
    }

    public KafkaChatSettings withStartingOffsets(StartingOffsets value) {
        return new KafkaChatSettings(bootstrapServers, topic, groupId, value);
    }

    public KafkaChatSettings withGroupId(String value) {
        return new KafkaChatSettings(bootstrapServers, topic, value, startingOffsets);
    }

    public KafkaChatSettings withTopic(String value) {
        return new KafkaChatSettings(bootstrapServers, value, groupId, startingOffsets);
    }
}
