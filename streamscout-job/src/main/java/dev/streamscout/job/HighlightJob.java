package dev.streamscout.job;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.SpikeDetector;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.live.LiveUpdate;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.job.analytics.ChannelMomentsFunction;
import dev.streamscout.job.analytics.ChannelStats;
import dev.streamscout.job.analytics.ChannelStatsWindow;
import dev.streamscout.job.analytics.ChatMinuteAggregate;
import dev.streamscout.job.analytics.LateDataCounter;
import dev.streamscout.job.analytics.MessageCountAggregate;
import dev.streamscout.job.analytics.MinuteSummaryWindow;
import dev.streamscout.job.analytics.ViewerDropRule;
import dev.streamscout.store.ChatMinuteSummary;
import dev.streamscout.store.StoredMoment;
import java.time.Duration;
import dev.streamscout.job.clip.ClipMaker;
import dev.streamscout.job.clip.ClipRequester;
import dev.streamscout.job.detect.CauseEvent;
import dev.streamscout.job.detect.ChatSecondSummary;
import dev.streamscout.job.detect.ChatSecondSummaryTypeInfo;
import dev.streamscout.job.detect.PreAggregatedDetectorFunction;
import dev.streamscout.job.detect.SecondPreAggregator;
import dev.streamscout.job.detect.SpikeDetectorFunction;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.SourceTransformation;
import org.apache.flink.streaming.api.transformations.TimestampsAndWatermarksTransformation;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The "highlights" dataflow, independent of where chat comes from and where clips go:
 *
 * <pre>
 * chat → drop !commands → event time (tmi-sent-ts, bounded out-of-orderness, idleness; per partition
 *        inside a Kafka source given {@link #chatEventTime}, otherwise stamped after the source)
 *      → per channel and second, pre-aggregated in the source's tasks
 *      → keyBy(channel) → spike detector (1 s buckets) → moments
 * chat-events → raids, gift bombs, announcements → keyBy(channel) ↗ (cause tags)
 *      → clip maker (async I/O) → clips → clip sink
 * moments + stream-lifecycle → keyBy(channel) → stream start, viewer drops → moment sink
 * chat (event time) → keyBy(channel) → 1-minute windows → chat summaries → summary sink
 *      → keyBy(channel) → 10-minute windows → channel-stats sink
 * spike detector (side output: chat rate and band per second, burst starts, peaks) + clips (clip_ready)
 *      → live-updates sink (optional)
 * chat → raw chat sink (optional, chat_messages_raw)
 * </pre>
 *
 * Every operator has a stable uid (state survives a restart from a savepoint) and a readable name.
 */
public final class HighlightJob {

    public static final String JOB_NAME = "highlights";

    /** Length of the {@code channel-stats} windows (seed 003). */
    public static final Duration CHANNEL_STATS_WINDOW = Duration.ofMinutes(10);

    /** How often sources emit a watermark, at the longest. */
    static final Duration WATERMARK_INTERVAL = Duration.ofMillis(50);

    /** Pre-aggregated seconds go out on the wall clock when the watermark has stood still this long. */
    static final Duration PRE_AGGREGATION_IDLE_FLUSH = Duration.ofSeconds(1);

    /** The streams {@link #define} creates, for callers that want to attach more to them. */
    public record Outputs(DataStream<Moment> moments, DataStream<Clip> clips, DataStream<ChatMessage> lateMessages,
            DataStream<StoredMoment> storedMoments, DataStream<ChatMinuteSummary> chatSummaries,
            DataStream<ChannelStats> channelStats, DataStream<LiveUpdate> liveUpdates) {}

    /**
     * Where the job's results go. Only {@code clips} is required; a null sink leaves its branch out
     * of the graph (tests that only look at clips, or a deployment without analytics).
     *
     * @param clips         one clip outcome per chat-spike moment
     * @param moments       every moment (chat spikes and viewer drops) with its explanation
     * @param chatSummaries per channel and minute: messages, chatters, emotes, sentiment
     * @param channelStats  per channel and 10 minutes: message counts (the {@code channel-stats} topic)
     * @param liveUpdates   per channel and second: chat rate and the detector's band, burst starts, moment
     *                      peaks and clip outcomes (the {@code live-updates} topic); null switches them off
     * @param rawChat       every chat message as it arrived, commands included ({@code chat_messages_raw});
     *                      null switches the archive off
     */
    public record Sinks(Sink<Clip> clips, Sink<StoredMoment> moments, Sink<ChatMinuteSummary> chatSummaries,
            Sink<ChannelStats> channelStats, Sink<LiveUpdate> liveUpdates, Sink<ChatMessage> rawChat) {

        public Sinks {
            Objects.requireNonNull(clips, "clips");
        }

        /** Without the raw chat archive. */
        public Sinks(Sink<Clip> clips, Sink<StoredMoment> moments, Sink<ChatMinuteSummary> chatSummaries,
                Sink<ChannelStats> channelStats, Sink<LiveUpdate> liveUpdates) {
            this(clips, moments, chatSummaries, channelStats, liveUpdates, null);
        }

        /** Without live updates and the raw chat archive. */
        public Sinks(Sink<Clip> clips, Sink<StoredMoment> moments, Sink<ChatMinuteSummary> chatSummaries,
                Sink<ChannelStats> channelStats) {
            this(clips, moments, chatSummaries, channelStats, null, null);
        }

        /** These sinks with live updates going to {@code sink} (null: none). */
        public Sinks withLiveUpdates(Sink<LiveUpdate> sink) {
            return new Sinks(clips, moments, chatSummaries, channelStats, sink, rawChat);
        }

        /** These sinks with every chat message (commands too) archived to {@code sink} (null: none). */
        public Sinks withRawChat(Sink<ChatMessage> sink) {
            return new Sinks(clips, moments, chatSummaries, channelStats, liveUpdates, sink);
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
     * @param chat          chat messages in any order (event time comes from their timestamps); from a source
     *                      given {@link #chatEventTime} it keeps that source's per-partition watermarks
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

        // Every record is immutable or emitted once and never touched again, so chained operators may hand
        // records on without the defensive copy Flink makes otherwise (a reflective copy per message per hop).
        env.getConfig().enableObjectReuse();
        // A second closes on the first watermark past its end; Flink's default of a watermark every 200 ms
        // would add up to that much to every moment's latency. A shorter interval set by the caller stays.
        long interval = env.getConfig().getAutoWatermarkInterval();
        if (interval <= 0 || interval > WATERMARK_INTERVAL.toMillis()) {
            env.getConfig().setAutoWatermarkInterval(WATERMARK_INTERVAL.toMillis());
        }
        // Dropping commands and stamping event time run in the source's tasks (chained, at its parallelism):
        // a message crosses the network once, on its way to its channel's detector, never to be rebalanced.
        int sourceParallelism = chat.getParallelism();
        SingleOutputStreamOperator<ChatMessage> counted = chat
                .filter(message -> !message.isCommand()).setParallelism(sourceParallelism)
                .uid("drop-commands").name("Drop !commands");
        if (!stampedBySource(chat)) {
            // A source without partitions (collections in tests, the benchmark's replay): stamped here,
            // one watermark per source subtask.
            counted = counted.assignTimestampsAndWatermarks(chatEventTime(settings))
                    .setParallelism(sourceParallelism)
                    .uid("event-time").name("Event time from tmi-sent-ts");
        }

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
                        // Chained in the source's tasks: at another parallelism every chat message would be
                        // serialized and shipped to it only to be dropped.
                        .setParallelism(sourceParallelism)
                        .uid("no-chat-events").name("No chat-events input");

        // Pre-aggregation in the source's tasks: the shuffle and the detector's keyed state see one record
        // per channel and second, not one per message.
        DataStream<ChatSecondSummary> chatSeconds = counted
                .transform("Chat per channel second", ChatSecondSummaryTypeInfo.INSTANCE,
                        new SecondPreAggregator(PRE_AGGREGATION_IDLE_FLUSH.toMillis()))
                .setParallelism(sourceParallelism)
                .uid("chat-per-channel-second").name("Chat per channel second");
        SingleOutputStreamOperator<Moment> moments = chatSeconds
                .keyBy(ChatSecondSummary::channelId, Types.STRING)
                .connect(causeInput.keyBy(CauseEvent::channelId, Types.STRING))
                .process(new PreAggregatedDetectorFunction<>(
                        detectorFunction(settings.spikeDetector(), settings, sinks.liveUpdates() != null)))
                .uid("spike-detector").name("Spike detector (" + settings.profile() + ") with cause tags");

        SingleOutputStreamOperator<Clip> clips = AsyncDataStream.unorderedWait(
                        moments,
                        new ClipMaker(clipRequester, settings.clips().enabled(), settings.clips().asyncTimeout()),
                        settings.clips().asyncTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.clips().asyncCapacity())
                .uid("clip-maker").name("Clip maker (Twitch Create Clip)");

        clips.sinkTo(clipSink).uid("clip-sink").name("Clip sink");

        if (sinks.rawChat() != null) {
            // Straight from the source, in its tasks: the archive keeps what arrived, commands included.
            chat.sinkTo(sinks.rawChat()).setParallelism(sourceParallelism)
                    .uid("raw-chat-sink").name("Raw chat archive sink");
        }

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
        DataStream<LiveUpdate> live = null;
        if (sinks.liveUpdates() != null) {
            live = liveUpdates(moments, clips);
            live.sinkTo(sinks.liveUpdates()).uid("live-updates-sink").name("live-updates sink");
        }
        return new Outputs(moments, clips, moments.getSideOutput(SpikeDetectorFunction.LATE_MESSAGES), stored,
                summaries, stats, live);
    }

    /**
     * Event time of chat: {@code tmi-sent-ts}, bounded out-of-orderness, and idleness after
     * {@link JobSettings#idleTimeout()}. Pass it to {@code env.fromSource(source, chatEventTime(settings), name)}
     * of a partitioned source (Kafka): the source then keeps one watermark per partition and emits their
     * minimum, with each partition going idle on its own, so a subtask that reads one partition's backlog
     * ahead of another's (a replay after a restore) never makes the other's messages late. {@link #define}
     * leaves such a stream's event time as the source made it; any other chat is stamped after its source.
     */
    public static WatermarkStrategy<ChatMessage> chatEventTime(JobSettings settings) {
        return new ChatEventTime(WatermarkStrategy
                .<ChatMessage>forBoundedOutOfOrderness(settings.outOfOrderness())
                .withTimestampAssigner((message, previous) -> message.timestamp())
                .withIdleness(settings.idleTimeout()));
    }

    /** {@link #chatEventTime}'s strategy, a type of its own so that {@link #define} can recognise it. */
    private static final class ChatEventTime implements WatermarkStrategy<ChatMessage> {
        private static final long serialVersionUID = 1L;
        private final WatermarkStrategy<ChatMessage> strategy;

        ChatEventTime(WatermarkStrategy<ChatMessage> strategy) {
            this.strategy = strategy;
        }

        @Override
        public WatermarkGenerator<ChatMessage> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            return strategy.createWatermarkGenerator(context);
        }

        @Override
        public TimestampAssigner<ChatMessage> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
            return strategy.createTimestampAssigner(context);
        }
    }

    /**
     * Whether {@code chat} comes, through operators that keep timestamps and watermarks (a test's tap, a
     * map), from a source given {@link #chatEventTime}.
     */
    private static boolean stampedBySource(DataStream<ChatMessage> chat) {
        Transformation<?> upstream = chat.getTransformation();
        while (!(upstream instanceof SourceTransformation<?, ?, ?>)
                && !(upstream instanceof TimestampsAndWatermarksTransformation<?>)
                && upstream.getInputs().size() == 1) {
            upstream = upstream.getInputs().get(0);
        }
        return upstream instanceof SourceTransformation<?, ?, ?> source
                && source.getWatermarkStrategy() instanceof ChatEventTime;
    }

    /** The detector's per-second side output, and every clip outcome as {@code clip_ready}. */
    private static DataStream<LiveUpdate> liveUpdates(SingleOutputStreamOperator<Moment> moments,
            DataStream<Clip> clips) {
        DataStream<LiveUpdate> clipReady = clips.map(LiveUpdate::clipReady, Types.POJO(LiveUpdate.class))
                .uid("clip-ready").name("Clip outcomes as clip_ready");
        return moments.getSideOutput(SpikeDetectorFunction.LIVE_UPDATES).union(clipReady);
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

    /** Chat a minute window turned away as late (after the watermark passed its end). */
    static final OutputTag<ChatMessage> LATE_FOR_MINUTE = new OutputTag<>("late-for-minute-summary",
            Types.POJO(ChatMessage.class));
    /** Minute summaries the 10-minute window turned away as late. */
    static final OutputTag<ChatMinuteSummary> LATE_FOR_STATS = new OutputTag<>("late-for-channel-stats",
            Types.POJO(ChatMinuteSummary.class));

    /**
     * Per channel and event-time minute: messages, chatters, emotes, sentiment. A message for a minute
     * already closed is not added to it (the row was written): it goes to a side output and counts.
     */
    private static DataStream<ChatMinuteSummary> chatSummaries(DataStream<ChatMessage> chat) {
        SingleOutputStreamOperator<ChatMinuteSummary> summaries = chat.keyBy(ChatMessage::channelId, Types.STRING)
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .sideOutputLateData(LATE_FOR_MINUTE)
                .aggregate(new ChatMinuteAggregate(), new MinuteSummaryWindow())
                .uid("chat-minute-summary").name("Chat summary per minute");
        countLate(summaries.getSideOutput(LATE_FOR_MINUTE), message -> 1L, "late-chat-minute-summary",
                "Late chat, minute summary");
        return summaries;
    }

    /** Ten minute summaries make one {@code channel-stats} record (window results keep their window's time). */
    private static DataStream<ChannelStats> channelStats(DataStream<ChatMinuteSummary> summaries) {
        SingleOutputStreamOperator<ChannelStats> stats = summaries.keyBy(ChatMinuteSummary::channelId, Types.STRING)
                .window(TumblingEventTimeWindows.of(CHANNEL_STATS_WINDOW))
                .sideOutputLateData(LATE_FOR_STATS)
                .aggregate(new MessageCountAggregate(), new ChannelStatsWindow())
                .uid("channel-stats-10m").name("Channel stats per 10 minutes");
        countLate(stats.getSideOutput(LATE_FOR_STATS), summary -> (long) summary.messageCount(),
                "late-chat-channel-stats", "Late chat, channel stats");
        return stats;
    }

    /** Counts a window's late records in {@code late_messages} (operator {@code name}) and drops them. */
    private static <T> void countLate(DataStream<T> late, LateDataCounter.Weight<T> messages, String uid, String name) {
        late.process(new LateDataCounter<>(messages), late.getType()).uid(uid).name(name)
                .sinkTo(new DiscardingSink<>()).uid(uid + "-discard").name(name + " (dropped after counting)");
    }

    private static <S> SpikeDetectorFunction<S> detectorFunction(SpikeDetector<S> detector, JobSettings settings,
            boolean liveUpdates) {
        return new SpikeDetectorFunction<>(detector, settings.outOfOrderness(), settings.idleTimeout(),
                settings.channelStateRetention(), liveUpdates);
    }
}
