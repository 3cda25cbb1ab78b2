package dev.streamscout.job;

import dev.streamscout.core.detect.DefaultDetectorParams;
import dev.streamscout.core.detect.DefaultSpikeDetector;
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
 * @param profile                detector profile: {@code default} ({@link DefaultSpikeDetector}) or
 *                               {@code seed} ({@link SeedSpikeDetector})
 * @param detector               parameters of the seed profile (k, window, baseline, warm-up, floor, cooldown);
 *                               used only when the profile is {@code seed}
 * @param defaultDetector        parameters of the default profile (threshold, warm-up, ...); used only when
 *                               the profile is {@code default}
 * @param outOfOrderness         how late (in event time) a chat message may arrive and still be counted
 *                               ({@code job.out-of-orderness}); every second closes this much later
 * @param idleTimeout            a source partition, or a channel, without messages for this long (in
 *                               processing time) no longer holds event time back: its seconds are
 *                               closed on the wall clock
 * @param channelStateRetention  a channel silent for this long (in event time) is forgotten; if it
 *                               comes back it warms up again
 * @param clips                  clip creation
 * @param parallelism            default parallelism of the job
 * @param rawChatArchive         whether the deployed job archives every chat message in {@code chat_messages_raw}
 *                               ({@code store.raw-chat.enabled})
 */
public record JobSettings(
        String profile,
        SeedDetectorParams detector,
        DefaultDetectorParams defaultDetector,
        Duration outOfOrderness,
        Duration idleTimeout,
        Duration channelStateRetention,
        ClipSettings clips,
        int parallelism,
        boolean rawChatArchive) implements Serializable {

    public static final String SEED_PROFILE = SeedSpikeDetector.PROFILE;
    public static final String DEFAULT_PROFILE = DefaultSpikeDetector.PROFILE;

    public JobSettings {
        Objects.requireNonNull(profile, "profile");
        if (!SEED_PROFILE.equals(profile) && !DEFAULT_PROFILE.equals(profile)) {
            throw new IllegalArgumentException("unknown detector profile '" + profile + "' (known: default, seed)");
        }
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(defaultDetector, "defaultDetector");
        Objects.requireNonNull(clips, "clips");
        notNegative("outOfOrderness", outOfOrderness);
        positive("idleTimeout", idleTimeout);
        positive("channelStateRetention", channelStateRetention);
        int windowSeconds = SEED_PROFILE.equals(profile) ? detector.windowSeconds() : defaultDetector.windowSeconds();
        if (channelStateRetention.toSeconds() <= windowSeconds) {
            throw new IllegalArgumentException("channelStateRetention must be longer than the window: "
                    + channelStateRetention);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
    }

    /**
     * Default profile with its tuned parameters, 1 s out-of-orderness, 5 s idleness, 10 min retention,
     * seed clip schedule, parallelism 2, raw chat archived. The bound is 1 s, not more, because it delays
     * every moment by as much, while a channel's chat comes in order over one IRC connection and each Kafka
     * partition has its own watermark: what makes a message late is skew between the channels of one
     * partition (or a stalled pipeline), and late messages are counted ({@code late_messages}).
     */
    public static JobSettings defaults() {
        return new JobSettings(DEFAULT_PROFILE, SeedDetectorParams.defaults(), DefaultDetectorParams.defaults(),
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(10), ClipSettings.defaults(), 2, true);
    }

    /** The detector for {@link #profile()}; the job's operators only see the {@link SpikeDetector} interface. */
    public SpikeDetector<?> spikeDetector() {
        return SEED_PROFILE.equals(profile) ? new SeedSpikeDetector(detector) : new DefaultSpikeDetector(defaultDetector);
    }

    /** The same settings with another profile ({@code default} or {@code seed}); its parameters are kept. */
    public JobSettings withProfile(String value) {
        return new JobSettings(value, detector, defaultDetector, outOfOrderness, idleTimeout, channelStateRetention,
                clips, parallelism, rawChatArchive);
    }

    public JobSettings withDetector(SeedDetectorParams value) {
        return new JobSettings(profile, value, defaultDetector, outOfOrderness, idleTimeout, channelStateRetention,
                clips, parallelism, rawChatArchive);
    }

    public JobSettings withDefaultDetector(DefaultDetectorParams value) {
        return new JobSettings(profile, detector, value, outOfOrderness, idleTimeout, channelStateRetention, clips,
                parallelism, rawChatArchive);
    }

    /** The default profile's one threshold. */
    public JobSettings withThreshold(double value) {
        return withDefaultDetector(defaultDetector.withThreshold(value));
    }

    /** The default profile's warm-up: no moment before this much chat time has been seen on a channel. */
    public JobSettings withWarmup(Duration value) {
        Objects.requireNonNull(value, "warmup");
        if (value.isNegative() || value.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("warm-up must be between 0 and " + Integer.MAX_VALUE + " s, was " + value);
        }
        return withDefaultDetector(defaultDetector.withWarmupSeconds((int) value.toSeconds()));
    }

    /** The seed profile's k. */
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
        return new JobSettings(profile, detector, defaultDetector, value, idleTimeout, channelStateRetention, clips, parallelism, rawChatArchive);
    }

    public JobSettings withIdleTimeout(Duration value) {
        return new JobSettings(profile, detector, defaultDetector, outOfOrderness, value, channelStateRetention, clips, parallelism, rawChatArchive);
    }

    public JobSettings withChannelStateRetention(Duration value) {
        return new JobSettings(profile, detector, defaultDetector, outOfOrderness, idleTimeout, value, clips, parallelism, rawChatArchive);
    }

    public JobSettings withClips(ClipSettings value) {
        return new JobSettings(profile, detector, defaultDetector, outOfOrderness, idleTimeout, channelStateRetention, value, parallelism, rawChatArchive);
    }

    public JobSettings withClippingEnabled(boolean value) {
        return withClips(clips.withEnabled(value));
    }

    /** Whether the deployed job archives raw chat ({@code chat_messages_raw}). */
    public JobSettings withRawChatArchive(boolean value) {
        return new JobSettings(profile, detector, defaultDetector, outOfOrderness, idleTimeout, channelStateRetention, clips,
                parallelism, value);
    }

    public JobSettings withParallelism(int value) {
        return new JobSettings(profile, detector, defaultDetector, outOfOrderness, idleTimeout, channelStateRetention, clips, value, rawChatArchive);
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
