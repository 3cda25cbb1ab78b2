package dev.streamscout.job.detect;

import dev.streamscout.core.highlight.Moment;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The spike detector fed with {@link ChatSecondSummary}s from {@link SecondPreAggregator} instead of
 * single messages: each summary is merged into its open second in one keyed-state access. Everything
 * else (closing seconds, timers, cause tags, late counting, live updates, state and metric names) is
 * the wrapped {@link SpikeDetectorFunction}'s, run on this operator's state and timers, so a job
 * restored from a savepoint of either finds the same state.
 *
 * @param <S> the detector's per-channel state type
 */
public class PreAggregatedDetectorFunction<S>
        extends KeyedCoProcessFunction<String, ChatSecondSummary, CauseEvent, Moment> {

    private static final long serialVersionUID = 1L;

    private final SpikeDetectorFunction<S> detector;

    public PreAggregatedDetectorFunction(SpikeDetectorFunction<S> detector) {
        this.detector = detector;
    }

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        super.setRuntimeContext(context);
        detector.setRuntimeContext(context);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        detector.open(openContext);
    }

    @Override
    public void close() throws Exception {
        detector.close();
    }

    /*
     * The contexts Flink passes here are those of a KeyedCoProcessFunction with another first input
     * type; the wrapped function only uses what does not depend on it (key, timers, side outputs),
     * so they are handed on as they are.
     */

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void processElement1(ChatSecondSummary summary, Context ctx, Collector<Moment> out) throws Exception {
        detector.accept(summary.maxEventMs, summary.channelLogin, summary.bucket.messages,
                bucket -> bucket.merge(summary.bucket), summary.lateCandidate, (KeyedCoProcessFunction.Context) ctx);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void processElement2(CauseEvent cause, Context ctx, Collector<Moment> out) throws Exception {
        detector.processElement2(cause, (KeyedCoProcessFunction.Context) ctx, out);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Moment> out) throws Exception {
        detector.onTimer(timestamp, (KeyedCoProcessFunction.OnTimerContext) ctx, out);
    }
}
