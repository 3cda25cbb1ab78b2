package dev.streamscout.job.detect;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.SpikeDetector;
import dev.streamscout.core.highlight.Moment;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

/**
 * The detector operator ({@link SpikeDetectorFunction}) in Flink's keyed two-input operator test
 * harness, keyed by channel id on both inputs, with {@link #live} to deliver chat as a live source
 * would: the wall clock follows event time and the watermark trails the newest message by
 * {@link #OUT_OF_ORDERNESS}, moved on at most once a second.
 */
final class DetectorHarness extends KeyedTwoInputStreamOperatorTestHarness<String, ChatMessage, CauseEvent, Moment> {

    /** The live job's bounds. */
    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(2);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RETENTION = Duration.ofMinutes(10);

    private long maxEventMs = Long.MIN_VALUE;
    private long lastWatermarkMs = Long.MIN_VALUE;

    private DetectorHarness(SpikeDetectorFunction<?> function) throws Exception {
        // As ProcessFunctionTestHarnesses.forKeyedCoProcessFunction: max parallelism 1, one subtask.
        super(new KeyedCoProcessOperator<>(function), ChatMessage::channelId, CauseEvent::channelId, Types.STRING,
                1, 1, 0);
    }

    /** The operator running {@code function}, opened. */
    static DetectorHarness open(SpikeDetectorFunction<?> function) throws Exception {
        DetectorHarness harness = new DetectorHarness(function);
        harness.open();
        return harness;
    }

    /** The operator running {@code function}, restored from a snapshot of another harness, then opened. */
    static DetectorHarness restore(SpikeDetectorFunction<?> function, OperatorSubtaskState snapshot) throws Exception {
        DetectorHarness harness = new DetectorHarness(function);
        harness.initializeState(snapshot);
        harness.open();
        return harness;
    }

    /** The detector operator with the live job's bounds. */
    static <S> SpikeDetectorFunction<S> function(SpikeDetector<S> detector, boolean liveUpdates) {
        return new SpikeDetectorFunction<>(detector, OUT_OF_ORDERNESS, IDLE_TIMEOUT, RETENTION, liveUpdates);
    }

    /** Delivers messages as a live source would: wall clock = event time, watermark trailing by 2 s. */
    void live(List<ChatMessage> messages) throws Exception {
        for (ChatMessage m : messages) {
            setProcessingTime(Math.max(getProcessingTime(), m.timestamp()));
            processElement1(m, m.timestamp());
            maxEventMs = Math.max(maxEventMs, m.timestamp());
            long watermark = maxEventMs - OUT_OF_ORDERNESS.toMillis() - 1;
            if (watermark >= lastWatermarkMs + 1000) {
                watermarkAt(watermark);
            }
        }
    }

    void watermarkAt(long watermarkMs) throws Exception {
        processBothWatermarks(new Watermark(watermarkMs));
        lastWatermarkMs = watermarkMs;
    }

    /** The last watermark {@link #live} or {@link #watermarkAt} sent. */
    long lastWatermarkMs() {
        return lastWatermarkMs;
    }

    /** The moments emitted so far. */
    List<Moment> moments() {
        return extractOutputValues();
    }
}
