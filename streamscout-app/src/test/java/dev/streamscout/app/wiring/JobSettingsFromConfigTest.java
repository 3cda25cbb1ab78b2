package dev.streamscout.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.RawConfig;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.core.detect.DefaultDetectorParams;
import dev.streamscout.core.detect.DefaultSpikeDetector;
import dev.streamscout.core.detect.SeedSpikeDetector;
import dev.streamscout.job.JobSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live job's detector comes from the detector.* keys, its event-time bound from job.out-of-orderness. */
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
    void the_out_of_orderness_key_reaches_the_job_and_defaults_to_one_second() {
        assertThat(settings(Map.of()).outOfOrderness()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings(Map.of(ConfigKey.JOB_OUT_OF_ORDERNESS, "PT3S")).outOfOrderness())
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void the_separate_job_service_takes_the_out_of_orderness_key_too() {
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(null, Map.of(), Map.of(
                ConfigKey.KAFKA_BOOTSTRAP_SERVERS, "kafka:9092",
                ConfigKey.POSTGRES_URL, "jdbc:postgresql://db:5432/streamscout",
                ConfigKey.CLIPS_ENABLED, "false",
                ConfigKey.JOB_OUT_OF_ORDERNESS, "2.5")));

        assertThat(JobDefinition.fromConfig(config, null).job().outOfOrderness()).isEqualTo(Duration.ofMillis(2500));
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
