package dev.streamscout.job;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * How the highlights job checkpoints: every {@code interval}, into {@code directory} (any Flink file
 * system URI: {@code file:///...}, {@code s3://...}, {@code hdfs://...}), or into whatever storage the
 * cluster is configured with when the directory is null.
 *
 * <p>Checkpoints are what make a failure cheap: the Kafka sources rewind to the offsets of the last
 * completed checkpoint (and commit those offsets to their consumer group when it completes), keyed
 * detector state comes back as it was, and the JDBC sinks, flushed at every checkpoint, only ever
 * repeat idempotent statements.
 *
 * @param interval         time between checkpoints; {@link Duration#ZERO} switches checkpointing off
 * @param directory        checkpoint storage URI, or null for the cluster's own setting
 * @param retainOnCancel   keep the last checkpoint when the job is cancelled, so that it can be resumed
 *                         from ({@code flink run -s}); false deletes it
 */
public record CheckpointSettings(Duration interval, String directory, boolean retainOnCancel) implements Serializable {

    /** Seed 004 asks for frequent checkpoints; 10 s keeps the replay after a failure short. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    /** Flink refuses intervals below 10 ms. */
    private static final Duration MIN_INTERVAL = Duration.ofMillis(10);

    public CheckpointSettings {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || (!interval.isZero() && interval.compareTo(MIN_INTERVAL) < 0)) {
            throw new IllegalArgumentException("checkpoint interval must be 0 (off) or at least 10 ms, was " + interval);
        }
        if (directory != null && directory.isBlank()) {
            directory = null;
        }
    }

    /** Every 10 s into the cluster's configured storage, kept on cancel. */
    public static CheckpointSettings defaults() {
        return new CheckpointSettings(DEFAULT_INTERVAL, null, true);
    }

    /** No checkpoints. */
    public static CheckpointSettings disabled() {
        return new CheckpointSettings(Duration.ZERO, null, false);
    }

    public CheckpointSettings withInterval(Duration value) {
        return new CheckpointSettings(value, directory, retainOnCancel);
    }

    /** Into a Flink file system URI ({@code s3://bucket/checkpoints}) or, for a plain path, the local file system. */
    public CheckpointSettings withDirectory(String value) {
        return new CheckpointSettings(interval, toUri(value), retainOnCancel);
    }

    public CheckpointSettings withRetainOnCancel(boolean value) {
        return new CheckpointSettings(interval, directory, value);
    }

    public boolean enabled() {
        return !interval.isZero();
    }

    /** The Flink options these settings stand for; empty when checkpointing is off. */
    public Configuration toConfiguration() {
        Configuration conf = new Configuration();
        if (!enabled()) {
            return conf;
        }
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, retainOnCancel
                ? ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION
                : ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION);
        if (directory != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory);
        }
        return conf;
    }

    /** Configures {@code env}'s checkpointing (any environment: local, remote or the one {@code flink run} gives). */
    public void applyTo(StreamExecutionEnvironment env) {
        if (enabled()) {
            env.configure(toConfiguration(), CheckpointSettings.class.getClassLoader());
        }
    }

    /** A URI with a scheme stays as it is; a plain path becomes an absolute {@code file:} URI. */
    static String toUri(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return trimmed;
        }
        return Path.of(trimmed).toAbsolutePath().normalize().toUri().toString();
    }
}
