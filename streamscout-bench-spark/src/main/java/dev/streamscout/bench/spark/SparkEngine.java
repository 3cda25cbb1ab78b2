package dev.streamscout.bench.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.window;

import dev.streamscout.bench.e2e.DetectionLog;
import dev.streamscout.bench.e2e.Engine;
import dev.streamscout.bench.e2e.ReplayFeed;
import dev.streamscout.bench.e2e.SeedBaseline;
import dev.streamscout.core.detect.SeedDetectorParams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.runtime.MemoryStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark Structured Streaming peer in {@code local[2]}: the replayed lines pushed into a
 * {@link MemoryStream} by one feeder thread, parsed with {@code from_json}, commands dropped, a 2 s
 * watermark, {@code window(ts, 5 s, 1 s)} counts per channel in append mode (a window is emitted once
 * the watermark passes it), and the counts judged by the seed rule in {@code foreachBatch}.
 *
 * <p>The seed rule's per-channel baselines live on the driver: in {@code local[2]} the driver is this
 * JVM, and each micro-batch hands it only the closed windows. The end of the input is marked as for
 * the Kafka Streams peer: a message a minute past the last one moves the watermark past every real
 * window, and one more batch emits them.
 */
final class SparkEngine implements Engine {

    /** Lines per {@link MemoryStream#addData} call, at most; a paced feed hands over every 100 ms. */
    private static final int MAX_BATCH_LINES = 50_000;
    private static final long MAX_BATCH_MS = 100;
    private static final int MAX_PENDING_BATCHES = 2;
    private static final String END_CHANNEL = "__end__";

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String description() {
        return "Spark Structured Streaming local[2], window 5 s/1 s, watermark " + OUT_OF_ORDERNESS.toSeconds()
                + " s, + seed rule";
    }

    @Override
    public void run(long messages) throws Exception {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("bench-spark")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        MemoryStream<String> input = MemoryStream.apply(Encoders.STRING(), spark);
        StructType schema = new StructType()
                .add("channel_id", DataTypes.StringType)
                .add("message", DataTypes.StringType)
                .add("timestamp", DataTypes.LongType);
        Dataset<Row> counts = input.toDF()
                .select(from_json(col("value"), schema).as("m")).select("m.*")
                // CommandFilter's rule (^![a-zA-Z0-9]+) as a native expression, not a UDF.
                .filter("NOT (message RLIKE '^![a-zA-Z0-9]+')")
                .withColumn("ts", timestamp_millis(col("timestamp")))
                .withWatermark("ts", OUT_OF_ORDERNESS.toMillis() + " milliseconds")
                .groupBy(window(col("ts"), "5 seconds", "1 second"), col("channel_id"))
                .count()
                .select(col("channel_id"), unix_millis(col("window.end")).as("end_ms"), col("count"));
        Judge judge = new Judge();
        StreamingQuery query = counts.writeStream().outputMode("append")
                .option("checkpointLocation", Files.createTempDirectory("bench-spark").toString())
                .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> judge.accept(batch.collectAsList()))
                .start();
        long lastEventMs = feed(input, query, ReplayFeed.get());
        input.addData(CollectionConverters.asScala(List.of(endMarker(lastEventMs + 60_000))));
        query.processAllAvailable();
        input.addData(CollectionConverters.asScala(List.of(endMarker(lastEventMs + 61_000))));
        query.processAllAvailable();
        if (query.exception().isDefined()) {
            throw query.exception().get();
        }
    }

    /**
     * Pushes the whole feed into the stream in batches; returns the last event time. Holds back while
     * more than {@link #MAX_PENDING_BATCHES} batches wait: a memory stream hands all waiting data to one
     * micro-batch (inside its tasks), so an unpaced feed would otherwise make one batch of the whole file.
     * A Kafka source would be capped the same way ({@code maxOffsetsPerTrigger}).
     */
    private static long feed(MemoryStream<String> input, StreamingQuery query, ReplayFeed feed)
            throws InterruptedException {
        long lastEventMs = 0;
        List<String> batch = new ArrayList<>(MAX_BATCH_LINES);
        long batchStart = System.currentTimeMillis();
        for (byte[] line = feed.next(); line != null; line = feed.next()) {
            batch.add(new String(line, StandardCharsets.UTF_8));
            lastEventMs = Math.max(lastEventMs, ReplayFeed.timestampOf(line, line.length));
            if (batch.size() >= MAX_BATCH_LINES || System.currentTimeMillis() - batchStart >= MAX_BATCH_MS) {
                long added = Long.parseLong(input.addData(CollectionConverters.asScala(batch)).json());
                while (added - processedOffset(query) > MAX_PENDING_BATCHES) {
                    if (!query.isActive()) { // a failed query never catches up: stop feeding, report its error
                        throw new IllegalStateException("the streaming query stopped",
                                query.exception().isDefined() ? query.exception().get() : null);
                    }
                    Thread.sleep(2);
                }
                batch = new ArrayList<>(MAX_BATCH_LINES);
                batchStart = System.currentTimeMillis();
            }
        }
        if (!batch.isEmpty()) {
            input.addData(CollectionConverters.asScala(batch));
        }
        return lastEventMs;
    }

    /** The memory stream's offset the last finished micro-batch read up to (-1 before the first). */
    private static long processedOffset(StreamingQuery query) {
        StreamingQueryProgress progress = query.lastProgress();
        if (progress == null || progress.sources().length == 0 || progress.sources()[0].endOffset() == null) {
            return -1;
        }
        return Long.parseLong(progress.sources()[0].endOffset().trim());
    }

    private static String endMarker(long eventMs) {
        return "{\"channel_id\":\"" + END_CHANNEL + "\",\"message\":\"end\",\"timestamp\":" + eventMs + "}";
    }

    /** The seed rule over the closed windows of each micro-batch, in window order per channel. */
    private static final class Judge {
        private final Map<String, SeedBaseline> baselines = new HashMap<>();
        private final SeedDetectorParams params = SeedDetectorParams.defaults();

        void accept(List<Row> rows) {
            List<Row> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparingLong(r -> r.getLong(1)));
            for (Row row : sorted) {
                String channel = row.getString(0);
                long lastMs = row.getLong(1) - 1;
                if (baselines.computeIfAbsent(channel, c -> new SeedBaseline()).judge(params, lastMs, row.getLong(2))) {
                    DetectionLog.record(channel, lastMs, lastMs - 999);
                }
            }
        }
    }
}
