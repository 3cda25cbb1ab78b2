package dev.streamscout.job.analytics;

import java.io.Serializable;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts what an event-time window turned away as late (its {@code sideOutputLateData} stream) in the
 * operator's {@code late_messages} counter, and passes it on. Each window has its own counting
 * operator, so the metric's operator name tells which window lost what; the count is in chat
 * messages (a late minute summary adds the messages it held).
 *
 * @param <T> the late records
 */
public class LateDataCounter<T> extends ProcessFunction<T, T> {

    private static final long serialVersionUID = 1L;

    /** How many chat messages one late record stands for. */
    public interface Weight<T> extends ToLongFunction<T>, Serializable {}

    private final Weight<T> messages;
    private transient Counter late;

    public LateDataCounter(Weight<T> messages) {
        this.messages = messages;
    }

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter("late_messages");
    }

    @Override
    public void processElement(T value, Context ctx, Collector<T> out) {
        late.inc(Math.max(0, messages.applyAsLong(value)));
        out.collect(value);
    }

    /** Late messages counted by this instance. */
    public long count() {
        return late == null ? 0 : late.getCount();
    }
}
