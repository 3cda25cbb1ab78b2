package dev.streamscout.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.detect.ChatSecond;
import dev.streamscout.core.detect.DefaultDetectorParams;
import dev.streamscout.core.detect.DefaultDetectorState;
import dev.streamscout.core.detect.DefaultSpikeDetector;
import dev.streamscout.core.detect.SeedDetectorParams;
import dev.streamscout.core.detect.SeedDetectorState;
import dev.streamscout.core.detect.SeedSpikeDetector;
import org.junit.jupiter.api.Test;

class DetectorBandsTest {

    @Test
    void seed_band_is_mean_plus_minus_k_stddev_per_second() {
        SeedDetectorParams params = SeedDetectorParams.defaults().withWindowSeconds(5).withK(2.0).withWarmupWindows(3);
        SeedSpikeDetector detector = new SeedSpikeDetector(params);
        SeedDetectorState state = detector.newState();
        assertThat(DetectorBands.band(detector, state)).isEqualTo(BaselineBand.NONE);
        // Alternating 0 and 10 messages a second: every 5 s window holds 20 or 30 messages.
        long t = 0;
        for (int i = 0; i < 40; i++, t += 1000) {
            detector.onSecond(state, t, i % 2 == 0 ? 10 : 0);
        }
        double mean = state.baselineSum / (double) state.baselineSize;
        double stddev = Math.sqrt(state.baselineSumSquares / (double) state.baselineSize - mean * mean);
        BaselineBand band = DetectorBands.band(detector, state);
        assertThat(band.baseline()).isCloseTo(mean / 5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(band.high()).isCloseTo((mean + 2 * stddev) / 5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(band.low()).isCloseTo((mean - 2 * stddev) / 5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(band.baseline()).isBetween(4.0, 6.0);
        assertThat(DetectorBands.candidateStart(detector, state)).isEmpty();
    }

    @Test
    void seed_during_warm_up_has_a_baseline_but_no_band() {
        SeedSpikeDetector detector = new SeedSpikeDetector(SeedDetectorParams.defaults().withWarmupWindows(100));
        SeedDetectorState state = detector.newState();
        for (long t = 0; t < 20_000; t += 1000) {
            detector.onSecond(state, t, 3);
        }
        BaselineBand band = DetectorBands.band(detector, state);
        assertThat(band.baseline()).isEqualTo(3.0);
        assertThat(band.low()).isNull();
        assertThat(band.high()).isNull();
    }

    @Test
    void default_band_is_the_reference_times_and_over_the_threshold_and_tracks_a_burst() {
        DefaultDetectorParams params = DefaultDetectorParams.defaults().withWarmupSeconds(60).withThreshold(2.5);
        DefaultSpikeDetector detector = new DefaultSpikeDetector(params);
        DefaultDetectorState state = detector.newState();
        long t = 0;
        for (; t < 300_000; t += 1000) {
            detector.onSecond(state, new ChatSecond(t, 4, 4, 0, 0, 40));
        }
        BaselineBand band = DetectorBands.band(detector, state);
        double reference = Math.sqrt(state.baseline * state.level);
        assertThat(band.baseline()).isCloseTo(reference, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(band.high()).isCloseTo(reference * 2.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(band.low()).isCloseTo(reference / 2.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(DetectorBands.candidateStart(detector, state)).isEmpty();
        // A burst: ten times the chatters. The detector starts holding it.
        long burst = t;
        for (; t < burst + 5000; t += 1000) {
            detector.onSecond(state, new ChatSecond(t, 60, 60, 0, 20, 600));
        }
        assertThat(DetectorBands.candidateStart(detector, state)).isPresent();
        assertThat(DetectorBands.candidateStart(detector, state).getAsLong()).isBetween(burst, t);
    }
}
