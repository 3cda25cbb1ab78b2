package dev.streamscout.job.analytics;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static dev.streamscout.job.ChatFixtures.HYPE_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.store.StoredMoment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-channel join of moments with stream lifecycle, driven through the operator harness. */
class ChannelMomentsFunctionTest {

    private static final Instant STREAM_START = BEGINNING.minus(Duration.ofHours(1));
    private static final Instant FIRST_POLL = BEGINNING;
    private static final Instant NEXT_POLL = BEGINNING.plus(Duration.ofMinutes(1));
    private static final Instant THIRD_POLL = BEGINNING.plus(Duration.ofMinutes(2));
    private static final Instant PEAK = BEGINNING.plus(Duration.ofMinutes(3));

    private KeyedTwoInputStreamOperatorTestHarness<String, Moment, StreamLifecycleEvent, StoredMoment> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ChannelMomentsHarness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static StreamLifecycleEvent poll(StreamLifecycleEvent.Type type, int viewers, Instant at) {
        return new StreamLifecycleEvent(type, HYPE_ID, HYPE_LOGIN, viewers,
                type == StreamLifecycleEvent.Type.OFFLINE ? null : STREAM_START, at);
    }

    private static Moment spike(Instant peak) {
        return new Moment(HYPE_ID, HYPE_LOGIN, peak.minusSeconds(5).toEpochMilli(), peak.toEpochMilli(),
                peak.plusSeconds(2).toEpochMilli(), 120, 3.0, 1.0, 9.5, "default", 24.0, 80, List.of("no", "way"),
                List.of("KEKW"), List.of("NO WAY"), List.of("raid"), Moment.TYPE_CHAT_SPIKE);
    }

    private List<StoredMoment> output() {
        return harness.extractOutputValues();
    }

    @Test
    void a_moment_after_the_stream_start_is_known_carries_its_vod_offset_and_explanation() throws Exception {
        harness.processElement2(new StreamRecord<>(poll(StreamLifecycleEvent.Type.ONLINE, 1000, FIRST_POLL)));
        harness.processElement1(new StreamRecord<>(spike(PEAK)));

        assertThat(harness.numProcessingTimeTimers()).as("no wait when the start is known").isZero();
        assertThat(output()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(Moment.momentId(HYPE_ID, PEAK.toEpochMilli()));
            assertThat(m.type()).isEqualTo(StoredMoment.CHAT_SPIKE);
            assertThat(m.streamStartedMs()).isEqualTo(STREAM_START.toEpochMilli());
            assertThat(m.vodOffsetSeconds()).isEqualTo(Duration.between(STREAM_START, PEAK).toSeconds());
            assertThat(m.rate()).isEqualTo(24.0);
            assertThat(m.uniqueChatters()).isEqualTo(80);
            assertThat(m.topEmotes()).containsExactly("KEKW");
            assertThat(m.causeTags()).containsExactly("raid");
        });
    }

    @Test
    void a_moment_waits_for_the_stream_start_and_gets_it_when_the_lifecycle_event_comes_late() throws Exception {
        harness.setProcessingTime(0);
        harness.processElement1(new StreamRecord<>(spike(PEAK)));
        assertThat(output()).isEmpty();

        harness.processElement2(new StreamRecord<>(poll(StreamLifecycleEvent.Type.ONLINE, 1000, FIRST_POLL)));

        assertThat(output()).singleElement().satisfies(m -> assertThat(m.vodOffsetSeconds()).isNotNull());
    }

    @Test
    void without_a_stream_start_within_the_wait_the_moment_is_stored_without_vod_offset() throws Exception {
        harness.setProcessingTime(0);
        harness.processElement1(new StreamRecord<>(spike(PEAK)));
        harness.setProcessingTime(ChannelMomentsFunction.DEFAULT_START_WAIT.toMillis() - 1);
        assertThat(output()).isEmpty();

        harness.setProcessingTime(ChannelMomentsFunction.DEFAULT_START_WAIT.toMillis());

        assertThat(output()).singleElement().satisfies(m -> {
            assertThat(m.streamStartedMs()).isNull();
            assertThat(m.vodOffsetSeconds()).isNull();
        });
        assertThat(harness.numKeyedStateEntries()).as("the waiting list is emptied").isZero();
    }

    @Test
    void at_the_end_of_a_bounded_input_a_waiting_moment_is_released_by_the_watermark() throws Exception {
        harness.setProcessingTime(0);
        harness.processElement1(new StreamRecord<>(spike(PEAK)));

        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));

        assertThat(output()).singleElement().satisfies(m -> assertThat(m.vodOffsetSeconds()).isNull());
    }

    @Test
    void a_40_percent_fall_between_polls_is_a_viewer_drop_and_offline_clears_the_state() throws Exception {
        harness.processElement2(new StreamRecord<>(poll(StreamLifecycleEvent.Type.ONLINE, 1000, FIRST_POLL)));
        harness.processElement2(new StreamRecord<>(poll(StreamLifecycleEvent.Type.VIEWERS, 900, NEXT_POLL)));
        harness.processElement2(new StreamRecord<>(poll(StreamLifecycleEvent.Type.VIEWERS, 450, THIRD_POLL)));
        harness.processElement2(new StreamRecord<>(poll(StreamLifecycleEvent.Type.VIEWERS, 450, THIRD_POLL))); // replay

        assertThat(output()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(StoredMoment.VIEWER_DROP);
            assertThat(m.id()).isEqualTo(Moment.momentId(HYPE_ID, THIRD_POLL.toEpochMilli()));
            assertThat(m.startMs()).isEqualTo(NEXT_POLL.toEpochMilli());
            assertThat(m.peakMs()).isEqualTo(THIRD_POLL.toEpochMilli());
            assertThat(m.baselineMean()).isEqualTo(900);
            assertThat(m.rate()).isEqualTo(450);
            assertThat(m.intensity()).isEqualTo(0.5);
            assertThat(m.vodOffsetSeconds()).isEqualTo(Duration.between(STREAM_START, THIRD_POLL).toSeconds());
        });
        assertThat(harness.numKeyedStateEntries()).isEqualTo(3);

        harness.processElement2(new StreamRecord<>(poll(StreamLifecycleEvent.Type.OFFLINE, 0, PEAK)));

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(output()).hasSize(1);
    }
}
