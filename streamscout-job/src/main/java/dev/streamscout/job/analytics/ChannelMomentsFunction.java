package dev.streamscout.job.analytics;

import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.store.StoredMoment;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per channel, joins what the detector found with what the stream monitor saw, and turns both into
 * rows of the {@code moments} table:
 *
 * <ul>
 *   <li>input 1, detector moments: stored with the stream's start time and the peak's VOD offset when
 *       the channel's latest lifecycle event told the start (keyed state, not a database lookup, so it
 *       is checkpointed with the job and costs nothing per moment). While the start is unknown a moment
 *       waits up to {@code startWait} (processing time) for a lifecycle event to tell it, because after
 *       a restart both topics are read at once and the chat side often wins; then it is stored
 *       without. With the start comes a {@link VodLink} to the peak when the lifecycle events named
 *       the stream's archive video ({@code video_id}, looked up by the monitor when the channel went
 *       online);</li>
 *   <li>input 2, {@code stream-lifecycle} events: remember the stream start, its archive video and the
 *       last viewer count;
 *       a fall that {@link ViewerDropRule} calls a drop becomes a {@code viewer_drop} moment.</li>
 * </ul>
 *
 * State is cleared when the channel goes offline, and expires after {@link #STATE_TTL} without updates
 * for channels whose offline event never came.
 *
 * <p>Metric: {@code anomalies_detected} per channel (group {@code channel=<id>}), for both kinds.
 */
public class ChannelMomentsFunction extends KeyedCoProcessFunction<String, Moment, StreamLifecycleEvent, StoredMoment> {

    private static final long serialVersionUID = 1L;
    static final Duration STATE_TTL = Duration.ofHours(12);

    private final ViewerDropRule rule;
    private final long startWaitMs;

    private transient ValueState<Long> streamStartedMs;
    private transient ValueState<String> archiveVideoId;
    private transient ValueState<Integer> lastViewers;
    private transient ValueState<Long> lastObservedMs;
    private transient ListState<StoredMoment> waiting;
    private transient Map<String, Counter> anomaliesByChannel;

    /**
     * @param rule      when a fall in viewers is a drop
     * @param startWait how long a moment waits for the stream start before it is stored without
     */
    public ChannelMomentsFunction(ViewerDropRule rule, Duration startWait) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.startWaitMs = Objects.requireNonNull(startWait, "startWait").toMillis();
    }

    /** Default rule, moments wait up to {@link #DEFAULT_START_WAIT} for the stream start. */
    public ChannelMomentsFunction(ViewerDropRule rule) {
        this(rule, DEFAULT_START_WAIT);
    }

    public static final Duration DEFAULT_START_WAIT = Duration.ofSeconds(5);

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(STATE_TTL).build();
        streamStartedMs = state("stream-started-ms", Types.LONG, ttl);
        archiveVideoId = state("archive-video-id", Types.STRING, ttl);
        lastViewers = state("last-viewers", Types.INT, ttl);
        lastObservedMs = state("last-observed-ms", Types.LONG, ttl);
        ListStateDescriptor<StoredMoment> waitingDescriptor =
                new ListStateDescriptor<>("waiting-for-stream-start", Types.POJO(StoredMoment.class));
        waitingDescriptor.enableTimeToLive(ttl);
        waiting = getRuntimeContext().getListState(waitingDescriptor);
        anomaliesByChannel = new HashMap<>();
    }

    private <T> ValueState<T> state(String name, org.apache.flink.api.common.typeinfo.TypeInformation<T> type,
            StateTtlConfig ttl) {
        ValueStateDescriptor<T> descriptor = new ValueStateDescriptor<>(name, type);
        descriptor.enableTimeToLive(ttl);
        return getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement1(Moment moment, Context ctx, Collector<StoredMoment> out) throws Exception {
        count(moment.channelId());
        StoredMoment stored = fromDetector(moment, System.currentTimeMillis());
        Long started = streamStartedMs.value();
        if (started != null || startWaitMs <= 0) {
            out.collect(located(stored, started));
            return;
        }
        waiting.add(stored);
        ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + startWaitMs);
        // Processing-time timers do not fire once a bounded input has ended; this one does (both inputs
        // end with the maximum watermark), so a replayed recording loses no moment. Live, the lifecycle
        // input has no watermarks and only the processing-time timer fires.
        ctx.timerService().registerEventTimeTimer(stored.peakMs());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<StoredMoment> out) throws Exception {
        release(streamStartedMs.value(), out);
    }

    /** Stores every waiting moment with what is known of the stream start by now. */
    private void release(Long started, Collector<StoredMoment> out) throws Exception {
        Iterable<StoredMoment> pending = waiting.get();
        if (pending == null) {
            return;
        }
        for (StoredMoment m : pending) {
            out.collect(located(m, started));
        }
        waiting.clear();
    }

    @Override
    public void processElement2(StreamLifecycleEvent event, Context ctx, Collector<StoredMoment> out) throws Exception {
        if (event.type() == null || event.observedAt() == null) {
            return;
        }
        if (event.type() == StreamLifecycleEvent.Type.OFFLINE) {
            release(null, out);
            streamStartedMs.clear();
            archiveVideoId.clear();
            lastViewers.clear();
            lastObservedMs.clear();
            return;
        }
        long observed = event.observedAt().toEpochMilli();
        Integer before = lastViewers.value();
        Long beforeMs = lastObservedMs.value();
        if (beforeMs != null && observed <= beforeMs) {
            return; // a replayed or reordered poll says nothing new
        }
        if (event.type() == StreamLifecycleEvent.Type.ONLINE || event.videoId() != null) {
            // A new stream's archive replaces the last one's; VIEWERS repeats it or brings a late lookup.
            if (event.videoId() == null) {
                archiveVideoId.clear();
            } else {
                archiveVideoId.update(event.videoId());
            }
        }
        if (event.startedAt() != null) {
            streamStartedMs.update(event.startedAt().toEpochMilli());
            release(event.startedAt().toEpochMilli(), out);
        }
        lastViewers.update(event.viewerCount());
        lastObservedMs.update(observed);
        if (before == null) {
            return;
        }
        double lost = rule.dropFraction(before, beforeMs, event.viewerCount(), observed);
        if (lost > 0) {
            count(event.channelId());
            out.collect(located(viewerDrop(event, before, beforeMs, lost), streamStartedMs.value()));
        }
    }

    /** The moment with the stream start, its VOD offset and, when the archive video is known, the VOD link. */
    private StoredMoment located(StoredMoment m, Long started) throws Exception {
        StoredMoment withStart = m.withStreamStart(started);
        return withStart.withVodUrl(VodLink.at(archiveVideoId.value(), withStart.vodOffsetSeconds()));
    }

    /** The stored form of a detector moment, explanation included. */
    public static StoredMoment fromDetector(Moment m, long detectedMs) {
        return new StoredMoment(m.id(), m.channelId(), m.channelLogin(), m.type(), m.startMs(), m.peakMs(), m.endMs(),
                m.intensity(), m.baselineMean(), m.baselineStddev(), m.rate(), m.messageCount(), m.uniqueChatters(),
                m.topTokens(), m.topEmotes(), m.sampleMessages(), m.causeTags(), m.profile(), null, null, detectedMs);
    }

    /**
     * A viewer drop: starts at the earlier poll, peaks and ends at the poll that saw the drop;
     * intensity is the fraction lost, baseline the earlier count (no spread), rate the later count.
     */
    static StoredMoment viewerDrop(StreamLifecycleEvent event, int before, long beforeMs, double lost) {
        long at = event.observedAt().toEpochMilli();
        return new StoredMoment(Moment.momentId(event.channelId(), at), event.channelId(), event.login(),
                StoredMoment.VIEWER_DROP, beforeMs, at, at, lost, before, null, event.viewerCount(), 0, 0,
                List.of(), List.of(), List.of(), List.of(), null, null, null, System.currentTimeMillis());
    }

    private void count(String channelId) {
        anomaliesByChannel.computeIfAbsent(channelId,
                id -> getRuntimeContext().getMetricGroup().addGroup("channel", id).counter("anomalies_detected")).inc();
    }
}
