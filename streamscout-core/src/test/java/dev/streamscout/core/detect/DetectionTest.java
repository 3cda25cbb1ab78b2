package dev.streamscout.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.highlight.Moment;
import org.junit.jupiter.api.Test;

/**
 * What a seed detection's moment says about its baseline's spread (the default profile has none:
 * {@code DefaultSpikeDetectorTest}).
 */
class DetectionTest {

    private static final long PEAK = 1_768_132_740_000L;

    @Test
    void a_seed_moment_keeps_the_standard_deviation_of_its_baseline_even_when_it_is_zero() {
        Moment spread = new Detection(SeedSpikeDetector.PROFILE, PEAK - 4_000, PEAK, PEAK, 40, 20.0, 2.5, 8.0)
                .toMoment("1001", "alpha");
        Moment flat = new Detection(SeedSpikeDetector.PROFILE, PEAK - 4_000, PEAK, PEAK, 40, 20.0, 0.0, 20.0)
                .toMoment("1001", "alpha");

        assertThat(spread.baselineStddev()).isEqualTo(2.5);
        assertThat(flat.baselineStddev()).isEqualTo(0.0);
    }
}
