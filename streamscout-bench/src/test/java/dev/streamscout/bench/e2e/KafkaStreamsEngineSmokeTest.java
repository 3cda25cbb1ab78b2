package dev.streamscout.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka Streams peer on the tiny workload: a real broker in this JVM, the topic preloaded, the
 * Streams application in a child JVM. It applies the seed rule to the same windows as the Flink seed
 * design, so it must find what that finds.
 */
class KafkaStreamsEngineSmokeTest {

    @Test
    void consumesThePreloadedTopicAndFindsWhatTheSeedDesignFinds(@TempDir Path dir) throws Exception {
        EndToEndBench.Plan tiny = EndToEndBench.Plan.tiny();
        EndToEndBench.Plan plan = new EndToEndBench.Plan(tiny.throughput(), tiny.latency(), tiny.latencyWarmupSeconds(),
                List.of("seed-agg", "kafka-streams"), List.of());
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        Map<String, EndToEndBench.Row> rows = new EndToEndBench(dir, new PrintStream(log, true, StandardCharsets.UTF_8))
                .run(plan);

        RunResult streams = rows.get("kafka-streams").throughputRun();
        RunResult seed = rows.get("seed-agg").throughputRun();
        assertThat(streams.messages()).isEqualTo(seed.messages());
        assertThat(streams.cpuNs()).isPositive().isLessThan(streams.processCpuNs());
        assertThat(rows.get("kafka-streams").throughputScore().found())
                .isEqualTo(rows.get("seed-agg").throughputScore().found()).isPositive();
        assertThat(streams.detections()).isNotEmpty();
    }

    @Test
    void findsTheChannelOfALineWithoutParsingIt() {
        byte[] line = "{\"channel_id\":\"c42\",\"channel\":\"x\",\"timestamp\":1767225600123}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(ChatLines.channelId(line)).isEqualTo("c42");
        assertThat(ReplayFeed.timestampOf(line, line.length)).isEqualTo(1_767_225_600_123L);
        assertThat(ChatLines.channelId("{}".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
