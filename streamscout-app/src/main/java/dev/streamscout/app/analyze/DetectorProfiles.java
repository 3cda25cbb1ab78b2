package dev.streamscout.app.analyze;

import dev.streamscout.core.detect.DefaultDetectorParams;
import dev.streamscout.core.detect.DefaultSpikeDetector;
import dev.streamscout.core.detect.SeedDetectorParams;
import dev.streamscout.core.detect.SeedSpikeDetector;
import dev.streamscout.core.detect.SpikeDetector;
import java.util.Locale;

/** The detector profiles {@code analyze} can run, by name. */
public final class DetectorProfiles {

    private DetectorProfiles() {}

    /**
     * The detector for a profile name with its default parameters.
     *
     * @param threshold overrides the profile's one threshold (k for seed) when not null
     * @throws IllegalArgumentException for an unknown name
     */
    public static SpikeDetector<?> byName(String name, Double threshold) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case SeedSpikeDetector.PROFILE -> new SeedSpikeDetector(threshold == null
                    ? SeedDetectorParams.defaults() : SeedDetectorParams.defaults().withK(threshold));
            case DefaultSpikeDetector.PROFILE -> new DefaultSpikeDetector(threshold == null
                    ? DefaultDetectorParams.defaults() : DefaultDetectorParams.defaults().withThreshold(threshold));
            default -> throw new IllegalArgumentException("unknown profile '" + name + "' (known: seed, default)");
        };
    }
}
