package dev.streamscout.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SeedSpikeDetectorTest {

    private static final Instant BEGINNING = Instant.parse("2024-05-01T20:00:00Z");
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);
    private static final Duration TWO_MINUTES = Duration.ofMinutes(2);
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private static final SeedSpikeDetector SEED = new SeedSpikeDetector(SeedDetectorParams.defaults());

    /**
     * Chat alternating 3 and 5 messages a second: 5 s windows count 19 and 21 in turn, so a full,
     * even-sized baseline has mean 20 and standard deviation 1 exactly. The warm-up equals the baseline
     * so nothing is judged against an unbalanced half-filled one.
     */
    private static final SeedDetectorParams MEAN_20_SD_1 =
            SeedDetectorParams.defaults().withBaselineWindows(60).withWarmupWindows(60);

    private static ChatSeconds alternating3And5For(Duration length) {
        return ChatSeconds.from(BEGINNING).repeating(length, 3, 5);
    }

    private static long ms(Instant at) {
        return at.toEpochMilli();
    }

    @Nested
    class SteadyChat {

        @Test
        void constant_chat_never_fires() {
            assertThat(ChatSeconds.from(BEGINNING).steady(4, TEN_MINUTES).runThrough(SEED)).isEmpty();
        }

        @Test
        void chat_that_varies_within_each_window_never_fires() {
            // Every 5 s window holds exactly 20 messages although single seconds range from 2 to 6.
            assertThat(ChatSeconds.from(BEGINNING).repeating(TEN_MINUTES, 2, 6, 4, 3, 5).runThrough(SEED))
                    .isEmpty();
        }

        @Test
        void a_window_exactly_one_stddev_above_the_mean_does_not_fire() {
            // Windows of 21 against mean 20, stddev 1: the threshold is strictly "greater than".
            var detector = new SeedSpikeDetector(MEAN_20_SD_1);
            assertThat(alternating3And5For(TEN_MINUTES).runThrough(detector)).isEmpty();
        }

        @Test
        void silence_never_fires() {
            assertThat(ChatSeconds.from(BEGINNING).steady(0, TEN_MINUTES).runThrough(SEED)).isEmpty();
        }
    }

    @Nested
    class Burst {

        @Test
        void fires_once_at_the_first_second_that_lifts_the_window_over_the_threshold() {
            ChatSeconds chat = ChatSeconds.from(BEGINNING).steady(4, TWO_MINUTES);
            Instant burstStart = chat.now();
            chat.second(10, 40, 25, 12).steady(4, TWO_MINUTES);

            List<Detection> fired = chat.runThrough(SEED);

            // Window 4+4+4+4+10 = 26 against a flat baseline of 20s.
            assertThat(fired).containsExactly(new Detection("seed",
                    ms(burstStart.minusSeconds(4)), ms(burstStart), ms(burstStart), 26, 20.0, 0.0, 6.0));
        }

        @Test
        void reports_mean_stddev_and_intensity_of_the_baseline_it_beat() {
            ChatSeconds chat = alternating3And5For(TWO_MINUTES);
            Instant spike = chat.now();
            chat.second(12).repeating(ONE_MINUTE, 5, 3);

            List<Detection> fired = chat.runThrough(new SeedSpikeDetector(MEAN_20_SD_1));

            // Window 3+5+3+5+12 = 28 against mean 20, stddev 1.
            assertThat(fired).hasSize(1);
            Detection d = fired.get(0);
            assertThat(d.endMs()).isEqualTo(ms(spike));
            assertThat(d.peakMs()).isEqualTo(ms(spike));
            assertThat(d.windowStartMs()).isEqualTo(ms(spike.minusSeconds(4)));
            assertThat(d.windowCount()).isEqualTo(28);
            assertThat(d.baselineMean()).isEqualTo(20.0);
            assertThat(d.baselineStddev()).isEqualTo(1.0);
            assertThat(d.intensity()).isEqualTo(8.0);
        }

        @Test
        void the_peak_is_the_busiest_second_of_the_window_not_the_one_that_fired() {
            // The burst lands while the detector is still warming up (baseline of 28 windows, 30 needed);
            // two seconds later the warm-up ends with the burst still inside the window.
            SeedDetectorParams params = SeedDetectorParams.defaults().withWarmupWindows(30);
            ChatSeconds chat = ChatSeconds.from(BEGINNING).steady(4, Duration.ofSeconds(32));
            Instant burst = chat.now();
            chat.second(50).steady(4, ONE_MINUTE);

            List<Detection> fired = chat.runThrough(new SeedSpikeDetector(params));

            assertThat(fired).hasSize(1);
            Detection d = fired.get(0);
            assertThat(d.peakMs()).isEqualTo(ms(burst));
            assertThat(d.endMs()).isEqualTo(ms(burst.plusSeconds(2)));
            assertThat(d.windowStartMs()).isEqualTo(ms(burst.minusSeconds(2)));
            assertThat(d.windowCount()).isEqualTo(66);
            // Baseline: 28 windows of 20 and the two burst windows of 66 already seen.
            assertThat(d.baselineMean()).isCloseTo(692.0 / 30, within(1e-9));
            assertThat(d.baselineStddev()).isCloseTo(Math.sqrt(19912.0 / 30 - Math.pow(692.0 / 30, 2)), within(1e-9));
        }

        @Test
        void moment_carries_the_detection_and_the_channel() {
            Detection d = new Detection("seed", 1_000, 3_000, 5_000, 40, 20.0, 2.0, 10.0);
            var moment = d.toMoment("123", "somechannel");
            assertThat(moment.channelId()).isEqualTo("123");
            assertThat(moment.channelLogin()).isEqualTo("somechannel");
            assertThat(moment.startMs()).isEqualTo(1_000);
            assertThat(moment.peakMs()).isEqualTo(3_000);
            assertThat(moment.endMs()).isEqualTo(5_000);
            assertThat(moment.messageCount()).isEqualTo(40);
            assertThat(moment.intensity()).isEqualTo(10.0);
            assertThat(moment.profile()).isEqualTo("seed");
            assertThat(moment.id()).isEqualTo("123:3");
        }
    }

    @Nested
    class Cooldown {

        @Test
        void suppresses_a_second_burst_within_30_seconds_and_allows_one_after() {
            ChatSeconds chat = ChatSeconds.from(BEGINNING).steady(4, TWO_MINUTES);
            Instant first = chat.now();
            chat.second(100).steady(4, Duration.ofSeconds(19));
            Instant twentySecondsLater = chat.now();
            chat.second(100).steady(4, Duration.ofSeconds(10));
            Instant thirtyOneSecondsLater = chat.now();
            chat.second(100).steady(4, ONE_MINUTE);

            List<Detection> fired = chat.runThrough(SEED);

            assertThat(twentySecondsLater).isEqualTo(first.plusSeconds(20));
            assertThat(thirtyOneSecondsLater).isEqualTo(first.plusSeconds(31));
            assertThat(fired).extracting(Detection::endMs).containsExactly(ms(first), ms(thirtyOneSecondsLater));
        }

        @Test
        void ends_exactly_cooldown_after_the_detection() {
            // A burst at +29 s is suppressed, but its window is still elevated at +30 s, which fires.
            ChatSeconds chat = ChatSeconds.from(BEGINNING).steady(4, TWO_MINUTES);
            Instant first = chat.now();
            chat.second(100).steady(4, Duration.ofSeconds(28)).second(100).steady(4, ONE_MINUTE);

            List<Detection> fired = chat.runThrough(SEED);

            assertThat(fired).extracting(Detection::endMs)
                    .containsExactly(ms(first), ms(first.plusSeconds(30)));
            assertThat(fired.get(1).peakMs()).isEqualTo(ms(first.plusSeconds(29)));
        }

        @Test
        void is_configurable() {
            SeedDetectorParams params = SeedDetectorParams.defaults().withCooldown(Duration.ofSeconds(5));
            ChatSeconds chat = ChatSeconds.from(BEGINNING).steady(4, TWO_MINUTES);
            Instant first = chat.now();
            chat.second(100).steady(4, Duration.ofSeconds(9)).second(100).steady(4, ONE_MINUTE);

            assertThat(chat.runThrough(new SeedSpikeDetector(params))).extracting(Detection::endMs)
                    .containsExactly(ms(first), ms(first.plusSeconds(10)));
        }
    }

    @Nested
    class Guards {

        @Test
        void nothing_fires_during_the_warm_up() {
            // Windows exist from the 5th second; 30 baseline windows are needed before the 35th second.
            ChatSeconds chat = ChatSeconds.from(BEGINNING).steady(4, Duration.ofSeconds(20));
            chat.second(100).steady(4, TWO_MINUTES);
            Instant afterWarmUp = chat.now();
            chat.second(100).steady(4, ONE_MINUTE);

            assertThat(chat.runThrough(SEED)).extracting(Detection::endMs).containsExactly(ms(afterWarmUp));
        }

        @Test
        void warm_up_length_is_configurable() {
            ChatSeconds chat = ChatSeconds.from(BEGINNING).steady(4, Duration.ofSeconds(20));
            Instant early = chat.now();
            chat.second(100).steady(4, ONE_MINUTE);

            var shortWarmUp = new SeedSpikeDetector(SeedDetectorParams.defaults().withWarmupWindows(10));
            assertThat(chat.runThrough(shortWarmUp)).extracting(Detection::endMs).containsExactly(ms(early));
        }

        @Test
        void near_silent_chat_needs_the_minimum_window_count() {
            ChatSeconds chat = ChatSeconds.from(BEGINNING).steady(0, TWO_MINUTES);
            chat.second(4).steady(0, ONE_MINUTE); // 4 messages in a window: below the floor of 5
            Instant five = chat.now();
            chat.second(5).steady(0, ONE_MINUTE);

            List<Detection> fired = chat.runThrough(SEED);

            assertThat(fired).extracting(Detection::endMs).containsExactly(ms(five));
            assertThat(fired.get(0).windowCount()).isEqualTo(5);
            // A flat baseline has stddev 0; intensity divides by one message instead.
            assertThat(fired.get(0).intensity()).isCloseTo(5.0 - fired.get(0).baselineMean(), within(1e-9));
        }

        @Test
        void the_minimum_window_count_is_configurable() {
            ChatSeconds chat = ChatSeconds.from(BEGINNING).steady(0, TWO_MINUTES).second(4).steady(0, ONE_MINUTE);
            var lowFloor = new SeedSpikeDetector(SeedDetectorParams.defaults().withMinWindowCount(3));
            assertThat(chat.runThrough(lowFloor)).hasSize(1);
        }
    }

    @Nested
    class Threshold {

        /**
         * Baseline mean 20, stddev 1, then a 7 where a 5 was due: windows of 23 and 21 in turn while it
         * passes, so nothing but the first can fire (the rest are in the cooldown or under k = 3).
         */
        private ChatSeconds windowOf23() {
            return alternating3And5For(Duration.ofSeconds(121)).second(7).repeating(ONE_MINUTE, 3, 5);
        }

        @Test
        void k_is_the_number_of_standard_deviations_to_beat() {
            assertThat(windowOf23().runThrough(new SeedSpikeDetector(MEAN_20_SD_1.withK(1.0)))).hasSize(1);
            assertThat(windowOf23().runThrough(new SeedSpikeDetector(MEAN_20_SD_1.withK(2.5)))).hasSize(1);
            assertThat(windowOf23().runThrough(new SeedSpikeDetector(MEAN_20_SD_1.withK(3.0)))).isEmpty();
        }

        @Test
        void window_length_is_configurable() {
            // With 1 s windows the steady 4s are the baseline and a single 6 beats it.
            SeedDetectorParams oneSecond = SeedDetectorParams.defaults().withWindowSeconds(1).withMinWindowCount(1);
            ChatSeconds chat = ChatSeconds.from(BEGINNING).steady(4, TWO_MINUTES);
            Instant six = chat.now();
            chat.second(6).steady(4, ONE_MINUTE);

            List<Detection> fired = chat.runThrough(new SeedSpikeDetector(oneSecond));

            assertThat(fired).containsExactly(new Detection("seed", ms(six), ms(six), ms(six), 6, 4.0, 0.0, 2.0));
        }
    }

    @Nested
    class Gaps {

        @Test
        void skipped_seconds_count_as_silence() {
            ChatSeconds fedZeros = ChatSeconds.from(BEGINNING).steady(4, TWO_MINUTES)
                    .steady(0, Duration.ofSeconds(100)).steady(4, TWO_MINUTES).second(60).steady(4, ONE_MINUTE);
            ChatSeconds skipped = ChatSeconds.from(BEGINNING).steady(4, TWO_MINUTES)
                    .skip(Duration.ofSeconds(100)).steady(4, TWO_MINUTES).second(60).steady(4, ONE_MINUTE);

            List<Detection> expected = fedZeros.runThrough(SEED);

            assertThat(expected).isNotEmpty();
            assertThat(skipped.runThrough(SEED)).isEqualTo(expected);
        }

        @Test
        void an_hours_long_gap_behaves_like_hours_of_silence() {
            ChatSeconds fedZeros = ChatSeconds.from(BEGINNING).steady(4, TWO_MINUTES)
                    .steady(0, Duration.ofHours(2)).steady(4, TEN_MINUTES).second(80).steady(4, ONE_MINUTE);
            ChatSeconds skipped = ChatSeconds.from(BEGINNING).steady(4, TWO_MINUTES)
                    .skip(Duration.ofHours(2)).steady(4, TEN_MINUTES).second(80).steady(4, ONE_MINUTE);

            List<Detection> expected = fedZeros.runThrough(SEED);

            assertThat(expected).extracting(Detection::windowCount).contains(96);
            assertThat(skipped.runThrough(SEED)).isEqualTo(expected);
        }

        @Test
        void quiet_seconds_inside_a_burst_are_counted_as_zero() {
            ChatSeconds chat = ChatSeconds.from(BEGINNING).steady(2, TWO_MINUTES);
            Instant burst = chat.now();
            chat.second(0, 9, 0, 9).steady(2, ONE_MINUTE);

            List<Detection> fired = chat.runThrough(SEED);

            // Windows: 2,2,2,2,0 = 8 then 2,2,2,0,9 = 15 > about 10, which fires with the 9 as the peak.
            assertThat(fired).hasSize(1);
            Detection d = fired.get(0);
            assertThat(d.endMs()).isEqualTo(ms(burst.plusSeconds(1)));
            assertThat(d.peakMs()).isEqualTo(ms(burst.plusSeconds(1)));
            assertThat(d.windowStartMs()).isEqualTo(ms(burst.minusSeconds(3)));
            assertThat(d.windowCount()).isEqualTo(15);
            assertThat(d.baselineMean()).isCloseTo((116 * 10 + 8) / 117.0, within(1e-9));
        }
    }

    @Nested
    class Contract {

        @Test
        void same_chat_in_gives_the_same_detections_out() {
            Random random = new Random(42);
            ChatSeconds chat = ChatSeconds.from(BEGINNING);
            for (int i = 0; i < 3600; i++) {
                chat.second(random.nextInt(10) + (random.nextInt(200) == 0 ? 60 : 0));
            }
            List<Detection> first = chat.runThrough(SEED);
            assertThat(first).isNotEmpty();
            assertThat(chat.runThrough(new SeedSpikeDetector(SeedDetectorParams.defaults()))).isEqualTo(first);
        }

        @Test
        void rejects_seconds_out_of_order_or_misaligned_and_negative_counts() {
            SeedDetectorState state = SEED.newState();
            SEED.onSecond(state, ms(BEGINNING), 1);

            assertThatThrownBy(() -> SEED.onSecond(state, ms(BEGINNING), 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after");
            assertThatThrownBy(() -> SEED.onSecond(state, ms(BEGINNING) + 1500, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the start of a second");
            assertThatThrownBy(() -> SEED.onSecond(state, ms(BEGINNING) + 1000, -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        }

        @Test
        void a_blank_state_from_flink_is_usable() {
            // Flink creates states through the no-arg constructor when restoring; arrays come from the detector.
            assertThat(ChatSeconds.from(BEGINNING).steady(4, TWO_MINUTES).second(100)
                    .runThrough(SEED, new SeedDetectorState())).hasSize(1);
        }

        @Test
        void state_written_under_other_window_sizes_restarts_the_windows_but_keeps_the_cooldown() {
            SeedDetectorState state = SEED.newState();
            ChatSeconds chat = ChatSeconds.from(BEGINNING).steady(4, TWO_MINUTES);
            Instant burst = chat.now();
            chat.second(100);
            assertThat(chat.runThrough(SEED, state)).hasSize(1);

            var wider = new SeedSpikeDetector(SeedDetectorParams.defaults().withWindowSeconds(10).withWarmupWindows(5));
            // The 200 at +15 s falls in the cooldown, and its 10 s windows have passed before the cooldown ends.
            ChatSeconds later = ChatSeconds.from(burst.plusSeconds(1)).steady(4, Duration.ofSeconds(14)).second(200)
                    .steady(4, Duration.ofSeconds(26));
            Instant afterCooldown = later.now();
            later.second(200).steady(4, ONE_MINUTE);

            List<Detection> fired = later.runThrough(wider, state);

            assertThat(state.recent).hasSize(10);
            assertThat(fired).extracting(Detection::endMs).containsExactly(ms(afterCooldown));
        }

        @Test
        void parameters_are_validated() {
            var defaults = SeedDetectorParams.defaults();
            assertThatThrownBy(() -> defaults.withWindowSeconds(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> defaults.withK(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> defaults.withK(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> defaults.withWarmupWindows(301)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> defaults.withMinWindowCount(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> defaults.withCooldown(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
            assertThat(defaults).isEqualTo(new SeedDetectorParams(5, 1.0, 300, 30, 5, Duration.ofSeconds(30)));
        }
    }
}
