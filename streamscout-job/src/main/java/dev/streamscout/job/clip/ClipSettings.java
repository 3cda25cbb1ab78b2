package dev.streamscout.job.clip;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How moments become clips: whether to call Twitch at all, the Create Clip retry schedule, the Get
 * Clips confirmation schedule and the async I/O limits around the whole exchange.
 *
 * @param enabled              when false every moment gets a {@code SKIPPED} clip and Twitch is not called
 * @param durationSeconds      clip length sent as {@code duration} (Twitch accepts 5..60)
 * @param createAttemptOffsets when each Create Clip attempt starts, measured from the first one
 *                             (seed: 0 s, 3 s, 6 s); only 408/429/5xx and transport failures are retried
 * @param createBudget         no attempt starts later than this after the first (seed: 10 s)
 * @param confirmPollOffsets   when to ask Get Clips for the new clip, measured from Twitch's 202
 * @param requestTimeout       timeout of each single HTTP request
 * @param asyncTimeout         Flink async I/O timeout for one moment; past it the clip is recorded as
 *                             {@code FAILED}. Must leave room for the whole schedule
 * @param asyncCapacity        moments in flight per parallel instance before back-pressure
 */
public record ClipSettings(
        boolean enabled,
        int durationSeconds,
        List<Duration> createAttemptOffsets,
        Duration createBudget,
        List<Duration> confirmPollOffsets,
        Duration requestTimeout,
        Duration asyncTimeout,
        int asyncCapacity) implements Serializable {

    public ClipSettings {
        if (durationSeconds < 5 || durationSeconds > 60) {
            throw new IllegalArgumentException("clip duration must be 5..60 seconds, was " + durationSeconds);
        }
        createAttemptOffsets = ascending("createAttemptOffsets", createAttemptOffsets);
        confirmPollOffsets = ascending("confirmPollOffsets", confirmPollOffsets);
        positive("createBudget", createBudget);
        positive("requestTimeout", requestTimeout);
        positive("asyncTimeout", asyncTimeout);
        if (asyncCapacity < 1) {
            throw new IllegalArgumentException("asyncCapacity must be >= 1, was " + asyncCapacity);
        }
        Duration schedule = createBudget.plus(requestTimeout)
                .plus(confirmPollOffsets.get(confirmPollOffsets.size() - 1)).plus(requestTimeout);
        if (asyncTimeout.compareTo(schedule) <= 0) {
            // Otherwise every slow-but-healthy exchange would be cut off and recorded as failed.
            throw new IllegalArgumentException("asyncTimeout " + asyncTimeout
                    + " must exceed the retry budget, the last poll and two request timeouts (" + schedule + ")");
        }
    }

    /**
     * The seed schedule: attempts at 0, 3 and 6 s inside 10 s, then Get Clips at 5, 10, 15 and 30 s
     * (a single check at 15 s misses about 15% of real clips); 30 s clips; 5 s per request; 60 s and
     * 100 moments in flight for async I/O.
     */
    public static ClipSettings defaults() {
        return new ClipSettings(true, 30,
                List.of(Duration.ZERO, Duration.ofSeconds(3), Duration.ofSeconds(6)), Duration.ofSeconds(10),
                List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30)),
                Duration.ofSeconds(5), Duration.ofSeconds(60), 100);
    }

    public ClipSettings withEnabled(boolean value) {
        return new ClipSettings(value, durationSeconds, createAttemptOffsets, createBudget, confirmPollOffsets,
                requestTimeout, asyncTimeout, asyncCapacity);
    }

    public ClipSettings withDurationSeconds(int value) {
        return new ClipSettings(enabled, value, createAttemptOffsets, createBudget, confirmPollOffsets,
                requestTimeout, asyncTimeout, asyncCapacity);
    }

    public ClipSettings withCreateSchedule(List<Duration> offsets, Duration budget) {
        return new ClipSettings(enabled, durationSeconds, offsets, budget, confirmPollOffsets,
                requestTimeout, asyncTimeout, asyncCapacity);
    }

    public ClipSettings withConfirmPollOffsets(List<Duration> value) {
        return new ClipSettings(enabled, durationSeconds, createAttemptOffsets, createBudget, value,
                requestTimeout, asyncTimeout, asyncCapacity);
    }

    public ClipSettings withRequestTimeout(Duration value) {
        return new ClipSettings(enabled, durationSeconds, createAttemptOffsets, createBudget, confirmPollOffsets,
                value, asyncTimeout, asyncCapacity);
    }

    public ClipSettings withAsync(Duration timeout, int capacity) {
        return new ClipSettings(enabled, durationSeconds, createAttemptOffsets, createBudget, confirmPollOffsets,
                requestTimeout, timeout, capacity);
    }

    private static List<Duration> ascending(String name, List<Duration> offsets) {
        Objects.requireNonNull(offsets, name);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        Duration previous = Duration.ZERO;
        for (Duration d : offsets) {
            Objects.requireNonNull(d, name);
            if (d.compareTo(previous) < 0) {
                throw new IllegalArgumentException(name + " must be >= 0 and ascending: " + offsets);
            }
            previous = d;
        }
        return List.copyOf(offsets);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
