package dev.streamscout.job.analytics;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static dev.streamscout.job.ChatFixtures.HYPE_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.core.stream.StreamLifecycleEvent.Type;
import dev.streamscout.store.StoredMoment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The link to a moment's peak in the VOD: its format, and how the moments step keeps the archive video. */
class VodLinkTest {

    private static final Instant STREAM_START = BEGINNING.minus(Duration.ofHours(1));
    private static final Instant FIRST_POLL = BEGINNING;
    private static final Instant NEXT_POLL = BEGINNING.plus(Duration.ofMinutes(2));
    /** 1 h 3 min 7 s into the stream. */
    private static final Instant PEAK = BEGINNING.plus(Duration.ofMinutes(3).plusSeconds(7));
    private static final String VIDEO = "2187654321";

    private KeyedTwoInputStreamOperatorTestHarness<String, Moment, StreamLifecycleEvent, StoredMoment> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ChannelMomentsHarness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static StreamLifecycleEvent event(Type type, Instant at, String videoId) {
        return new StreamLifecycleEvent(type, HYPE_ID, HYPE_LOGIN, 1000, type == Type.OFFLINE ? null : STREAM_START,
                at, videoId);
    }

    private static Moment spike(Instant peak) {
        return new Moment(HYPE_ID, HYPE_LOGIN, peak.minusSeconds(5).toEpochMilli(), peak.toEpochMilli(),
                peak.plusSeconds(2).toEpochMilli(), 120, 3.0, 1.0, 9.5, "default", 24.0, 80, List.of("no"),
                List.of("KEKW"), List.of("NO WAY"), List.of(), Moment.TYPE_CHAT_SPIKE);
    }

    private StoredMoment only() {
        List<StoredMoment> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    @Test
    void the_link_names_hours_minutes_and_seconds() {
        assertThat(VodLink.at("123", 3_787L)).isEqualTo("https://www.twitch.tv/videos/123?t=1h3m7s");
        assertThat(VodLink.at("123", 0L)).isEqualTo("https://www.twitch.tv/videos/123?t=0h0m0s");
        assertThat(VodLink.at("123", 36_000L + 59)).isEqualTo("https://www.twitch.tv/videos/123?t=10h0m59s");
        assertThat(VodLink.at(null, 10L)).isNull();
        assertThat(VodLink.at(" ", 10L)).isNull();
        assertThat(VodLink.at("123", null)).isNull();
        assertThat(VodLink.at("123", -1L)).isNull();
    }

    @Test
    void a_moment_of_a_stream_with_an_archive_links_to_its_peak() throws Exception {
        harness.processElement2(new StreamRecord<>(event(Type.ONLINE, FIRST_POLL, VIDEO)));
        harness.processElement1(new StreamRecord<>(spike(PEAK)));

        StoredMoment m = only();
        assertThat(m.vodOffsetSeconds()).isEqualTo(3_787L);
        assertThat(m.vodUrl()).isEqualTo("https://www.twitch.tv/videos/" + VIDEO + "?t=1h3m7s");
    }

    @Test
    void a_waiting_moment_gets_the_link_with_the_start() throws Exception {
        harness.setProcessingTime(0);
        harness.processElement1(new StreamRecord<>(spike(PEAK)));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processElement2(new StreamRecord<>(event(Type.ONLINE, FIRST_POLL, VIDEO)));

        assertThat(only().vodUrl()).endsWith("?t=1h3m7s");
    }

    @Test
    void without_an_archive_the_offset_is_kept_and_there_is_no_link() throws Exception {
        harness.processElement2(new StreamRecord<>(event(Type.ONLINE, FIRST_POLL, null)));
        harness.processElement1(new StreamRecord<>(spike(PEAK)));

        StoredMoment m = only();
        assertThat(m.vodOffsetSeconds()).isEqualTo(3_787L);
        assertThat(m.vodUrl()).isNull();
    }

    @Test
    void a_video_found_at_a_later_poll_links_later_moments() throws Exception {
        harness.processElement2(new StreamRecord<>(event(Type.ONLINE, FIRST_POLL, null)));
        harness.processElement2(new StreamRecord<>(event(Type.VIEWERS, NEXT_POLL, VIDEO)));
        harness.processElement1(new StreamRecord<>(spike(PEAK)));

        assertThat(only().vodUrl()).contains(VIDEO);
    }

    @Test
    void a_new_stream_forgets_the_last_streams_archive() throws Exception {
        harness.processElement2(new StreamRecord<>(event(Type.ONLINE, FIRST_POLL, VIDEO)));
        harness.processElement2(new StreamRecord<>(event(Type.OFFLINE, FIRST_POLL.plusSeconds(30), null)));
        harness.processElement2(new StreamRecord<>(event(Type.ONLINE, NEXT_POLL, null)));
        harness.processElement1(new StreamRecord<>(spike(PEAK)));

        assertThat(only().vodUrl()).isNull();
    }
}
