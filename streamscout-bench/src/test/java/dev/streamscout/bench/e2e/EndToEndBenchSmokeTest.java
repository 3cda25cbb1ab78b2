package dev.streamscout.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.bench.workload.InjectedSpike;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness on a tiny workload: real engines in child JVMs, sane figures (seconds, not a benchmark). */
class EndToEndBenchSmokeTest {

    @Test
    void oursAndTheSeedRunInTheirOwnJvmsAndProduceSaneFigures(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, EndToEndBench.Row> rows = new EndToEndBench(dir, new PrintStream(log, true, StandardCharsets.UTF_8))
                .run(EndToEndBench.Plan.tiny());

        assertThat(rows).containsOnlyKeys("ours", "seed", "read-only");
        for (EndToEndBench.Row row : rows.values()) {
            RunResult run = row.throughputRun();
            assertThat(run.messages()).as(row.engine()).isBetween(38_000L, 46_000L);
            assertThat(run.wallMs()).as(row.engine()).isPositive();
            assertThat(run.cpuNs()).as(row.engine()).isPositive().isLessThan(run.processCpuNs());
            assertThat(run.messagesPerSecond()).as(row.engine()).isBetween(1_000.0, 50_000_000.0);
        }
        // Ours finds every injected 10x spike and nothing else.
        assertThat(rows.get("ours").throughputScore().found()).isEqualTo(4);
        assertThat(rows.get("ours").throughputScore().falseDetections()).isZero();
        assertThat(rows.get("seed").throughputScore().found()).isPositive();
        // The reference reads every message and reports nothing; the table says so instead of a recall of 0.
        assertThat(rows.get("read-only").throughputRun().detections()).isEmpty();
        assertThat(EndToEndBench.table(rows)).containsPattern("\\| read-only \\| [\\d,]+ \\| \\d+\\.\\d\\d \\| "
                + "\\d+\\.\\d\\d \\| – \\(reads only\\) \\| – \\|");
        double ceiling = rows.get("seed").throughputRun().cpuSecondsPerMillion()
                / rows.get("read-only").throughputRun().cpuSecondsPerMillion();
        assertThat(EndToEndBench.ratioCeilingLine(rows)).endsWith(String.format(java.util.Locale.ROOT,
                "cannot exceed cpu_ratio_vs_seed=%.2f on this input", ceiling));
        String line = EndToEndBench.summaryLine(rows);
        assertThat(line).matches("cpu_ratio_vs_seed=\\d+\\.\\d\\d throughput_msgs_per_s=\\d+ p99_latency_ms=-1");
    }

    @Test
    void theReadOnlyReferenceGetsNoPacedRunEvenWhenAskedFor() {
        EndToEndBench.Plan quick = EndToEndBench.Plan.quick();
        EndToEndBench.Plan plan = new EndToEndBench.Plan(quick.throughput(), quick.latency(), 40,
                List.of("ours", "seed", "read-only"), List.of("ours", "seed", "read-only"));

        assertThat(plan.latencyEngines()).containsExactly("ours", "seed");
        assertThat(EndToEndBench.Plan.full().latencyEngines()).doesNotContain("read-only").contains("ours");
    }

    @Test
    void latencyCountsFromTheScheduledArrivalOfThePeaksLastMessage() {
        InjectedSpike spike = new InjectedSpike("1", 100_000, 103_000, 103_950, 110_000);
        // Paced from event time 90,000 at wall time 5,000: the peak's last message arrives at wall 18,950.
        RunResult run = new RunResult("x", 10, 1_000, 1, 2, 5_000, 90_000, List.of(
                new DetectionLog.Entry("1", 104_000, 120_000, 36_000),
                new DetectionLog.Entry("1", 104_000, 120_000, 40_000),
                new DetectionLog.Entry("2", 104_000, 120_000, 36_000)));

        Score score = Score.of(run, List.of(spike));

        assertThat(score.found()).isEqualTo(1);
        assertThat(score.falseDetections()).isEqualTo(1);
        assertThat(score.latenciesMs()).containsExactly(36_000L - 18_950L);
        // decided at second 120,000, whose last millisecond arrives at wall 35,999
        assertThat(score.decisionLatenciesMs()).containsExactly(1L);
        assertThat(score.latencyPercentile(99)).isEqualTo(17_050L);
        assertThat(score.confirmedLatenciesMs()).containsExactly(36_000L - 18_950L);
    }

    @Test
    void anEarlyReportCountsForLatencyButNotForRecallOrOtherDetections() {
        InjectedSpike spike = new InjectedSpike("1", 100_000, 103_000, 103_950, 110_000);
        RunResult run = new RunResult("x", 10, 1_000, 1, 2, 5_000, 90_000, List.of(
                // the burst's start, reported 1,550 ms after the peak's last message arrived
                new DetectionLog.Entry("1", 102_000, 102_000, 20_500, false),
                // the confirmed moment, later
                new DetectionLog.Entry("1", 106_000, 109_000, 27_000, true),
                // an early report of a burst that points at no spike is not an "other detection"
                new DetectionLog.Entry("2", 104_000, 104_000, 36_000, false)));

        Score score = Score.of(run, List.of(spike));

        assertThat(score.found()).isEqualTo(1);
        assertThat(score.falseDetections()).isZero();
        assertThat(score.latenciesMs()).containsExactly(20_500L - 18_950L);
        assertThat(score.confirmedLatenciesMs()).containsExactly(27_000L - 18_950L);
        // decided on second 102,000 (the burst's start), whose last millisecond arrives at wall 17,999
        assertThat(score.decisionLatenciesMs()).containsExactly(20_500L - 17_999L);
    }

    @Test
    void anEarlyReportAloneDoesNotFindASpike() {
        InjectedSpike spike = new InjectedSpike("1", 100_000, 103_000, 103_950, 110_000);
        RunResult run = new RunResult("x", 10, 1_000, 1, 2, 5_000, 90_000, List.of(
                new DetectionLog.Entry("1", 102_000, 102_000, 20_500, false)));

        Score score = Score.of(run, List.of(spike));

        assertThat(score.found()).isZero();
        assertThat(score.latenciesMs()).isEmpty();
    }
}
