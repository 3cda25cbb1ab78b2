package dev.streamscout.job.detect;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static dev.streamscout.job.ChatFixtures.CALM_ID;
import static dev.streamscout.job.ChatFixtures.CALM_LOGIN;
import static dev.streamscout.job.ChatFixtures.HYPE_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_LOGIN;
import static dev.streamscout.job.ChatFixtures.ONE_MINUTE;
import static dev.streamscout.job.ChatFixtures.TWO_MINUTES;
import static dev.streamscout.job.ChatFixtures.burst;
import static dev.streamscout.job.ChatFixtures.inTimeOrder;
import static dev.streamscout.job.ChatFixtures.steady;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.detect.DefaultDetectorParams;
import dev.streamscout.core.detect.DefaultSpikeDetector;
import dev.streamscout.core.detect.SeedDetectorParams;
import dev.streamscout.core.detect.SeedSpikeDetector;
import dev.streamscout.core.detect.SpikeDetector;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.live.LiveUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The detector operator's {@code live-updates} side output: one chat rate per channel and second, moments. */
class LiveUpdatesFunctionTest {

    private static final Instant BURST = BEGINNING.plus(TWO_MINUTES);
    private static final Instant DEFAULT_BURST = BEGINNING.plus(Duration.ofMinutes(10));

    private DetectorHarness harness;

    private <S> void open(SpikeDetector<S> detector, boolean live) throws Exception {
        harness = DetectorHarness.open(DetectorHarness.function(detector, live));
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private List<LiveUpdate> updates() {
        var side = harness.getSideOutput(SpikeDetectorFunction.LIVE_UPDATES);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }

    private List<LiveUpdate> of(String type, String channelId) {
        return updates().stream().filter(u -> u.type().equals(type) && u.channelId().equals(channelId)).toList();
    }

    @Test
    void every_closed_second_of_every_channel_is_one_chat_rate_with_its_counts_and_band() throws Exception {
        open(new SeedSpikeDetector(SeedDetectorParams.defaults()), true);
        harness.live(inTimeOrder(
                steady(HYPE_ID, 4, BEGINNING, TWO_MINUTES.plus(ONE_MINUTE)),
                steady(CALM_ID, 2, BEGINNING, TWO_MINUTES.plus(ONE_MINUTE)),
                burst(HYPE_ID, 40, BURST, Duration.ofMillis(20))));

        List<LiveUpdate> hype = of(LiveUpdate.CHAT_RATE, HYPE_ID);
        List<LiveUpdate> calm = of(LiveUpdate.CHAT_RATE, CALM_ID);
        // Seconds close as the watermark passes them: all but the last few of the three minutes.
        assertThat(hype).hasSizeBetween(170, 180);
        assertThat(calm).hasSameSizeAs(hype);
        for (int i = 0; i < hype.size(); i++) {
            assertThat(hype.get(i).timeMs()).isEqualTo(BEGINNING.plusSeconds(i).toEpochMilli());
            assertThat(calm.get(i).timeMs()).isEqualTo(BEGINNING.plusSeconds(i).toEpochMilli());
        }
        assertThat(calm).allSatisfy(u -> {
            assertThat(u.messages()).isEqualTo(2);
            assertThat(u.uniqueChatters()).isEqualTo(2);
            assertThat(u.channelLogin()).isEqualTo(CALM_LOGIN);
        });
        LiveUpdate burstSecond = hype.get((int) Duration.between(BEGINNING, BURST).toSeconds());
        assertThat(burstSecond.messages()).isEqualTo(44);
        assertThat(burstSecond.uniqueChatters()).isEqualTo(44);
        assertThat(burstSecond.channelLogin()).isEqualTo(HYPE_LOGIN);
        // The seed's band, in messages per second: steady 4 a second is its baseline, the burst is far above.
        assertThat(burstSecond.baseline()).isEqualTo(4.0);
        assertThat(burstSecond.bandHigh()).isGreaterThanOrEqualTo(burstSecond.baseline()).isLessThan(44.0);
        assertThat(hype.get(0).baseline()).isNull(); // nothing to compare the first second with
    }

    @Test
    void a_detector_that_fires_at_once_announces_the_start_just_before_the_peak() throws Exception {
        open(new SeedSpikeDetector(SeedDetectorParams.defaults()), true);
        harness.live(inTimeOrder(
                steady(HYPE_ID, 4, BEGINNING, TWO_MINUTES.plus(ONE_MINUTE)),
                burst(HYPE_ID, 40, BURST, Duration.ofMillis(20))));

        Moment moment = harness.<Moment>extractOutputValues().get(0);
        List<LiveUpdate> events = updates().stream().filter(u -> !u.type().equals(LiveUpdate.CHAT_RATE)).toList();
        assertThat(events).extracting(LiveUpdate::type)
                .containsExactly(LiveUpdate.MOMENT_STARTED, LiveUpdate.MOMENT_PEAK);
        assertThat(events.get(0).momentId()).isEqualTo(moment.id());
        assertThat(events.get(0).timeMs()).isEqualTo(moment.startMs());
        assertThat(events.get(1).moment()).isEqualTo(moment);
    }

    @Test
    void a_held_burst_is_announced_when_it_starts_and_again_at_its_peak() throws Exception {
        open(new DefaultSpikeDetector(DefaultDetectorParams.defaults()), true);
        harness.live(inTimeOrder(
                steady(HYPE_ID, 2, DEFAULT_BURST.minus(Duration.ofMinutes(10)), Duration.ofMinutes(11)),
                burst(HYPE_ID, 300, DEFAULT_BURST, Duration.ofMillis(33))));

        Moment moment = harness.<Moment>extractOutputValues().get(0);
        List<LiveUpdate> started = of(LiveUpdate.MOMENT_STARTED, HYPE_ID);
        List<LiveUpdate> peaks = of(LiveUpdate.MOMENT_PEAK, HYPE_ID);
        assertThat(started).singleElement().satisfies(s -> {
            assertThat(s.momentId()).isNull(); // the peak is not known yet
            assertThat(s.timeMs()).isBetween(DEFAULT_BURST.toEpochMilli(), moment.peakMs());
            assertThat(s.rate()).isPositive();
        });
        assertThat(peaks).singleElement().satisfies(p -> assertThat(p.momentId()).isEqualTo(moment.id()));
        List<LiveUpdate> all = updates();
        assertThat(all.indexOf(started.get(0))).isLessThan(all.indexOf(peaks.get(0)));
        // The chat rate of the burst's first second is above the band's top.
        LiveUpdate first = of(LiveUpdate.CHAT_RATE, HYPE_ID).stream()
                .filter(u -> u.timeMs() == started.get(0).timeMs()).findFirst().orElseThrow();
        assertThat(first.bandHigh()).isNotNull();
        assertThat(first.bandLow()).isLessThan(first.baseline());
        assertThat(first.bandHigh()).isGreaterThan(first.baseline());
    }

    @Test
    void off_unless_asked_for() throws Exception {
        open(new SeedSpikeDetector(SeedDetectorParams.defaults()), false);
        harness.live(inTimeOrder(
                steady(HYPE_ID, 4, BEGINNING, TWO_MINUTES.plus(ONE_MINUTE)),
                burst(HYPE_ID, 40, BURST, Duration.ofMillis(20))));
        assertThat(harness.<Moment>extractOutputValues()).hasSize(1);
        assertThat(updates()).isEmpty();
    }
}
