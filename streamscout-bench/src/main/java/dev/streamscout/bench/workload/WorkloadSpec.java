package dev.streamscout.bench.workload;

/**
 * What the workload generator makes: a deterministic function of these values.
 *
 * @param seed               random seed; the same spec always gives the same bytes
 * @param channels           number of channels; popularity follows Zipf with {@code zipfExponent}
 * @param durationSeconds    event-time length of the workload
 * @param messagesPerSecond  mean aggregate chat rate over all channels outside spikes
 * @param zipfExponent       Zipf exponent of channel popularity (1.0 is the classic rank-size law)
 * @param spikes             number of spikes to inject
 * @param spikeMultiplier    a spike's peak rate as a multiple of its channel's normal rate
 * @param spikeFromSeconds   no spike starts before this event-time offset (detectors warm up first)
 * @param startEpochMs       event time of the workload's first second
 */
public record WorkloadSpec(long seed, int channels, int durationSeconds, double messagesPerSecond,
        double zipfExponent, int spikes, double spikeMultiplier, int spikeFromSeconds, long startEpochMs) {

    /** 2026-01-01T00:00:00Z: a fixed origin so that files are byte-identical run to run. */
    public static final long DEFAULT_START_MS = 1_767_225_600_000L;

    public WorkloadSpec {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, was " + channels);
        }
        if (durationSeconds < 1 || messagesPerSecond <= 0 || zipfExponent < 0 || spikes < 0 || spikeMultiplier < 1) {
            throw new IllegalArgumentException("bad workload: " + this);
        }
        if (spikes > 0 && spikeFromSeconds + InjectedSpike.SHAPE.length + 15 > durationSeconds) {
            throw new IllegalArgumentException("no room for spikes after " + spikeFromSeconds + " s in "
                    + durationSeconds + " s");
        }
    }

    /**
     * The end-to-end workload: 1,000 channels, 3,000 msg/s for 7 minutes (about 1.3 M messages), 24
     * spikes of 8x after the default detector's 5-minute warm-up.
     */
    public static WorkloadSpec endToEnd(long seed) {
        return new WorkloadSpec(seed, 1_000, 420, 3_000, 1.0, 24, 8.0, 320, DEFAULT_START_MS);
    }

    public WorkloadSpec withChannels(int value) {
        return new WorkloadSpec(seed, value, durationSeconds, messagesPerSecond, zipfExponent, spikes, spikeMultiplier,
                spikeFromSeconds, startEpochMs);
    }

    public WorkloadSpec withDuration(int seconds, int spikeFrom) {
        return new WorkloadSpec(seed, channels, seconds, messagesPerSecond, zipfExponent, spikes, spikeMultiplier,
                spikeFrom, startEpochMs);
    }

    public WorkloadSpec withRate(double value) {
        return new WorkloadSpec(seed, channels, durationSeconds, value, zipfExponent, spikes, spikeMultiplier,
                spikeFromSeconds, startEpochMs);
    }

    public WorkloadSpec withSpikes(int value) {
        return new WorkloadSpec(seed, channels, durationSeconds, messagesPerSecond, zipfExponent, value,
                spikeMultiplier, spikeFromSeconds, startEpochMs);
    }

    /** Expected message count (spikes add a little on top). */
    public long expectedMessages() {
        return Math.round(messagesPerSecond * durationSeconds);
    }
}
