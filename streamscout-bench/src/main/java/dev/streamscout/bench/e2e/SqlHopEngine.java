package dev.streamscout.bench.e2e;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

/**
 * Flink SQL peer: the replayed chat as a table with a 2 s bounded-out-of-orderness watermark, counted
 * per channel in {@code HOP} windows of 5 s sliding by 1 s (the window table-valued function), the
 * counts judged by the same seed rule as {@link SeedWindowEngine} in a keyed function.
 */
final class SqlHopEngine implements Engine {

    @Override
    public String name() {
        return "flink-sql";
    }

    @Override
    public String description() {
        return "Flink SQL HOP(5 s, 1 s) count + seed rule";
    }

    @Override
    public void run(long messages) throws Exception {
        StreamExecutionEnvironment env = FlinkReplay.environment();
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        // Window ends come out as zone-less timestamps in the session zone: make it UTC.
        tables.getConfig().setLocalTimeZone(java.time.ZoneOffset.UTC);
        var rows = FlinkReplay.chat(env, messages)
                .filter(message -> !message.isCommand()).name("Drop !commands")
                .map(message -> Row.of(message.channelId(), message.timestamp()),
                        new RowTypeInfo(new org.apache.flink.api.common.typeinfo.TypeInformation<?>[] {Types.STRING, Types.LONG},
                                new String[] {"channel_id", "ts"}))
                .name("To rows");
        Table chat = tables.fromDataStream(rows, Schema.newBuilder()
                .column("channel_id", "STRING")
                .column("ts", "BIGINT")
                .columnByExpression("rowtime", "TO_TIMESTAMP_LTZ(ts, 3)")
                .watermark("rowtime", "rowtime - INTERVAL '" + OUT_OF_ORDERNESS.toSeconds() + "' SECOND")
                .build());
        tables.createTemporaryView("chat", chat);
        Table counts = tables.sqlQuery("SELECT channel_id, window_end, COUNT(*) AS cnt "
                + "FROM TABLE(HOP(TABLE chat, DESCRIPTOR(rowtime), INTERVAL '1' SECOND, INTERVAL '5' SECOND)) "
                + "GROUP BY channel_id, window_start, window_end");
        tables.toDataStream(counts)
                .keyBy(row -> (String) row.getField("channel_id"), Types.STRING)
                .process(new JudgeRows()).name("Seed rule")
                .sinkTo(WindowAlert.sink()).name("Record alerts");
        env.execute("bench-flink-sql");
    }

    private static final class JudgeRows extends KeyedProcessFunction<String, Row, WindowAlert> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<SeedBaseline> baseline;

        @Override
        public void open(OpenContext context) {
            baseline = getRuntimeContext().getState(SeedWindowEngine.baselineDescriptor());
        }

        @Override
        public void processElement(Row row, Context ctx, Collector<WindowAlert> out) throws Exception {
            Object end = row.getField("window_end");
            long endMs = end instanceof java.time.LocalDateTime local
                    ? local.toInstant(java.time.ZoneOffset.UTC).toEpochMilli()
                    : ((java.time.Instant) end).toEpochMilli();
            WindowAlert alert = SeedWindowEngine.judge(baseline, ctx.getCurrentKey(), endMs - 1,
                    (Long) row.getField("cnt"));
            if (alert != null) {
                out.collect(alert);
            }
        }
    }
}
