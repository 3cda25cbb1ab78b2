package dev.streamscout.app.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * A topic StreamScout needs, with the settings it is created with when missing.
 *
 * @param name              topic name
 * @param partitions        partition count (at least 1)
 * @param replicationFactor replicas per partition (1 on the embedded broker; the seed asks 3 on a cluster)
 * @param retention         how long records are kept ({@code retention.ms})
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Duration retention) {

    /** Chat messages keyed by channel id; kept one hour, only long enough to be processed. */
    public static final TopicSpec CHAT_MESSAGES =
            new TopicSpec("chat-messages", 20, (short) 1, Duration.ofHours(1));

    /** Stream online/offline/viewer events; kept seven days. */
    public static final TopicSpec STREAM_LIFECYCLE =
            new TopicSpec("stream-lifecycle", 10, (short) 1, Duration.ofDays(7));

    /** The job's per-second live events for the API's push; kept one hour (nobody reads them late). */
    public static final TopicSpec LIVE_UPDATES =
            new TopicSpec("live-updates", 6, (short) 1, Duration.ofHours(1));

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(retention, "retention");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "topic " + name + ": replicationFactor must be at least 1, was " + replicationFactor);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("topic " + name + ": retention must be positive, was " + retention);
        }
    }

    public TopicSpec withName(String newName) {
        return new TopicSpec(newName, partitions, replicationFactor, retention);
    }

    public TopicSpec withPartitions(int newPartitions) {
        return new TopicSpec(name, newPartitions, replicationFactor, retention);
    }

    public TopicSpec withReplicationFactor(short newReplicationFactor) {
        return new TopicSpec(name, partitions, newReplicationFactor, retention);
    }
}
