package dev.streamscout.job;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.SpikeDetector;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.job.analytics.ChannelMomentsFunction;
import dev.streamscout.job.analytics.ChannelStats;
import dev.streamscout.job.analytics.ChannelStatsWindow;
import dev.streamscout.job.analytics.ChatMinuteAggregate;
import dev.streamscout.job.analytics.MessageCountAggregate;
import dev.streamscout.job.analytics.MinuteSummaryWindow;
import dev.streamscout.job.analytics.ViewerDropRule;
import dev.streamscout.store.ChatMinuteSummary;
import dev.streamscout.store.StoredMoment;
import java.time.Duration;
import dev.streamscout.job.clip.ClipMaker;
import dev.streamscout.job.clip.ClipRequester;
import dev.streamscout.job.detect.CauseEvent;
import dev.streamscout.job.detect.SpikeDetectorFunction;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.Collector;

/**
 * The "highlights" dataflow, independent of where chat comes from and where clips go:
 *
 * <pre>
 * chat → drop !commands → event time (tmi-sent-ts, bounded out-of-orderness, idleness)
 *      → keyBy(channel) → spike detector (1 s buckets) → moments
 * chat-events → raids, gift bombs, announcements → keyBy(channel) ↗ (cause tags)
 *      → clip maker (async I/O) → clips → clip sink
 * moments + stream-lifecycle → keyBy(channel) → stream start, viewer drops → moment sink
 * chat (event time) → keyBy(channel) → 1-minute windows → chat summaries → summary sink
 *      → keyBy(channel) → 10-minute windows → channel-stats sink
 * </pre>
 *
 * Every operator has a stable uid (state survives a restart from a savepoint) and a readable name.
 */
public final class HighlightJob {

    public static final String JOB_NAME = "highlights";

    /** Length of the {@code channel-stats} windows (seed 003). */
    public static final Duration CHANNEL_STATS_WINDOW = Duration.ofMinutes(10);

    /** The streams {@link #define} creates, for callers that want to attach more to them. */
    public record Outputs(DataStream<Moment> moments, DataStream<Clip> clips, DataStream<ChatMessage> lateMessages,
            DataStream<StoredMoment> storedMoments, DataStream<ChatMinuteSummary> chatSummaries,
            DataStream<ChannelStats> channelStats) {}

    /**
     * Where the job's results go. Only {@code clips} is required; a null sink leaves its branch out
     * of the graph (tests that only look at clips, or a deployment without analytics).
     *
     * @param clips         one clip outcome per chat-spike moment
     * @param moments       every moment (chat spikes and viewer drops) with its explanation
     * @param chatSummaries per channel and minute: messages, chatters, emotes, sentiment
     * @param channelStats  per channel and 10 minutes: message counts (the {@code channel-stats} topic)
     */
    public record Sinks(Sink<Clip> clips, Sink<StoredMoment> moments, Sink<ChatMinuteSummary> chatSummaries,
            Sink<ChannelStats> channelStats) {

        public Sinks {
            Objects.requireNonNull(clips, "clips");
        }

        public static Sinks clipsOnly(Sink<Clip> clips) {
            return new Sinks(clips, null, null, null);
        }
    }

    private HighlightJob() {}

    /**
     * Adds the job to {@code env}'s graph.
     *
     * @param env           the environment {@code chat} belongs to
     * @param chat          chat messages in any order (event time comes from their timestamps)
     * @param settings      detector, event time and clip settings
     * @param clipRequester who makes clips (not called when clipping is switched off)
     * @param clipSink      where clips go (the JDBC sink in production, a collector in tests)
     * @return the moment, clip and late-message streams
     */
    public static Outputs define(StreamExecutionEnvironment env, DataStream<ChatMessage> chat, JobSettings settings,
            ClipRequester clipRequester, Sink<Clip> clipSink) {
        return define(env, chat, null, settings, clipRequester, Sinks.clipsOnly(clipSink));
    }

    /**
     * Adds the job with every input and output to {@code env}'s graph.
     *
     * @param env           the environment the streams belong to
     * @param chat          chat messages in any order (event time comes from their timestamps)
     * @param lifecycle     {@code stream-lifecycle} events (stream start for VOD offsets, viewer drops);
     *                      null: moments are stored without stream start and no viewer drops are found
     * @param settings      detector, event time and clip settings
     * @param clipRequester who makes clips (not called when clipping is switched off)
     * @param sinks         where clips, moments, chat summaries and channel stats go
     * @return the streams created
     */
    public static Outputs define(StreamExecutionEnvironment env, DataStream<ChatMessage> chat,
            DataStream<StreamLifecycleEvent> lifecycle, JobSettings settings, ClipRequester clipRequester,
            Sinks sinks) {
        return define(env, chat, null, lifecycle, settings, clipRequester, sinks);
    }

    /**
     * Adds the job with every input and output to {@code env}'s graph.
     *
     * @param env           the environment the streams belong to
     * @param chat          chat messages in any order (event time comes from their timestamps)
     * @param causes        raids, gift-sub bombs and announcements from {@code chat-events}, which tag the
     *                      moments after them; null: moments carry no cause tags
     * @param lifecycle     {@code stream-lifecycle} events (stream start for VOD offsets, viewer drops);
     *                      null: moments are stored without stream start and no viewer drops are found
     * @param settings      detector, event time and clip settings
     * @param clipRequester who makes clips (not called when clipping is switched off)
     * @param sinks         where clips, moments, chat summaries and channel stats go
     * @return the streams created
     */
    public static Outputs define(StreamExecutionEnvironment env, DataStream<ChatMessage> chat,
            DataStream<CauseEvent> causes, DataStream<StreamLifecycleEvent> lifecycle, JobSettings settings,
            ClipRequester clipRequester, Sinks sinks) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clipRequester, "clipRequester");
        Objects.requireNonNull(sinks, "sinks");
        Sink<Clip> clipSink = sinks.clips();

        SingleOutputStreamOperator<ChatMessage> counted = chat
                .filter(message -> !message.isCommand())
                .uid("drop-commands").name("Drop !commands")
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<ChatMessage>forBoundedOutOfOrderness(settings.outOfOrderness())
                        .withTimestampAssigner((message, previous) -> message.timestamp())
                        .withIdleness(settings.idleTimeout()))
                .uid("event-time").name("Event time from tmi-sent-ts");

        // Events only annotate seconds; event time is the chat's. A live event source that has nothing to
        // say goes idle after the idle timeout, so it never holds the detector's event time back for long;
        // without one, an empty stream cut from the chat carries exactly the chat's watermarks.
        DataStream<CauseEvent> causeInput = causes != null
                ? causes.assignTimestampsAndWatermarks(WatermarkStrategy
                                .<CauseEvent>forBoundedOutOfOrderness(settings.outOfOrderness())
                                .withTimestampAssigner((cause, previous) -> cause.timestamp())
                                .withIdleness(settings.idleTimeout()))
                        .uid("cause-event-time").name("Event time of chat events")
                : counted.flatMap((ChatMessage message, Collector<CauseEvent> out) -> { }, Types.POJO(CauseEvent.class))
                        .uid("no-chat-events").name("No chat-events input");

        SingleOutputStreamOperator<Moment> moments = counted
                .keyBy(ChatMessage::channelId, Types.STRING)
                .connect(causeInput.keyBy(CauseEvent::channelId, Types.STRING))
                .process(detectorFunction(settings.spikeDetector(), settings))
                .uid("spike-detector").name("Spike detector (" + settings.profile() + ") with cause tags");

        SingleOutputStreamOperator<Clip> clips = AsyncDataStream.unorderedWait(
                        moments,
                        new ClipMaker(clipRequester, settings.clips().enabled(), settings.clips().asyncTimeout()),
                        settings.clips().asyncTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.clips().asyncCapacity())
                .uid("clip-maker").name("Clip maker (Twitch Create Clip)");

        clips.sinkTo(clipSink).uid("clip-sink").name("Clip sink");

        DataStream<StoredMoment> stored = null;
        if (sinks.moments() != null) {
            stored = storedMoments(env, moments, lifecycle);
            stored.sinkTo(sinks.moments()).uid("moment-sink").name("Moment sink");
        }
        DataStream<ChatMinuteSummary> summaries = null;
        DataStream<ChannelStats> stats = null;
        if (sinks.chatSummaries() != null || sinks.channelStats() != null) {
            summaries = chatSummaries(counted);
            if (sinks.chatSummaries() != null) {
                summaries.sinkTo(sinks.chatSummaries()).uid("chat-summary-sink").name("Chat summary sink");
            }
            if (sinks.channelStats() != null) {
                stats = channelStats(summaries);
                stats.sinkTo(sinks.channelStats()).uid("channel-stats-sink").name("channel-stats sink");
            }
        }
        return new Outputs(moments, clips, moments.getSideOutput(SpikeDetectorFunction.LATE_MESSAGES), stored,
                summaries, stats);
    }

    /** Detector moments with stream start and VOD offset, plus viewer drops from the lifecycle events. */
    private static DataStream<StoredMoment> storedMoments(StreamExecutionEnvironment env, DataStream<Moment> moments,
            DataStream<StreamLifecycleEvent> lifecycle) {
        // Without a lifecycle input, an empty stream cut from the moments carries exactly their watermarks
        // (an empty collection source cannot even be built).
        DataStream<StreamLifecycleEvent> events = lifecycle != null ? lifecycle
                : moments.flatMap((Moment moment, Collector<StreamLifecycleEvent> out) -> { },
                                Types.POJO(StreamLifecycleEvent.class))
                        .uid("no-lifecycle").name("No stream-lifecycle input");
        return moments.keyBy(Moment::channelId, Types.STRING)
                .connect(events.keyBy(StreamLifecycleEvent::channelId, Types.STRING))
                .process(new ChannelMomentsFunction(ViewerDropRule.defaults()))
                .uid("channel-moments").name("Moments with stream start, viewer drops");
    }

    /** Per channel and event-time minute: messages, chatters, emotes, sentiment. */
    private static DataStream<ChatMinuteSummary> chatSummaries(DataStream<ChatMessage> chat) {
        return chat.keyBy(ChatMessage::channelId, Types.STRING)
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .aggregate(new ChatMinuteAggregate(), new MinuteSummaryWindow())
                .uid("chat-minute-summary").name("Chat summary per minute");
    }

    /** Ten minute summaries make one {@code channel-stats} record (window results keep their window's time). */
    private static DataStream<ChannelStats> channelStats(DataStream<ChatMinuteSummary> summaries) {
        return summaries.keyBy(ChatMinuteSummary::channelId, Types.STRING)
                .window(TumblingEventTimeWindows.of(CHANNEL_STATS_WINDOW))
                .aggregate(new MessageCountAggregate(), new ChannelStatsWindow())
                .uid("channel-stats-10m").name("Channel stats per 10 minutes");
    }

    private static <S> SpikeDetectorFunction<S> detectorFunction(SpikeDetector<S> detector, JobSettings settings) {
        return new SpikeDetectorFunction<>(detector, settings.outOfOrderness(), settings.idleTimeout(),
                settings.channelStateRetention());
    }
}
