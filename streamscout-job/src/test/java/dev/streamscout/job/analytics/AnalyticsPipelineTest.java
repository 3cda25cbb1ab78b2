package dev.streamscout.job.analytics;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static dev.streamscout.job.ChatFixtures.CALM_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_LOGIN;
import static dev.streamscout.job.ChatFixtures.burst;
import static dev.streamscout.job.ChatFixtures.inTimeOrder;
import static dev.streamscout.job.ChatFixtures.steady;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.job.CollectingSink;
import dev.streamscout.job.HighlightJob;
import dev.streamscout.job.JobSettings;
import dev.streamscout.job.PipelineCluster;
import dev.streamscout.store.ChatMinuteSummary;
import dev.streamscout.store.StoredMoment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Moments, chat summaries and channel stats through the whole dataflow at parallelism 2. */
class AnalyticsPipelineTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = PipelineCluster.extension();

    private static final Duration TWELVE_MINUTES = Duration.ofMinutes(12);
    private static final Instant BURST = BEGINNING.plus(Duration.ofMinutes(2));
    private static final Instant STREAM_START = BEGINNING.minus(Duration.ofHours(1));
    private static final Instant VIEWERS_HALVED = BEGINNING.plus(Duration.ofMinutes(5));

    private static List<StoredMoment> moments;
    private static List<ChatMinuteSummary> summaries;
    private static List<ChannelStats> stats;
    private static List<Clip> clips;

    @BeforeAll
    static void runTheJobOnce() throws Exception {
        List<ChatMessage> chat = inTimeOrder(
                steady(HYPE_ID, 4, BEGINNING, TWELVE_MINUTES),
                burst(HYPE_ID, 40, BURST, Duration.ofMillis(20)),
                steady(CALM_ID, 2, BEGINNING, TWELVE_MINUTES));
        List<StreamLifecycleEvent> lifecycle = List.of(
                new StreamLifecycleEvent(StreamLifecycleEvent.Type.ONLINE, HYPE_ID, HYPE_LOGIN, 1000, STREAM_START, BEGINNING),
                new StreamLifecycleEvent(StreamLifecycleEvent.Type.VIEWERS, HYPE_ID, HYPE_LOGIN, 980, STREAM_START,
                        VIEWERS_HALVED.minus(Duration.ofMinutes(1))),
                new StreamLifecycleEvent(StreamLifecycleEvent.Type.VIEWERS, HYPE_ID, HYPE_LOGIN, 490, STREAM_START,
                        VIEWERS_HALVED));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PipelineCluster.PARALLELISM);
        CollectingSink<Clip> clipSink = new CollectingSink<>();
        CollectingSink<StoredMoment> momentSink = new CollectingSink<>();
        CollectingSink<ChatMinuteSummary> summarySink = new CollectingSink<>();
        CollectingSink<ChannelStats> statsSink = new CollectingSink<>();
        DataStream<ChatMessage> chatStream = env.fromData(new ArrayList<>(chat)).name("scripted chat");
        DataStream<StreamLifecycleEvent> lifecycleStream =
                env.fromData(Types.POJO(StreamLifecycleEvent.class), lifecycle.toArray(StreamLifecycleEvent[]::new))
                        .name("scripted lifecycle");
        HighlightJob.define(env, chatStream, lifecycleStream, JobSettings.defaults().withProfile(JobSettings.SEED_PROFILE).withClippingEnabled(false),
                moment -> new CompletableFuture<>(),
                new HighlightJob.Sinks(clipSink, momentSink, summarySink, statsSink));
        env.execute("analytics-test");
        moments = momentSink.results();
        summaries = summarySink.results();
        stats = statsSink.results();
        clips = clipSink.results();
    }

    @Test
    void the_burst_is_stored_as_a_moment_with_its_vod_offset_and_a_skipped_clip() {
        String burstId = Moment.momentId(HYPE_ID, BURST.toEpochMilli());

        assertThat(moments).filteredOn(m -> m.id().equals(burstId)).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(StoredMoment.CHAT_SPIKE);
            assertThat(m.channelLogin()).isEqualTo(HYPE_LOGIN);
            assertThat(m.vodOffsetSeconds()).isEqualTo(Duration.between(STREAM_START, BURST).toSeconds());
        });
        assertThat(clips).filteredOn(c -> c.momentId().equals(burstId)).hasSize(1);
        assertThat(moments).extracting(StoredMoment::id).doesNotHaveDuplicates();
    }

    @Test
    void halving_the_viewers_between_two_polls_is_a_viewer_drop_moment() {
        assertThat(moments).filteredOn(m -> m.type().equals(StoredMoment.VIEWER_DROP)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(Moment.momentId(HYPE_ID, VIEWERS_HALVED.toEpochMilli()));
            assertThat(m.baselineMean()).isEqualTo(980);
            assertThat(m.rate()).isEqualTo(490);
        });
    }

    @Test
    void every_channel_minute_is_summarised_once() {
        assertThat(summaries).hasSize(2 * 12);
        assertThat(summaries).filteredOn(s -> s.channelId().equals(CALM_ID))
                .allSatisfy(s -> {
                    assertThat(s.messageCount()).isEqualTo(120);
                    assertThat(s.uniqueChatters()).isEqualTo(2);
                    assertThat(s.minuteMs() % 60_000).isZero();
                });
        ChatMinuteSummary burstMinute = summaries.stream()
                .filter(s -> s.channelId().equals(HYPE_ID) && s.minuteMs() == BURST.toEpochMilli())
                .findFirst().orElseThrow();
        assertThat(burstMinute.messageCount()).isEqualTo(240 + 40);
        assertThat(burstMinute.uniqueChatters()).isEqualTo(4 + 40);
        assertThat(burstMinute.topChatters()).hasSize(ChatMinuteTally.TOP);
        assertThat(burstMinute.sentimentScore()).isPositive(); // "PogChamp PogChamp"
    }

    @Test
    void ten_minute_windows_count_messages_in_the_seed_schema() {
        long start = BEGINNING.getEpochSecond();
        assertThat(stats).contains(
                new ChannelStats(HYPE_ID, 10 * 240 + 40, start, start + 600, 600),
                new ChannelStats(HYPE_ID, 2 * 240, start + 600, start + 1200, 600),
                new ChannelStats(CALM_ID, 10 * 120, start, start + 600, 600),
                new ChannelStats(CALM_ID, 2 * 120, start + 600, start + 1200, 600));
        assertThat(stats).hasSize(4);
    }
}
