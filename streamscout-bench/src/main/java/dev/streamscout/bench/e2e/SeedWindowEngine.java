package dev.streamscout.bench.e2e;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.SeedDetectorParams;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * The seed design as a Flink job: drop commands, event time with the same watermarks as ours,
 * {@code keyBy(channel)}, {@code SlidingEventTimeWindows(5 s, 1 s)} and a window function that counts
 * the window's messages and judges the count against the channel's last 300 window counts
 * (mean + 1 stddev, 30 s cooldown, kept in per-key global window state).
 *
 * <p>The window function sees the buffered messages, as the seed's "window messages, calculate
 * statistics" reads; so every message is held in five windows. The {@code seed-agg} variant counts
 * incrementally instead (what a careful author of the seed would do).
 */
final class SeedWindowEngine implements Engine {

    private final boolean incremental;

    SeedWindowEngine(boolean incremental) {
        this.incremental = incremental;
    }

    @Override
    public String name() {
        return incremental ? "seed-agg" : "seed";
    }

    @Override
    public String description() {
        return incremental ? "seed design, sliding window 5 s/1 s with incremental count (Flink)"
                : "seed design, sliding window 5 s/1 s + window function over the messages (Flink)";
    }

    @Override
    public void run(long messages) throws Exception {
        StreamExecutionEnvironment env = FlinkReplay.environment();
        var windows = FlinkReplay.chat(env, messages)
                .filter(message -> !message.isCommand()).name("Drop !commands")
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<ChatMessage>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                        .withTimestampAssigner((message, previous) -> message.timestamp())
                        .withIdleness(Duration.ofSeconds(5)))
                .keyBy(ChatMessage::channelId, Types.STRING)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(5), Duration.ofSeconds(1)));
        var alerts = incremental
                ? windows.aggregate(new CountAggregate(), new JudgeCount()).name("Seed window (incremental count)")
                : windows.process(new CountAndJudge()).name("Seed window function");
        alerts.sinkTo(WindowAlert.sink()).name("Record alerts");
        env.execute("bench-" + name());
    }

    static ValueStateDescriptor<SeedBaseline> baselineDescriptor() {
        return new ValueStateDescriptor<>("seed-baseline", TypeInformation.of(SeedBaseline.class));
    }

    static WindowAlert judge(ValueState<SeedBaseline> state, String channel, long windowEndMs, long count)
            throws Exception {
        SeedBaseline baseline = state.value();
        if (baseline == null) {
            baseline = new SeedBaseline();
        }
        boolean alert = baseline.judge(SeedDetectorParams.defaults(), windowEndMs, count);
        state.update(baseline);
        return alert ? new WindowAlert(channel, windowEndMs, count) : null;
    }

    /** The seed's window function: counts the buffered messages, then judges. */
    private static final class CountAndJudge extends ProcessWindowFunction<ChatMessage, WindowAlert, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String channel, Context context, Iterable<ChatMessage> elements, Collector<WindowAlert> out)
                throws Exception {
            long count = 0;
            for (ChatMessage ignored : elements) {
                count++;
            }
            WindowAlert alert = judge(context.globalState().getState(baselineDescriptor()), channel,
                    context.window().getEnd() - 1, count);
            if (alert != null) {
                out.collect(alert);
            }
        }
    }

    private static final class JudgeCount extends ProcessWindowFunction<Long, WindowAlert, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String channel, Context context, Iterable<Long> counts, Collector<WindowAlert> out)
                throws Exception {
            WindowAlert alert = judge(context.globalState().getState(baselineDescriptor()), channel,
                    context.window().getEnd() - 1, counts.iterator().next());
            if (alert != null) {
                out.collect(alert);
            }
        }
    }

    private static final class CountAggregate
            implements org.apache.flink.api.common.functions.AggregateFunction<ChatMessage, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(ChatMessage value, Long accumulator) {
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }
}
