package dev.streamscout.job;

import dev.streamscout.core.detect.SeedDetectorParams;
import dev.streamscout.core.detect.SeedSpikeDetector;
import dev.streamscout.core.detect.SpikeDetector;
import dev.streamscout.job.clip.ClipSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything that shapes the highlights job, independent of where its input comes from and its
 * output goes.
 *
 * @param profile                detector profile; only {@code seed} exists so far
 * @param detector               parameters of the seed detector (k, window, baseline, warm-up, floor, cooldown)
 * @param outOfOrderness         how late (in event time) a chat message may arrive and still be counted
 * @param idleTimeout            a source partition, or a channel, without messages for this long (in
 *                               processing time) no longer holds event time back: its seconds are
 *                               closed on the wall clock
 * @param channelStateRetention  a channel silent for this long (in event time) is forgotten; if it
 *                               comes back it warms up again
 * @param clips                  clip creation
 * @param parallelism            default parallelism of the job
 */
public record JobSettings(
        String profile,
        SeedDetectorParams detector,
        Duration outOfOrderness,
        Duration idleTimeout,
        Duration channelStateRetention,
        ClipSettings clips,
        int parallelism) implements Serializable {

    public static final String SEED_PROFILE = SeedSpikeDetector.PROFILE;

    public JobSettings {
        Objects.requireNonNull(profile, "profile");
        if (!SEED_PROFILE.equals(profile)) {
            throw new IllegalArgumentException("unknown detector profile '" + profile + "' (known: seed)");
        }
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(clips, "clips");
        notNegative("outOfOrderness", outOfOrderness);
        positive("idleTimeout", idleTimeout);
        positive("channelStateRetention", channelStateRetention);
        if (channelStateRetention.toSeconds() <= detector.windowSeconds()) {
            throw new IllegalArgumentException("channelStateRetention must be longer than the window: "
                    + channelStateRetention);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
    }

    /** Seed detector, 2 s out-of-orderness, 5 s idleness, 10 min retention, seed clip schedule, parallelism 2. */
    public static JobSettings defaults() {
        return new JobSettings(SEED_PROFILE, SeedDetectorParams.defaults(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofMinutes(10), ClipSettings.defaults(), 2);
    }

    /** The detector for {@link #profile()}; the job's operators only see the {@link SpikeDetector} interface. */
    public SpikeDetector<?> spikeDetector() {
        return new SeedSpikeDetector(detector);
    }

    public JobSettings withDetector(SeedDetectorParams value) {
        return new JobSettings(profile, value, outOfOrderness, idleTimeout, channelStateRetention, clips, parallelism);
    }

    public JobSettings withK(double value) {
        return withDetector(detector.withK(value));
    }

    public JobSettings withWindowSeconds(int value) {
        return withDetector(detector.withWindowSeconds(value));
    }

    public JobSettings withCooldown(Duration value) {
        return withDetector(detector.withCooldown(value));
    }

    public JobSettings withOutOfOrderness(Duration value) {
        return new JobSettings(profile, detector, value, idleTimeout, channelStateRetention, clips, parallelism);
    }

    public JobSettings withIdleTimeout(Duration value) {
        return new JobSettings(profile, detector, outOfOrderness, value, channelStateRetention, clips, parallelism);
    }

    public JobSettings withChannelStateRetention(Duration value) {
        return new JobSettings(profile, detector, outOfOrderness, idleTimeout, value, clips, parallelism);
    }

    public JobSettings withClips(ClipSettings value) {
        return new JobSettings(profile, detector, outOfOrderness, idleTimeout, channelStateRetention, value, parallelism);
    }

    public JobSettings withClippingEnabled(boolean value) {
        return withClips(clips.withEnabled(value));
    }

    public JobSettings withParallelism(int value) {
        return new JobSettings(profile, detector, outOfOrderness, idleTimeout, channelStateRetention, clips, value);
    }

    private static void notNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
