package dev.streamscout.job.detect;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static dev.streamscout.job.ChatFixtures.CALM_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_LOGIN;
import static dev.streamscout.job.ChatFixtures.ONE_MINUTE;
import static dev.streamscout.job.ChatFixtures.TWO_MINUTES;
import static dev.streamscout.job.ChatFixtures.burst;
import static dev.streamscout.job.ChatFixtures.inTimeOrder;
import static dev.streamscout.job.ChatFixtures.msg;
import static dev.streamscout.job.ChatFixtures.steady;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.SeedDetectorParams;
import dev.streamscout.core.detect.SeedDetectorState;
import dev.streamscout.core.detect.SeedSpikeDetector;
import dev.streamscout.core.highlight.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpikeDetectorFunctionTest {

    private static final Instant TWO_MINUTES_IN = BEGINNING.plus(TWO_MINUTES);
    private static final Instant BURST = TWO_MINUTES_IN;

    private SpikeDetectorFunction<SeedDetectorState> function;
    private DetectorHarness harness;

    @BeforeEach
    void open() throws Exception {
        function = DetectorHarness.function(new SeedSpikeDetector(SeedDetectorParams.defaults()), false);
        harness = DetectorHarness.open(function);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void a_burst_produces_one_moment_at_its_peak_second() throws Exception {
        harness.live(inTimeOrder(
                steady(HYPE_ID, 4, BEGINNING, TWO_MINUTES.plus(ONE_MINUTE)),
                steady(CALM_ID, 2, BEGINNING, TWO_MINUTES.plus(ONE_MINUTE)),
                burst(HYPE_ID, 40, BURST, Duration.ofMillis(20))));

        assertThat(harness.moments()).singleElement().satisfies(m -> {
            assertThat(m.channelId()).isEqualTo(HYPE_ID);
            assertThat(m.channelLogin()).isEqualTo(HYPE_LOGIN);
            assertThat(m.peakMs()).isEqualTo(BURST.toEpochMilli());
            assertThat(m.startMs()).isEqualTo(BURST.minusSeconds(4).toEpochMilli());
            assertThat(m.messageCount()).isEqualTo(4 * 4 + 4 + 40);
            assertThat(m.baselineMean()).isEqualTo(20.0);
            assertThat(m.profile()).isEqualTo("seed");
            assertThat(m.id()).isEqualTo(HYPE_ID + ":" + BURST.getEpochSecond());
        });
    }

    @Test
    void the_moment_is_decided_as_soon_as_the_watermark_passes_the_burst_second() throws Exception {
        harness.live(inTimeOrder(steady(HYPE_ID, 4, BEGINNING, TWO_MINUTES),
                burst(HYPE_ID, 40, BURST, Duration.ofMillis(20))));
        assertThat(harness.moments()).isEmpty(); // the burst second is still open

        harness.watermarkAt(BURST.plusMillis(998).toEpochMilli());
        assertThat(harness.moments()).isEmpty();
        harness.watermarkAt(BURST.plusMillis(999).toEpochMilli());
        assertThat(harness.moments()).hasSize(1);
    }

    @Test
    void a_late_message_goes_to_the_side_output_and_is_counted_not_bucketed() throws Exception {
        harness.live(steady(HYPE_ID, 4, BEGINNING, TWO_MINUTES));
        ChatMessage late = msg(HYPE_ID, "slowpoke", "what did I miss", BEGINNING.plusSeconds(30));
        ChatMessage inTime = msg(HYPE_ID, "ontime", "hi", Instant.ofEpochMilli(harness.lastWatermarkMs() + 1));

        harness.processElement1(late, late.timestamp());
        harness.processElement1(inTime, inTime.timestamp());

        assertThat(harness.getSideOutput(SpikeDetectorFunction.LATE_MESSAGES))
                .extracting(StreamRecord::getValue).containsExactly(late);
        assertThat(function.lateMessageCount()).isEqualTo(1);
    }

    @Test
    void a_message_behind_the_watermark_still_counts_while_its_second_is_open() throws Exception {
        harness.live(steady(HYPE_ID, 4, BEGINNING, TWO_MINUTES));
        // Seconds close only up to the watermark; the current second is open even if the message is old.
        long openSecond = (harness.lastWatermarkMs() + 1) / 1000 * 1000;
        ChatMessage behind = msg(HYPE_ID, "slow", "hey", Instant.ofEpochMilli(openSecond));
        harness.processElement1(behind, behind.timestamp());

        assertThat(harness.getSideOutput(SpikeDetectorFunction.LATE_MESSAGES)).isNullOrEmpty();
        assertThat(function.lateMessageCount()).isZero();
    }

    @Test
    void a_quiet_channel_closes_its_seconds_on_the_wall_clock_when_nothing_moves_the_watermark() throws Exception {
        // The burst is the last thing anyone says: no later message moves the watermark past it.
        harness.live(inTimeOrder(steady(HYPE_ID, 4, BEGINNING, TWO_MINUTES),
                burst(HYPE_ID, 40, BURST, Duration.ofMillis(20))));
        assertThat(harness.moments()).isEmpty();

        long lastArrival = harness.getProcessingTime();
        harness.setProcessingTime(lastArrival + DetectorHarness.IDLE_TIMEOUT.toMillis() - 1);
        assertThat(harness.moments()).isEmpty();
        harness.setProcessingTime(lastArrival + DetectorHarness.IDLE_TIMEOUT.toMillis() + 1000);

        assertThat(harness.moments()).singleElement().extracting(Moment::peakMs).isEqualTo(BURST.toEpochMilli());
    }

    @Test
    void a_channel_that_falls_silent_keeps_closing_seconds_and_is_forgotten_after_the_retention() throws Exception {
        // Hype chats for two minutes then stops; calm keeps chatting and moves the watermark on.
        harness.live(inTimeOrder(steady(HYPE_ID, 4, BEGINNING, TWO_MINUTES),
                steady(CALM_ID, 2, BEGINNING, TWO_MINUTES)));
        harness.live(steady(CALM_ID, 2, TWO_MINUTES_IN, Duration.ofMinutes(5)));
        int bothChannels = harness.numKeyedStateEntries();
        assertThat(harness.numEventTimeTimers()).isEqualTo(2); // exactly one per channel

        harness.live(steady(CALM_ID, 2, TWO_MINUTES_IN.plus(Duration.ofMinutes(5)), Duration.ofMinutes(6)));

        // Hype has been silent for more than 10 minutes of event time: its state and timers are gone.
        assertThat(harness.numKeyedStateEntries()).isLessThan(bothChannels);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        assertThat(harness.moments()).isEmpty();

        harness.watermarkAt(Long.MAX_VALUE); // end of input: calm is closed out and forgotten too
        harness.setProcessingTime(Long.MAX_VALUE - 1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void a_channel_that_returns_after_the_retention_warms_up_again() throws Exception {
        harness.live(inTimeOrder(steady(HYPE_ID, 4, BEGINNING, TWO_MINUTES),
                steady(CALM_ID, 2, BEGINNING, Duration.ofMinutes(14))));
        Instant back = BEGINNING.plus(Duration.ofMinutes(14));
        // Ten seconds after returning, a burst: the warm-up (30 baseline windows) is not over yet.
        harness.live(inTimeOrder(steady(HYPE_ID, 4, back, Duration.ofSeconds(10)),
                burst(HYPE_ID, 40, back.plusSeconds(10), Duration.ofMillis(20)),
                steady(HYPE_ID, 4, back.plusSeconds(11), ONE_MINUTE),
                steady(CALM_ID, 2, back, ONE_MINUTE)));

        assertThat(harness.moments()).isEmpty();
    }
}
