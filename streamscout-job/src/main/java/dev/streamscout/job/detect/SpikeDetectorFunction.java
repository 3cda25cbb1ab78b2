package dev.streamscout.job.detect;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.CauseTags;
import dev.streamscout.core.detect.ChatSecond;
import dev.streamscout.core.detect.Detection;
import dev.streamscout.core.detect.MomentExplainer;
import dev.streamscout.core.detect.RecentChat;
import dev.streamscout.core.detect.SecondBucket;
import dev.streamscout.core.detect.SpikeDetector;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.live.BaselineBand;
import dev.streamscout.core.live.DetectorBands;
import dev.streamscout.core.live.LiveUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts a {@link SpikeDetector} to a stream of chat messages keyed by channel id: gathers messages
 * into one-second event-time {@link SecondBucket}s (counts, chatters, loud lines, tokens, emotes,
 * samples), closes the buckets in order through {@link MomentExplainer} and feeds every closed second
 * (quiet ones too) to the detector, and emits an explained {@link Moment} when it fires.
 *
 * <p>Cause tags (raid, gift-sub bomb, announcement) come from {@link ChatEvent}s, as {@link CauseEvent}s
 * on the second input (chat connected with {@code chat-events}, both keyed by channel id): the tag goes
 * in the event's second (or, if that second is closed already, in the recent causes) so that moments
 * from {@link MomentExplainer#CAUSE_LEAD_MS} after it carry the tag. Events only annotate: they never
 * open or close seconds, so a channel's detection is the same with or without them.
 *
 * <p>A second closes when the watermark passes its end. One event-time timer per channel, always at
 * the end of the next second to close, drives this, so a channel that goes quiet keeps closing seconds
 * while other channels move the watermark. When nothing moves the watermark (all chat quiet or the
 * source idle), a processing-time timer closes the seconds of a channel that has been idle for
 * {@code idleTimeout}, advancing its event time by the wall-clock time since its last message.
 *
 * <p>A message for a second that is already closed is late: it goes to {@link #LATE_MESSAGES} and the
 * {@code late_messages} counter, never into a count. A channel silent for {@code stateRetention} in
 * event time is forgotten: all its state and timers are removed.
 *
 * <p>With live updates on, every closed second also goes to {@link #LIVE_UPDATES} as a
 * {@code chat_rate} (messages, chatters and the band the detector judged it by, see
 * {@link DetectorBands}), a burst the detector starts holding as {@code moment_started} (a detector
 * that fires at once gets it from the moment's start, just before the peak), and every moment as
 * {@code moment_peak}.
 *
 * @param <S> the detector's per-channel state type (a Flink POJO)
 */
public class SpikeDetectorFunction<S> extends KeyedCoProcessFunction<String, ChatMessage, CauseEvent, Moment> {

    /** Messages that arrived after their second had been closed. */
    public static final OutputTag<ChatMessage> LATE_MESSAGES =
            new OutputTag<>("late-chat-messages", TypeInformation.of(ChatMessage.class));

    /** Per-second chat rate, burst starts and moment peaks for the live push (when switched on). */
    public static final OutputTag<LiveUpdate> LIVE_UPDATES =
            new OutputTag<>("live-updates", TypeInformation.of(LiveUpdate.class));

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SpikeDetectorFunction.class);
    private static final long SECOND_MS = 1000L;

    private final SpikeDetector<S> detector;
    private final long outOfOrdernessMs;
    private final long idleTimeoutMs;
    private final long stateRetentionMs;
    private final boolean liveUpdates;
    /** How {@code recent-chat} is stored: compactly, except to write a checkpoint as earlier releases did. */
    private TypeInformation<RecentChat> recentChatType = RecentChatSerializer.TYPE;

    private transient ValueState<S> detectorState;
    private transient ValueState<ChannelClock> clockState;
    private transient MapState<Long, SecondBucket> openBuckets;
    private transient ValueState<RecentChat> recentChat;
    private transient ListState<CauseEvent> pendingCauses;
    private transient Counter lateMessages;
    private transient Counter anomaliesDetected;
    private transient Counter causeEvents;

    /**
     * @param detector       the profile to run; serialized with the job
     * @param outOfOrderness the watermark's bound; used when a quiet channel's seconds close on the wall clock
     * @param idleTimeout    wall-clock silence after which a channel's seconds close without the watermark
     * @param stateRetention event-time silence after which a channel's state is dropped
     */
    public SpikeDetectorFunction(SpikeDetector<S> detector, Duration outOfOrderness, Duration idleTimeout,
            Duration stateRetention) {
        this(detector, outOfOrderness, idleTimeout, stateRetention, false);
    }

    /** As above; {@code liveUpdates} switches the {@link #LIVE_UPDATES} side output on. */
    public SpikeDetectorFunction(SpikeDetector<S> detector, Duration outOfOrderness, Duration idleTimeout,
            Duration stateRetention, boolean liveUpdates) {
        this.liveUpdates = liveUpdates;
        this.detector = Objects.requireNonNull(detector, "detector");
        this.outOfOrdernessMs = outOfOrderness.toMillis();
        this.idleTimeoutMs = idleTimeout.toMillis();
        this.stateRetentionMs = stateRetention.toMillis();
        if (idleTimeoutMs <= 0 || stateRetentionMs <= 0 || outOfOrdernessMs < 0) {
            throw new IllegalArgumentException("idleTimeout and stateRetention must be positive, outOfOrderness >= 0");
        }
    }

    /**
     * Stores {@code recent-chat} as {@code type} instead of {@link RecentChatSerializer#TYPE}: the test that
     * restores a checkpoint of an earlier release (which stored it as a POJO) writes one with this.
     */
    SpikeDetectorFunction<S> storingRecentChatAs(TypeInformation<RecentChat> type) {
        this.recentChatType = Objects.requireNonNull(type, "type");
        return this;
    }

    @Override
    public void open(OpenContext openContext) {
        detectorState = getRuntimeContext().getState(
                new ValueStateDescriptor<>("detector-state", TypeInformation.of(detector.stateType())));
        clockState = getRuntimeContext().getState(
                new ValueStateDescriptor<>("channel-clock", TypeInformation.of(ChannelClock.class)));
        openBuckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("open-second-buckets", Types.LONG,
                TypeInformation.of(SecondBucket.class)));
        recentChat = getRuntimeContext().getState(
                new ValueStateDescriptor<>("recent-chat", recentChatType));
        // Causes that came before any chat of their channel (the two inputs are not ordered against each
        // other, e.g. on a replay); kept until the channel's first message, dropped if it never comes.
        ListStateDescriptor<CauseEvent> pending = new ListStateDescriptor<>("pending-causes",
                TypeInformation.of(CauseEvent.class));
        pending.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(stateRetentionMs))
                .cleanupIncrementally(10, false).build());
        pendingCauses = getRuntimeContext().getListState(pending);
        lateMessages = getRuntimeContext().getMetricGroup().counter("late_messages");
        anomaliesDetected = getRuntimeContext().getMetricGroup().counter("anomalies_detected");
        causeEvents = getRuntimeContext().getMetricGroup().counter("cause_events_noted");
    }

    @Override
    public void processElement1(ChatMessage message, Context ctx, Collector<Moment> out) throws Exception {
        accept(message.timestamp(), message.channelLogin(), 1, bucket -> bucket.add(message), message, ctx);
    }

    /**
     * Counts chat into its open second: one message, or a pre-aggregated part of one second (see
     * {@link PreAggregatedDetectorFunction}), which keyed state then sees once instead of per message.
     *
     * @param eventMs     the latest event time of what is added; its second is the one added to
     * @param messages    how many messages are added (counted as late if the second is closed)
     * @param addTo       adds the chat to the second's bucket
     * @param lateMessage the message to put on {@link #LATE_MESSAGES} if late, or null
     */
    void accept(long eventMs, String channelLogin, int messages, java.util.function.Consumer<SecondBucket> addTo,
            ChatMessage lateMessage, Context ctx) throws Exception {
        long second = secondOf(eventMs);
        long now = ctx.timerService().currentProcessingTime();
        ChannelClock clock = clockState.value();
        if (clock == null) {
            clock = new ChannelClock();
            clock.nextSecondMs = second;
            clock.maxEventMs = eventMs;
            clockState.update(clock);
            for (CauseEvent cause : pendingCauses.get()) {
                noteCause(cause);
            }
            pendingCauses.clear();
        } else if (second < clock.nextSecondMs) {
            lateMessages.inc(messages);
            LOG.debug("late message on channel {} at {}: second already closed up to {}",
                    ctx.getCurrentKey(), eventMs, clock.nextSecondMs);
            if (lateMessage != null) {
                ctx.output(LATE_MESSAGES, lateMessage);
            }
            return;
        }
        SecondBucket bucket = openBuckets.get(second);
        if (bucket == null) {
            bucket = new SecondBucket(second);
        }
        addTo.accept(bucket);
        openBuckets.put(second, bucket);
        clock.maxEventMs = Math.max(clock.maxEventMs, eventMs);
        clock.lastArrivalMs = now;
        if (channelLogin != null) {
            clock.channelLogin = channelLogin;
        }
        if (clock.eventTimerMs == ChannelClock.NONE) {
            clock.eventTimerMs = endOf(clock.nextSecondMs);
            ctx.timerService().registerEventTimeTimer(clock.eventTimerMs);
        }
        if (clock.idleTimerMs == ChannelClock.NONE) {
            clock.idleTimerMs = now + idleTimeoutMs;
            ctx.timerService().registerProcessingTimeTimer(clock.idleTimerMs);
        }
        clockState.update(clock);
    }

    /** A cause event for this channel: its tag is noted, as by {@link #noteEvent}. */
    @Override
    public void processElement2(CauseEvent cause, Context ctx, Collector<Moment> out) throws Exception {
        noteCause(cause);
        causeEvents.inc();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Moment> out) throws Exception {
        ChannelClock clock = clockState.value();
        if (clock == null) {
            return; // a timer that outlived a cleared channel (should not happen: cleanup deletes them)
        }
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            clock.eventTimerMs = ChannelClock.NONE;
            closeThrough(ctx.timerService().currentWatermark(), clock, ctx, out);
            return;
        }
        clock.idleTimerMs = ChannelClock.NONE;
        long now = ctx.timerService().currentProcessingTime();
        long idleFor = now - clock.lastArrivalMs;
        if (idleFor < idleTimeoutMs) {
            clock.idleTimerMs = clock.lastArrivalMs + idleTimeoutMs;
            ctx.timerService().registerProcessingTimeTimer(clock.idleTimerMs);
            clockState.update(clock);
            return;
        }
        // Nothing has moved this channel for a while: let its event time run on with the wall clock.
        long estimatedWatermark = clock.maxEventMs + idleFor - outOfOrdernessMs;
        if (closeThrough(estimatedWatermark, clock, ctx, out)) {
            clock.idleTimerMs = now + SECOND_MS;
            ctx.timerService().registerProcessingTimeTimer(clock.idleTimerMs);
            clockState.update(clock);
        }
    }

    /**
     * Feeds every second that ends at or before {@code watermark} to the detector.
     *
     * @return false if the channel has been silent past the retention and was cleared
     */
    private boolean closeThrough(long watermark, ChannelClock clock, Context ctx, Collector<Moment> out)
            throws Exception {
        long forgetAfter = secondOf(clock.maxEventMs) + stateRetentionMs;
        S state = null;
        RecentChat recent = null;
        long second = clock.nextSecondMs;
        List<SecondBucket> due = endOf(second) <= watermark && second <= forgetAfter
                ? takeBuckets(watermark, forgetAfter) : List.of();
        int nextDue = 0;
        while (endOf(second) <= watermark && second <= forgetAfter) {
            if (state == null) {
                state = detectorState.value();
                if (state == null) {
                    state = detector.newState();
                }
                recent = recentChat.value();
                if (recent == null) {
                    recent = new RecentChat();
                }
            }
            while (nextDue < due.size() && due.get(nextDue).startMs < second) {
                nextDue++; // cannot happen: nothing is put into a closed second
            }
            ChatSecond closed = nextDue < due.size() && due.get(nextDue).startMs == second
                    ? MomentExplainer.close(recent, due.get(nextDue++))
                    : MomentExplainer.closeQuiet(recent, second);
            // Read before the second is fed: this is the band and burst the second is judged against.
            BaselineBand band = liveUpdates ? DetectorBands.band(detector, state) : null;
            OptionalLong heldBefore = liveUpdates ? DetectorBands.candidateStart(detector, state) : OptionalLong.empty();
            Optional<Detection> detection = detector.onSecond(state, closed);
            if (liveUpdates) {
                emitLive(ctx, clock, closed, band, heldBefore, state);
            }
            if (detection.isPresent()) {
                anomaliesDetected.inc();
                Moment moment = detection.get().toMoment(ctx.getCurrentKey(), clock.channelLogin,
                        MomentExplainer.explain(recent, detection.get()));
                LOG.info("moment on {} ({}): {} messages in window, intensity {}", clock.channelLogin,
                        moment.channelId(), moment.messageCount(), String.format("%.1f", moment.intensity()));
                out.collect(moment);
                if (liveUpdates) {
                    if (heldBefore.isEmpty()) {
                        // Nobody was told of this burst yet (the detector fired without holding it).
                        ctx.output(LIVE_UPDATES, LiveUpdate.momentStarted(moment.channelId(), moment.channelLogin(),
                                moment.startMs(), moment.id(), moment.rate(), band.baseline()));
                    }
                    ctx.output(LIVE_UPDATES, LiveUpdate.momentPeak(moment));
                }
            }
            second += SECOND_MS;
        }
        clock.nextSecondMs = second;
        if (second > forgetAfter) {
            forget(clock, ctx);
            return false;
        }
        if (state != null) {
            detectorState.update(state);
            recentChat.update(recent);
        }
        // Keep exactly one event-time timer per channel, at the end of the next second to close.
        long wanted = endOf(second);
        if (clock.eventTimerMs != wanted) {
            if (clock.eventTimerMs != ChannelClock.NONE) {
                ctx.timerService().deleteEventTimeTimer(clock.eventTimerMs);
            }
            clock.eventTimerMs = wanted;
            ctx.timerService().registerEventTimeTimer(wanted);
        }
        clockState.update(clock);
        return true;
    }

    /**
     * Removes and returns, oldest first, the open buckets of the seconds {@link #closeThrough} is about
     * to close: one pass over the few open seconds instead of a lookup for every second closed, many of
     * which (quiet seconds, and every second of a channel gone silent until it is forgotten) have none.
     */
    private List<SecondBucket> takeBuckets(long watermark, long forgetAfter) throws Exception {
        List<SecondBucket> due = null;
        for (Map.Entry<Long, SecondBucket> open : openBuckets.entries()) {
            long second = open.getKey();
            if (endOf(second) <= watermark && second <= forgetAfter) {
                if (due == null) {
                    due = new ArrayList<>(2);
                }
                due.add(open.getValue());
            }
        }
        if (due == null) {
            return List.of();
        }
        // Removed through the state, not the iterator: the state drops a channel's map once it is empty.
        for (SecondBucket bucket : due) {
            openBuckets.remove(bucket.startMs);
        }
        if (due.size() > 1) {
            due.sort(Comparator.comparingLong(bucket -> bucket.startMs));
        }
        return due;
    }

    /** The second's chat rate, and a burst start when the detector has just begun holding one. */
    private void emitLive(Context ctx, ChannelClock clock, ChatSecond closed, BaselineBand band,
            OptionalLong heldBefore, S state) {
        String channel = ctx.getCurrentKey();
        ctx.output(LIVE_UPDATES, LiveUpdate.chatRate(channel, clock.channelLogin, closed.startMs(), closed.messages(),
                closed.uniqueChatters(), band));
        OptionalLong heldAfter = DetectorBands.candidateStart(detector, state);
        if (heldAfter.isPresent() && (heldBefore.isEmpty() || heldBefore.getAsLong() != heldAfter.getAsLong())) {
            ctx.output(LIVE_UPDATES, LiveUpdate.momentStarted(channel, clock.channelLogin, heldAfter.getAsLong(), null,
                    closed.messages(), band.baseline()));
        }
    }

    private void forget(ChannelClock clock, Context ctx) {
        if (clock.eventTimerMs != ChannelClock.NONE) {
            ctx.timerService().deleteEventTimeTimer(clock.eventTimerMs);
        }
        if (clock.idleTimerMs != ChannelClock.NONE) {
            ctx.timerService().deleteProcessingTimeTimer(clock.idleTimerMs);
        }
        detectorState.clear();
        recentChat.clear();
        openBuckets.clear();
        pendingCauses.clear();
        clockState.clear();
        LOG.debug("channel {} silent for {} ms: state dropped", ctx.getCurrentKey(), stateRetentionMs);
    }

    /**
     * Notes a structured chat event for the current key (the event's channel): if it explains spikes
     * (see {@link CauseTags}) its tag is attached to moments around it. The current key must be the
     * event's channel. An event that comes before the channel's first message is kept until that
     * message arrives (the two inputs are not ordered against each other).
     *
     * @return true if the event carries a cause and was noted
     */
    public boolean noteEvent(ChatEvent event) throws Exception {
        Optional<CauseEvent> cause = CauseEvent.of(event);
        if (cause.isPresent()) {
            noteCause(cause.get());
        }
        return cause.isPresent();
    }

    /**
     * Notes a cause for the current key. Before the channel's first message it is kept aside and
     * placed when that message arrives.
     */
    private void noteCause(CauseEvent cause) throws Exception {
        ChannelClock clock = clockState.value();
        if (clock == null) {
            pendingCauses.add(cause);
            return;
        }
        String tag = cause.tag();
        long second = secondOf(cause.timestamp());
        if (second >= clock.nextSecondMs) {
            SecondBucket bucket = openBuckets.get(second);
            if (bucket == null) {
                bucket = new SecondBucket(second);
            }
            bucket.noteCause(tag);
            openBuckets.put(second, bucket);
        } else {
            RecentChat recent = recentChat.value();
            if (recent == null) {
                recent = new RecentChat();
            }
            MomentExplainer.noteCause(recent, second, tag);
            recentChat.update(recent);
        }
    }

    /** Late messages this instance has counted (what the {@code late_messages} metric reports). */
    long lateMessageCount() {
        return lateMessages == null ? 0 : lateMessages.getCount();
    }

    private static long secondOf(long epochMs) {
        return Math.floorDiv(epochMs, SECOND_MS) * SECOND_MS;
    }

    private static long endOf(long secondStartMs) {
        return secondStartMs + SECOND_MS - 1;
    }
}
