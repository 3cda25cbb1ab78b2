package dev.streamscout.job.detect;

import dev.streamscout.core.chat.ChatMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Local pre-aggregation before {@code keyBy(channel)}: chained to the source, it gathers messages into
 * one {@link ChatSecondSummary} per channel and second and hands a second on when the watermark passes
 * its end, just before the watermark itself (so the detector has it when it closes that second). The
 * per-message work (loudness, emotes, distinct chatters, the line kept for explanations) happens here;
 * the network and the detector's keyed state see one record per channel-second.
 *
 * <p>Nothing is kept across checkpoints: everything pending is emitted before each checkpoint barrier,
 * so it is in the downstream state the checkpoint holds. When the watermark stops moving (an idle
 * source) pending seconds go out on a wall-clock tick, so a quiet channel's last seconds still reach
 * the detector, whose idle timer then closes them. A message for a second the watermark has passed
 * goes out at once, alone, carrying itself for the late-message output. Parts of a second sent at
 * different times are merged downstream exactly as if the messages had come one by one.
 */
public class SecondPreAggregator extends AbstractStreamOperator<ChatSecondSummary>
        implements OneInputStreamOperator<ChatMessage, ChatSecondSummary> {

    private static final long serialVersionUID = 1L;
    private static final long SECOND_MS = 1000L;

    private final long idleFlushMs;
    /** Pending summaries by second, then channel; seconds in order so that a watermark flushes a prefix. */
    private transient TreeMap<Long, Map<String, ChatSecondSummary>> pending;
    /*
     * The pending map of the second the last message fell in: nearly every message falls in the same
     * second as the one before it, so the tree is looked up (a boxed key and a walk) once per second
     * rather than once per message. Null when that second has been handed on.
     */
    private transient long lastSecondMs;
    private transient Map<String, ChatSecondSummary> lastSecond;
    private transient long watermarkMs;
    private transient long watermarkAtLastTick;

    /** @param idleFlushMs how long the watermark may stand still before pending seconds go out anyway */
    public SecondPreAggregator(long idleFlushMs) {
        if (idleFlushMs <= 0) {
            throw new IllegalArgumentException("idleFlushMs must be positive, was " + idleFlushMs);
        }
        this.idleFlushMs = idleFlushMs;
    }

    @Override
    public void open() throws Exception {
        super.open();
        pending = new TreeMap<>();
        watermarkMs = Long.MIN_VALUE;
        watermarkAtLastTick = Long.MIN_VALUE;
        scheduleTick();
    }

    @Override
    public void processElement(StreamRecord<ChatMessage> record) {
        ChatMessage message = record.getValue();
        if (message.isCommand()) {
            return;
        }
        long second = Math.floorDiv(message.timestamp(), SECOND_MS) * SECOND_MS;
        if (second + SECOND_MS - 1 <= watermarkMs) {
            ChatSecondSummary alone = new ChatSecondSummary(message.channelId(), second);
            alone.add(message);
            alone.lateCandidate = message;
            emit(alone);
            return;
        }
        Map<String, ChatSecondSummary> channels = lastSecond;
        if (channels == null || lastSecondMs != second) {
            channels = pending.computeIfAbsent(second, s -> new HashMap<>());
            lastSecond = channels;
            lastSecondMs = second;
        }
        ChatSecondSummary summary = channels.get(message.channelId());
        if (summary == null) {
            summary = new ChatSecondSummary(message.channelId(), second);
            channels.put(message.channelId(), summary);
        }
        summary.add(message);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        watermarkMs = Math.max(watermarkMs, mark.getTimestamp());
        while (!pending.isEmpty() && pending.firstKey() + SECOND_MS - 1 <= watermarkMs) {
            emitAll(pending.pollFirstEntry().getValue());
        }
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flushAll();
    }

    @Override
    public void finish() throws Exception {
        flushAll();
        super.finish();
    }

    private void scheduleTick() {
        long now = getProcessingTimeService().getCurrentProcessingTime();
        getProcessingTimeService().registerTimer(now + idleFlushMs, time -> {
            if (watermarkMs == watermarkAtLastTick) {
                flushAll();
            }
            watermarkAtLastTick = watermarkMs;
            scheduleTick();
        });
    }

    private void flushAll() {
        while (!pending.isEmpty()) {
            emitAll(pending.pollFirstEntry().getValue());
        }
    }

    private void emitAll(Map<String, ChatSecondSummary> second) {
        if (second == lastSecond) {
            lastSecond = null;
        }
        for (ChatSecondSummary summary : second.values()) {
            emit(summary);
        }
    }

    private void emit(ChatSecondSummary summary) {
        output.collect(new StreamRecord<>(summary, summary.maxEventMs));
    }
}
