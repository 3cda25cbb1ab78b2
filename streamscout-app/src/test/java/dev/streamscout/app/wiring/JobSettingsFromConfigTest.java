package dev.streamscout.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.RawConfig;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.core.detect.DefaultDetectorParams;
import dev.streamscout.core.detect.DefaultSpikeDetector;
import dev.streamscout.core.detect.SeedSpikeDetector;
import dev.streamscout.job.JobSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live job's detector comes from the detector.* keys. */
class JobSettingsFromConfigTest {

    private static JobSettings settings(Map<ConfigKey, String> overrides) {
        return AllInOne.jobSettings(StreamScoutConfig.from(RawConfig.load(null, Map.of(), overrides)));
    }

    @Test
    void by_default_the_job_runs_the_default_profile_exactly_as_tuned() {
        assertThat(settings(Map.of()).spikeDetector()).isInstanceOfSatisfying(DefaultSpikeDetector.class,
                d -> assertThat(d.params()).isEqualTo(DefaultDetectorParams.defaults()));
    }

    @Test
    void threshold_and_warmup_keys_reach_the_default_detector() {
        JobSettings settings = settings(Map.of(ConfigKey.DETECTOR_THRESHOLD, "4", ConfigKey.DETECTOR_WARMUP, "PT30S"));

        assertThat(settings.spikeDetector()).isInstanceOfSatisfying(DefaultSpikeDetector.class, d -> {
            assertThat(d.params().threshold()).isEqualTo(4.0);
            assertThat(d.params().warmupSeconds()).isEqualTo(30);
        });
    }

    @Test
    void the_seed_profile_takes_k_window_and_cooldown() {
        JobSettings settings = settings(Map.of(ConfigKey.DETECTOR_PROFILE, "seed", ConfigKey.DETECTOR_K, "3",
                ConfigKey.DETECTOR_WINDOW_SECONDS, "7", ConfigKey.DETECTOR_COOLDOWN, "PT45S"));

        assertThat(settings.spikeDetector()).isInstanceOf(SeedSpikeDetector.class);
        assertThat(settings.detector().k()).isEqualTo(3.0);
        assertThat(settings.detector().windowSeconds()).isEqualTo(7);
        assertThat(settings.detector().cooldown()).hasSeconds(45);
    }
}
