package dev.streamscout.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.detect.DefaultDetectorParams;
import dev.streamscout.core.detect.DefaultSpikeDetector;
import dev.streamscout.core.detect.SeedSpikeDetector;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobSettingsTest {

    @Test
    void the_default_profile_runs_the_default_detector_with_its_tuned_parameters() {
        JobSettings settings = JobSettings.defaults();

        assertThat(settings.profile()).isEqualTo("default");
        assertThat(settings.spikeDetector()).isInstanceOfSatisfying(DefaultSpikeDetector.class,
                d -> assertThat(d.params()).isEqualTo(DefaultDetectorParams.defaults()));
    }

    @Test
    void threshold_and_warmup_shape_the_default_detector_and_k_the_seed_detector() {
        JobSettings settings = JobSettings.defaults().withThreshold(4.0).withWarmup(Duration.ofSeconds(30)).withK(3.0);

        assertThat(settings.spikeDetector()).isInstanceOfSatisfying(DefaultSpikeDetector.class, d -> {
            assertThat(d.params().threshold()).isEqualTo(4.0);
            assertThat(d.params().warmupSeconds()).isEqualTo(30);
        });
        JobSettings seed = settings.withProfile(JobSettings.SEED_PROFILE);
        assertThat(seed.spikeDetector()).isInstanceOf(SeedSpikeDetector.class);
        assertThat(seed.spikeDetector().profile()).isEqualTo("seed");
        assertThat(seed.detector().k()).isEqualTo(3.0);
    }

    @Test
    void unknown_profiles_and_bad_values_are_refused_with_a_reason() {
        assertThatThrownBy(() -> JobSettings.defaults().withProfile("fancy"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known: default, seed");
        assertThatThrownBy(() -> JobSettings.defaults().withThreshold(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
        assertThatThrownBy(() -> JobSettings.defaults().withWarmup(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warm-up");
        // The retention must outlast the active profile's window: 30 s for default, 5 s for seed.
        assertThatThrownBy(() -> JobSettings.defaults().withChannelStateRetention(Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
        assertThat(JobSettings.defaults().withProfile(JobSettings.SEED_PROFILE)
                .withChannelStateRetention(Duration.ofSeconds(20)).channelStateRetention()).hasSeconds(20);
    }
}
