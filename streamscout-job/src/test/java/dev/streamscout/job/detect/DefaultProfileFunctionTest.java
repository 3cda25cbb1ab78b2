package dev.streamscout.job.detect;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static dev.streamscout.job.ChatFixtures.CALM_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_LOGIN;
import static dev.streamscout.job.ChatFixtures.burst;
import static dev.streamscout.job.ChatFixtures.inTimeOrder;
import static dev.streamscout.job.ChatFixtures.steady;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatEventType;
import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.CauseTags;
import dev.streamscout.core.detect.DefaultDetectorParams;
import dev.streamscout.core.detect.DefaultDetectorState;
import dev.streamscout.core.detect.DefaultSpikeDetector;
import dev.streamscout.core.highlight.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator running the {@code default} profile: explained moments, causes, and cleanup. */
class DefaultProfileFunctionTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    /** After the default warm-up (5 minutes) and enough calm chat to settle the baseline. */
    private static final Instant BURST = BEGINNING.plus(TEN_MINUTES);

    private SpikeDetectorFunction<DefaultDetectorState> function;
    private DetectorHarness harness;

    @BeforeEach
    void open() throws Exception {
        function = DetectorHarness.function(new DefaultSpikeDetector(DefaultDetectorParams.defaults()), false);
        harness = DetectorHarness.open(function);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** Ten minutes of calm chat on both channels, then 300 chatters in ten seconds on the hype channel. */
    private List<ChatMessage> calmThenCrowd(Duration after) {
        return inTimeOrder(
                steady(HYPE_ID, 2, BEGINNING, TEN_MINUTES.plus(after)),
                steady(CALM_ID, 2, BEGINNING, TEN_MINUTES.plus(after)),
                burst(HYPE_ID, 300, BURST, Duration.ofMillis(33)));
    }

    @Test
    void a_crowd_is_one_explained_moment_reported_after_its_peak() throws Exception {
        harness.live(calmThenCrowd(Duration.ofMinutes(1)));

        assertThat(harness.<Moment>extractOutputValues()).singleElement().satisfies(m -> {
            assertThat(m.channelId()).isEqualTo(HYPE_ID);
            assertThat(m.channelLogin()).isEqualTo(HYPE_LOGIN);
            assertThat(m.profile()).isEqualTo("default");
            assertThat(m.peakMs()).isBetween(BURST.toEpochMilli(), BURST.plusSeconds(10).toEpochMilli());
            assertThat(m.endMs()).isEqualTo(m.peakMs() + DefaultDetectorParams.defaults().holdSeconds() * 1000L);
            assertThat(m.uniqueChatters()).isGreaterThan(250);
            assertThat(m.topTokens()).first().isEqualTo("pogchamp");
            assertThat(m.sampleMessages()).hasSize(5);
            assertThat(m.causeTags()).isEmpty();
            assertThat(m.type()).isEqualTo(Moment.TYPE_CHAT_SPIKE);
        });
    }

    @Test
    void a_raid_noted_for_the_channel_tags_the_moment() throws Exception {
        harness.live(inTimeOrder(steady(HYPE_ID, 2, BEGINNING, TEN_MINUTES.minusSeconds(5)),
                steady(CALM_ID, 2, BEGINNING, TEN_MINUTES.minusSeconds(5))));
        ((AbstractStreamOperator<?>) harness.getOperator()).setCurrentKey(HYPE_ID);
        boolean noted = function.noteEvent(new ChatEvent(ChatEventType.RAID, "raid", "e1", HYPE_ID, HYPE_LOGIN, "9",
                "raider", "Raider", BURST.minusSeconds(3).toEpochMilli(), 250, "250 raiders", "", Map.of()));
        harness.live(inTimeOrder(steady(HYPE_ID, 2, BURST.minusSeconds(5), Duration.ofMinutes(2)),
                steady(CALM_ID, 2, BURST.minusSeconds(5), Duration.ofMinutes(2)),
                burst(HYPE_ID, 300, BURST, Duration.ofMillis(33))));

        assertThat(noted).isTrue();
        assertThat(harness.<Moment>extractOutputValues()).singleElement()
                .satisfies(m -> assertThat(m.causeTags()).containsExactly(CauseTags.RAID));
    }

    @Test
    void a_raid_on_the_events_input_tags_the_next_moment_and_a_single_sub_does_not() throws Exception {
        harness.live(inTimeOrder(steady(HYPE_ID, 2, BEGINNING, TEN_MINUTES.minusSeconds(5)),
                steady(CALM_ID, 2, BEGINNING, TEN_MINUTES.minusSeconds(5))));
        ChatEvent raid = new ChatEvent(ChatEventType.RAID, "raid", "e1", HYPE_ID, HYPE_LOGIN, "9", "raider", "Raider",
                BURST.minusSeconds(2).toEpochMilli(), 250, "250 raiders", "", Map.of());
        ChatEvent sub = new ChatEvent(ChatEventType.SUB, "sub", "e2", CALM_ID, "calm", "8", "fan", "Fan",
                BURST.minusSeconds(2).toEpochMilli(), 1, "subscribed", "", Map.of());
        assertThat(CauseEvent.of(sub)).isEmpty();
        harness.processElement2(CauseEvent.of(raid).orElseThrow(), raid.timestamp());
        harness.live(inTimeOrder(steady(HYPE_ID, 2, BURST.minusSeconds(5), Duration.ofMinutes(2)),
                steady(CALM_ID, 2, BURST.minusSeconds(5), Duration.ofMinutes(2)),
                burst(HYPE_ID, 300, BURST, Duration.ofMillis(33))));

        assertThat(harness.<Moment>extractOutputValues()).singleElement()
                .satisfies(m -> assertThat(m.causeTags()).containsExactly(CauseTags.RAID));
    }

    @Test
    void a_raid_read_before_any_chat_of_its_channel_still_tags_the_moment() throws Exception {
        // On a replay the events input may run ahead of the chat input.
        harness.processElement2(new CauseEvent(HYPE_ID, BURST.minusSeconds(2).toEpochMilli(), CauseTags.RAID),
                BURST.minusSeconds(2).toEpochMilli());
        harness.live(calmThenCrowd(Duration.ofMinutes(1)));

        assertThat(harness.<Moment>extractOutputValues()).singleElement()
                .satisfies(m -> assertThat(m.causeTags()).containsExactly(CauseTags.RAID));
    }

    @Test
    void a_raid_long_before_the_moment_does_not_tag_it() throws Exception {
        harness.live(inTimeOrder(steady(HYPE_ID, 2, BEGINNING, TEN_MINUTES.minusSeconds(5)),
                steady(CALM_ID, 2, BEGINNING, TEN_MINUTES.minusSeconds(5))));
        harness.processElement2(new CauseEvent(HYPE_ID, BURST.minus(Duration.ofMinutes(5)).toEpochMilli(),
                CauseTags.RAID), BURST.minus(Duration.ofMinutes(5)).toEpochMilli());
        harness.live(inTimeOrder(steady(HYPE_ID, 2, BURST.minusSeconds(5), Duration.ofMinutes(2)),
                steady(CALM_ID, 2, BURST.minusSeconds(5), Duration.ofMinutes(2)),
                burst(HYPE_ID, 300, BURST, Duration.ofMillis(33))));

        assertThat(harness.<Moment>extractOutputValues()).singleElement()
                .satisfies(m -> assertThat(m.causeTags()).isEmpty());
    }

    @Test
    void state_and_timers_are_cleaned_up_after_the_cooldown_and_the_retention() throws Exception {
        harness.live(calmThenCrowd(Duration.ZERO));
        Instant hypeSilentFrom = BURST.plusSeconds(10);
        // Calm keeps chatting (and the watermark moving) past the cooldown and the retention.
        harness.live(steady(CALM_ID, 2, hypeSilentFrom, Duration.ofMinutes(11)));

        assertThat(harness.<Moment>extractOutputValues()).hasSize(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // calm's only
        int calmOnly = harness.numKeyedStateEntries();

        harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
        harness.setProcessingTime(Long.MAX_VALUE - 1);

        assertThat(calmOnly).isGreaterThan(0);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }
}
