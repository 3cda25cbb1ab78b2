package dev.streamscout.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.highlight.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DefaultSpikeDetectorTest {

    private static final Instant BEGINNING = Instant.parse("2024-05-01T20:00:00Z");
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final DefaultSpikeDetector DEFAULT = new DefaultSpikeDetector(DefaultDetectorParams.defaults());

    private static long ms(Instant instant) {
        return instant.toEpochMilli();
    }

    @Nested
    class Bursts {

        @Test
        void a_crowd_shouting_after_calm_chat_is_one_moment_held_to_its_peak() {
            ChatScript chat = ChatScript.from(BEGINNING).steady(2, TEN_MINUTES);
            Instant burst = chat.now();
            chat.burst(15, "LUL LUL LUL", TEN_SECONDS).steady(2, TEN_MINUTES);

            List<Moment> moments = chat.runThrough(DEFAULT);

            assertThat(moments).singleElement().satisfies(m -> {
                // The 30 s window keeps growing through the ten loud seconds: the peak is the last of them.
                assertThat(m.peakMs()).isEqualTo(ms(burst.plusSeconds(9)));
                assertThat(m.startMs()).isLessThanOrEqualTo(ms(burst));
                // confirmed once the hold has passed without a new high
                assertThat(m.endMs()).isEqualTo(m.peakMs() + DefaultDetectorParams.defaults().holdSeconds() * 1000L);
                assertThat(m.profile()).isEqualTo("default");
                // its baseline is a smoothed rate: it has no spread to report (not a spread of 0)
                assertThat(m.baselineStddev()).isNull();
                assertThat(m.type()).isEqualTo(Moment.TYPE_CHAT_SPIKE);
                assertThat(m.intensity()).isGreaterThan(DefaultDetectorParams.defaults().threshold());
                assertThat(m.uniqueChatters()).isGreaterThanOrEqualTo(100);
                assertThat(m.topTokens()).startsWith("lul");
                assertThat(m.sampleMessages()).hasSize(5).allMatch(s -> s.endsWith("LUL LUL LUL"));
                assertThat(m.rate()).isGreaterThan(4.0);
                assertThat(m.id()).isEqualTo(ChatScript.CHANNEL + ":" + burst.plusSeconds(9).getEpochSecond());
            });
        }

        @Test
        void steady_chat_never_fires_however_busy() {
            assertThat(ChatScript.from(BEGINNING).steady(30, Duration.ofMinutes(30)).runThrough(DEFAULT)).isEmpty();
        }

        @Test
        void a_bigger_crowd_ranks_higher() {
            ChatScript chat = ChatScript.from(BEGINNING).steady(2, TEN_MINUTES);
            chat.burst(8, "wow", TEN_SECONDS).steady(2, TEN_MINUTES);
            chat.burst(20, "WOW", TEN_SECONDS).steady(2, TEN_MINUTES);

            List<Moment> moments = chat.runThrough(DEFAULT);

            assertThat(moments).hasSize(2);
            assertThat(moments.get(1).intensity()).isGreaterThan(moments.get(0).intensity());
        }

        @Test
        void a_raid_just_before_a_burst_is_its_cause() {
            ChatScript chat = ChatScript.from(BEGINNING).steady(2, TEN_MINUTES);
            chat.cause(CauseTags.RAID).steady(2, TEN_SECONDS).burst(15, "raid hype", TEN_SECONDS).steady(2, TEN_MINUTES);

            assertThat(chat.runThrough(DEFAULT)).singleElement()
                    .satisfies(m -> assertThat(m.causeTags()).containsExactly(CauseTags.RAID));
        }
    }

    @Nested
    class SharpBursts {

        private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
        private static final Duration TWO_HOURS = Duration.ofHours(2);
        private final DefaultSpikeDetector withoutShortTrigger = new DefaultSpikeDetector(
                DefaultDetectorParams.defaults().withBurst(0, DefaultDetectorParams.defaults().burstDeviations()));

        @Test
        void five_seconds_at_six_times_the_rate_fire_though_the_30_s_window_hardly_moves() {
            ChatScript chat = ChatScript.from(BEGINNING).poisson(4, TEN_MINUTES, new java.util.Random(1));
            Instant burst = chat.now();
            chat.burst(24, "nice one", FIVE_SECONDS).poisson(4, TEN_MINUTES, new java.util.Random(2));
            Instant burstEnd = burst.plus(FIVE_SECONDS);

            assertThat(chat.runThrough(withoutShortTrigger)).isEmpty();
            assertThat(chat.runThrough(DEFAULT)).singleElement().satisfies(m -> {
                assertThat(m.peakMs()).isBetween(ms(burst), ms(burstEnd.plusSeconds(10)));
                assertThat(m.startMs()).isLessThanOrEqualTo(ms(burst));
                // It ranks by the 30 s formula: below the threshold, under every moment that crossed it.
                assertThat(m.intensity()).isLessThan(DefaultDetectorParams.defaults().threshold());
            });
        }

        @Test
        void a_state_restored_from_before_the_short_trigger_does_not_fire_on_the_first_wave() {
            DefaultDetectorState state = DEFAULT.newState();
            java.util.Random random = new java.util.Random(5);
            long at = ms(BEGINNING);
            for (int s = 0; s < 1_200; s++, at += 1_000) { // twenty minutes of about 5 messages a second
                assertThat(DEFAULT.onSecond(state, ChatSecond.ofCount(at, poisson(5, random)))).isEmpty();
            }
            // What Flink restores for fields a savepoint did not have: the constructor's values.
            DefaultDetectorState fresh = new DefaultDetectorState();
            state.rateBaseline = fresh.rateBaseline;
            state.rateVariance = fresh.rateVariance;

            List<Detection> fired = new java.util.ArrayList<>();
            for (int s = 0; s < 120; s++, at += 1_000) {
                int messages = s >= 60 && s < 65 ? 20 : poisson(5, random); // a minute on, 5 s at 4x
                DEFAULT.onSecond(state, ChatSecond.ofCount(at, messages)).ifPresent(fired::add);
            }

            assertThat(fired).isEmpty();
        }

        private static int poisson(double mean, java.util.Random random) {
            int count = 0;
            for (double p = Math.exp(-mean), acc = random.nextDouble(); acc > p; acc *= random.nextDouble()) {
                count++;
            }
            return count;
        }

        @Test
        void ordinary_poisson_chat_never_fires_at_any_rate() {
            for (double rate : new double[] {0.7, 2, 5, 20}) {
                ChatScript chat = ChatScript.from(BEGINNING).poisson(rate, TWO_HOURS, new java.util.Random((long) (rate * 10)));
                assertThat(chat.runThrough(DEFAULT)).as("Poisson chat at %s messages per second", rate).isEmpty();
            }
        }

        @Test
        void chat_that_comes_in_waves_needs_a_bigger_wave() {
            // Every minute a 5 s wave at four times the rate: the short rate's variance learns it.
            ChatScript chat = ChatScript.from(BEGINNING);
            java.util.Random random = new java.util.Random(3);
            for (int minute = 0; minute < 40; minute++) {
                chat.poisson(3, Duration.ofSeconds(55), random).burst(12, "haha", FIVE_SECONDS);
            }
            Instant bigWave = chat.now();
            chat.burst(36, "HAHAHA", FIVE_SECONDS).poisson(3, TEN_MINUTES, random);

            assertThat(chat.runThrough(DEFAULT)).singleElement()
                    .satisfies(m -> assertThat(m.peakMs()).isBetween(ms(bigWave), ms(bigWave.plusSeconds(15))));
        }
    }

    @Nested
    class Guards {

        @Test
        void nothing_fires_during_the_warm_up() {
            ChatScript chat = ChatScript.from(BEGINNING).steady(2, ONE_MINUTE);
            chat.burst(15, "early", TEN_SECONDS).steady(2, Duration.ofMinutes(4));
            Instant afterWarmUp = chat.now();
            chat.burst(15, "later", TEN_SECONDS).steady(2, TEN_MINUTES);

            List<Moment> moments = chat.runThrough(DEFAULT);

            assertThat(moments).singleElement()
                    .satisfies(m -> assertThat(m.peakMs()).isGreaterThanOrEqualTo(ms(afterWarmUp)));
        }

        @Test
        void a_near_silent_channel_does_not_fire_below_the_minimum_rate() {
            // One message every five seconds, then 8 loud ones in 4 s: a big ratio but under 15 messages in 30 s.
            ChatScript chat = ChatScript.from(BEGINNING);
            for (int i = 0; i < 200; i++) {
                chat.steady(1, Duration.ofSeconds(1)).steady(0, Duration.ofSeconds(4));
            }
            chat.burst(2, "LOLOL", Duration.ofSeconds(4)).steady(0, TEN_MINUTES);

            assertThat(chat.runThrough(DEFAULT)).isEmpty();
            DefaultSpikeDetector lowFloor = new DefaultSpikeDetector(
                    DefaultDetectorParams.defaults().withMinMessagesPerSecond(0.1));
            assertThat(chat.runThrough(lowFloor)).hasSize(1);
        }

        @Test
        void a_second_burst_inside_the_cooldown_is_not_reported_one_after_it_is() {
            ChatScript chat = ChatScript.from(BEGINNING).steady(2, TEN_MINUTES);
            // The second burst has left the 30 s window before the cooldown ends (else its tail would fire then).
            chat.burst(15, "first", TEN_SECONDS).steady(2, TEN_SECONDS);
            chat.burst(25, "inside cooldown", TEN_SECONDS).steady(2, Duration.ofMinutes(3));
            Instant afterCooldown = chat.now();
            chat.burst(25, "after cooldown", TEN_SECONDS).steady(2, TEN_MINUTES);

            List<Moment> moments = chat.runThrough(DEFAULT);

            assertThat(moments).hasSize(2);
            assertThat(moments.get(1).peakMs()).isGreaterThanOrEqualTo(ms(afterCooldown));
            assertThat(moments.get(1).sampleMessages()).allMatch(s -> s.endsWith("after cooldown"));
        }
    }

    @Nested
    class Contract {

        @Test
        void same_chat_in_gives_the_same_moments_out() {
            ChatScript chat = ChatScript.from(BEGINNING).steady(3, TEN_MINUTES).burst(12, "PogChamp", TEN_SECONDS)
                    .steady(3, TEN_MINUTES).burst(30, "OMEGALUL", TEN_SECONDS).steady(3, TEN_MINUTES);
            List<Moment> first = chat.runThrough(DEFAULT);
            assertThat(first).hasSize(2);
            assertThat(chat.runThrough(new DefaultSpikeDetector(DefaultDetectorParams.defaults()))).isEqualTo(first);
        }

        @Test
        void a_gap_is_fed_as_quiet_seconds() {
            DefaultDetectorState skipped = DEFAULT.newState();
            DefaultDetectorState fed = DEFAULT.newState();
            long t = ms(BEGINNING);
            for (int i = 0; i < 400; i++, t += 1000) {
                ChatSecond s = new ChatSecond(t, 3, 3, 0, 0, 20);
                DEFAULT.onSecond(skipped, s);
                DEFAULT.onSecond(fed, s);
            }
            Optional<Detection> duringGap = Optional.empty();
            for (int i = 0; i < 50; i++) {
                Optional<Detection> d = DEFAULT.onSecond(fed, ChatSecond.quiet(t + i * 1000L));
                duringGap = d.isPresent() ? d : duringGap;
            }
            ChatSecond after = new ChatSecond(t + 50_000, 3, 3, 0, 0, 3);
            Optional<Detection> a = DEFAULT.onSecond(skipped, after);
            Optional<Detection> b = DEFAULT.onSecond(fed, after);
            assertThat(a).isEqualTo(b.isPresent() ? b : duringGap);
            assertThat(skipped.baseline).isEqualTo(fed.baseline);
            assertThat(skipped.level).isEqualTo(fed.level);
            assertThat(skipped.secondsSeen).isEqualTo(fed.secondsSeen);
        }

        @Test
        void rejects_seconds_out_of_order_or_misaligned() {
            DefaultDetectorState state = DEFAULT.newState();
            DEFAULT.onSecond(state, ChatSecond.ofCount(ms(BEGINNING), 1));
            assertThatThrownBy(() -> DEFAULT.onSecond(state, ChatSecond.ofCount(ms(BEGINNING), 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after");
            assertThatThrownBy(() -> DEFAULT.onSecond(state, ChatSecond.ofCount(ms(BEGINNING) + 1500, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the start of a second");
        }

        @Test
        void a_blank_state_from_flink_is_usable() {
            DefaultDetectorState blank = new DefaultDetectorState();
            assertThat(DEFAULT.onSecond(blank, ChatSecond.ofCount(ms(BEGINNING), 3))).isEmpty();
            assertThat(blank.messages).hasSize(DefaultDetectorParams.defaults().windowSeconds());
        }

        @Test
        void parameters_are_validated() {
            DefaultDetectorParams d = DefaultDetectorParams.defaults();
            assertThatThrownBy(() -> d.withThreshold(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> d.withThreshold(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> d.withHoldSeconds(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> d.withMinMessagesPerSecond(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> d.withBurst(d.windowSeconds() + 1, 10)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> d.withBurst(5, -1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(d.windowSeconds()).isEqualTo(MomentExplainer.CHATTER_WINDOW_SECONDS);
        }
    }
}
