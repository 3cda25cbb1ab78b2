package dev.streamscout.bench.e2e;

import dev.streamscout.bench.workload.ChatWorkload;
import dev.streamscout.bench.workload.InjectedSpike;
import dev.streamscout.bench.workload.WorkloadSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end comparison: every engine over the same generated chat, each in its own JVM.
 *
 * <p>Throughput run: the whole workload unpaced; gives sustained messages per second, CPU-seconds per
 * million messages and recall. Latency run: a second workload at {@code latencyRate} messages per
 * second, fast-forwarded through its first {@code latencyWarmupSeconds} and then paced at real time;
 * gives p50/p99/max latency from the arrival of a spike peak's last message to the detection.
 */
public final class EndToEndBench {

    /** Sizes of one bench run. */
    public record Plan(WorkloadSpec throughput, WorkloadSpec latency, int latencyWarmupSeconds, List<String> engines,
            List<String> latencyEngines) {

        /** An engine that detects nothing has no latency to measure: it gets no paced run, whoever asks. */
        public Plan {
            latencyEngines = latencyEngines.stream().filter(name -> Engines.named(name).detects()).toList();
        }

        /**
         * Under five minutes on two cores: ours and the seed design, latency for ours, and the read-only
         * reference that bounds the CPU ratio ours can reach on this input.
         */
        public static Plan quick() {
            WorkloadSpec throughput = WorkloadSpec.endToEnd(7);
            WorkloadSpec latency = new WorkloadSpec(11, 1_000, 100, 10_000, 1.0, 12, 8.0, 45,
                    WorkloadSpec.DEFAULT_START_MS);
            return new Plan(throughput, latency, 40, List.of("ours", "seed", ReadOnlyEngine.NAME), List.of("ours"));
        }

        /** Every engine, latency for every engine that detects. */
        public static Plan full() {
            Plan quick = quick();
            WorkloadSpec throughput = quick.throughput().withRate(6_000);
            List<String> engines = Engines.all().stream().map(Engine::name).toList();
            return new Plan(throughput, quick.latency().withDuration(160, 45), 40, engines, engines);
        }

        /**
         * Seed 001's "1000+ msg/sec" stream: one channel at 1,200 msg/s with two 8x spikes (peaks near
         * 10,000 msg/s), ours only. The first five minutes build the default detector's baseline
         * (fast-forwarded in the paced run), then 4.5 minutes are paced at real time.
         */
        public static Plan singleChannel() {
            WorkloadSpec spec = new WorkloadSpec(1, 1, 580, 1_200, 1.0, 2, 8.0, 320, WorkloadSpec.DEFAULT_START_MS);
            return new Plan(spec, spec, 310, List.of("ours"), List.of("ours"));
        }

        /** Seconds, for the smoke test: 42,000 messages, no paced run. */
        public static Plan tiny() {
            WorkloadSpec spec = new WorkloadSpec(3, 20, 420, 100, 1.0, 4, 10.0, 320, WorkloadSpec.DEFAULT_START_MS);
            WorkloadSpec latency = new WorkloadSpec(5, 20, 60, 200, 1.0, 2, 10.0, 35, WorkloadSpec.DEFAULT_START_MS);
            return new Plan(spec, latency, 32, List.of("ours", "seed", ReadOnlyEngine.NAME), List.of());
        }
    }

    /** One engine's figures. */
    public record Row(String engine, RunResult throughputRun, Score throughputScore, RunResult latencyRun,
            Score latencyScore) {}

    private final Path workDir;
    private final PrintStream out;

    public EndToEndBench(Path workDir, PrintStream out) {
        this.workDir = workDir;
        this.out = out;
    }

    public Map<String, Row> run(Plan plan) throws Exception {
        ChatWorkload.Summary throughput = workload(plan.throughput(), "throughput");
        ChatWorkload.Summary latency = plan.latencyEngines().isEmpty() ? null : workload(plan.latency(), "latency");
        EngineLauncher launcher = new EngineLauncher(workDir.resolve("runs"), "3g", 600);
        Map<String, Row> rows = new LinkedHashMap<>();
        try (BenchBroker broker = new BenchBroker()) {
            for (String engine : plan.engines()) {
                rows.put(engine, runEngine(plan, engine, launcher, broker, throughput, latency));
            }
        }
        return rows;
    }

    private Row runEngine(Plan plan, String engine, EngineLauncher launcher, BenchBroker broker,
            ChatWorkload.Summary throughput, ChatWorkload.Summary latency) throws Exception {
        out.printf(Locale.ROOT, "running %s: %,d messages unpaced...%n", engine, throughput.messages());
        RunResult t = launcher.run(engine, throughput.chatFile(), throughput.messages(), Long.MAX_VALUE,
                broker.prepare(engine, "throughput", throughput.chatFile(), true));
        Score ts = Score.of(t, throughput.spikes());
        String found = Engines.named(engine).detects()
                ? String.format(Locale.ROOT, "recall %d/%d, %d other detections", ts.found(), ts.spikes(),
                        ts.falseDetections())
                : "no detection (reads only)";
        out.printf(Locale.ROOT, "  %s: %,.0f msg/s, %.2f CPU-s per M, %s%n", engine, t.messagesPerSecond(),
                t.cpuSecondsPerMillion(), found);
        RunResult l = null;
        Score ls = null;
        if (latency != null && plan.latencyEngines().contains(engine)) {
            long liveFrom = plan.latency().startEpochMs() + plan.latencyWarmupSeconds() * 1000L;
            out.printf(Locale.ROOT, "running %s: %,d messages, paced at %,.0f msg/s after %d s...%n", engine,
                    latency.messages(), plan.latency().messagesPerSecond(), plan.latencyWarmupSeconds());
            // The default detector's 5-minute warm-up is cut to 30 s here (as the demo does) so that the
            // paced part can be short; warm-up changes when firing may start, not how fast results flow.
            // Ours reports a burst when it starts (the live-updates side output) as well as when its peak
            // is confirmed; the throughput run leaves that output off, as it leaves every analytics sink off.
            List<String> properties = new ArrayList<>(List.of("bench.warmupSeconds=30", "bench.firstReports=true"));
            properties.addAll(broker.prepare(engine, "latency", latency.chatFile(), false));
            l = launcher.run(engine, latency.chatFile(), latency.messages(), liveFrom, properties);
            ls = Score.of(l, latency.spikes());
            out.printf(Locale.ROOT, "  %s: latency from peak p50 %d ms, p99 %d ms, max %d ms; from the deciding"
                    + " second p50 %d ms, p99 %d ms, max %d ms; confirmed detection from peak p50 %d ms, p99 %d ms,"
                    + " max %d ms; over %d spikes (recall %d/%d)%n",
                    engine, ls.latencyPercentile(50), ls.latencyPercentile(99), ls.latencyPercentile(100),
                    ls.decisionLatencyPercentile(50), ls.decisionLatencyPercentile(99),
                    ls.decisionLatencyPercentile(100), ls.confirmedLatencyPercentile(50),
                    ls.confirmedLatencyPercentile(99), ls.confirmedLatencyPercentile(100), ls.latenciesMs().size(),
                    ls.found(), ls.spikes());
        }
        return new Row(engine, t, ts, l, ls);
    }

    /** Generates the workload unless the same spec was generated before. */
    private ChatWorkload.Summary workload(WorkloadSpec spec, String name) throws IOException {
        // One directory per spec: plans of different shapes do not overwrite each other's files.
        Path dir = workDir.resolve("workload-" + name + "-" + Integer.toHexString(spec.toString().hashCode()));
        Path specFile = dir.resolve("spec.txt");
        Path countFile = dir.resolve("messages.txt");
        String specText = spec.toString();
        if (Files.exists(specFile) && Files.exists(countFile)
                && Files.readString(specFile, StandardCharsets.UTF_8).equals(specText)) {
            List<InjectedSpike> spikes = ChatWorkload.readSpikes(dir.resolve(ChatWorkload.SPIKES_FILE));
            Path chat = dir.resolve(ChatWorkload.CHAT_FILE);
            return new ChatWorkload.Summary(Long.parseLong(Files.readString(countFile).trim()), Files.size(chat), spikes,
                    chat, dir.resolve(ChatWorkload.SPIKES_FILE));
        }
        out.printf(Locale.ROOT, "generating the %s workload (%d channels, %.0f msg/s, %d s)...%n", name,
                spec.channels(), spec.messagesPerSecond(), spec.durationSeconds());
        ChatWorkload.Summary summary = new ChatWorkload(spec).writeTo(dir);
        Files.writeString(countFile, Long.toString(summary.messages()));
        Files.writeString(specFile, specText);
        return summary;
    }

    /** The results as a Markdown table, ratios against the seed design. */
    public static String table(Map<String, Row> rows) {
        Row seed = rows.get("seed");
        StringBuilder sb = new StringBuilder();
        sb.append("| engine | msg/s | CPU-s per M msgs | seed CPU / engine CPU | recall | other detections "
                + "| latency from peak p50 / p99 / max (ms) | from deciding second p50 / p99 / max (ms) "
                + "| confirmed detection from peak p50 / p99 / max (ms) |\n"
                + "|---|---:|---:|---:|---:|---:|---|---|---|\n");
        for (Row row : rows.values()) {
            double ratio = seed == null ? Double.NaN
                    : seed.throughputRun().cpuSecondsPerMillion() / row.throughputRun().cpuSecondsPerMillion();
            String latency = row.latencyScore() == null ? "–" : row.latencyScore().latencyPercentile(50) + " / "
                    + row.latencyScore().latencyPercentile(99) + " / " + row.latencyScore().latencyPercentile(100);
            String decision = row.latencyScore() == null ? "–" : row.latencyScore().decisionLatencyPercentile(50)
                    + " / " + row.latencyScore().decisionLatencyPercentile(99) + " / "
                    + row.latencyScore().decisionLatencyPercentile(100);
            String confirmed = row.latencyScore() == null ? "–" : row.latencyScore().confirmedLatencyPercentile(50)
                    + " / " + row.latencyScore().confirmedLatencyPercentile(99) + " / "
                    + row.latencyScore().confirmedLatencyPercentile(100);
            boolean detects = Engines.named(row.engine()).detects();
            String recall = detects ? row.throughputScore().found() + "/" + row.throughputScore().spikes()
                    : "– (reads only)";
            String others = detects ? Integer.toString(row.throughputScore().falseDetections()) : "–";
            sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %s | %s | %s | %s | %s |%n",
                    row.engine(), row.throughputRun().messagesPerSecond(), row.throughputRun().cpuSecondsPerMillion(),
                    ratio, recall, others, latency, decision, confirmed));
        }
        return sb.toString();
    }

    /**
     * What the read-only reference bounds, or null without it and the seed: ours reads and parses every
     * line as the reference does and then detects, so its CPU ratio to the seed stays below the seed's
     * CPU divided by the reference's.
     */
    public static String ratioCeilingLine(Map<String, Row> rows) {
        Row reference = rows.get(ReadOnlyEngine.NAME);
        Row seed = rows.get("seed");
        if (reference == null || seed == null) {
            return null;
        }
        return String.format(Locale.ROOT, "reading and parsing alone (%s): %.2f CPU-s per M; ours, which reads the"
                + " same way, cannot exceed cpu_ratio_vs_seed=%.2f on this input", ReadOnlyEngine.NAME,
                reference.throughputRun().cpuSecondsPerMillion(),
                seed.throughputRun().cpuSecondsPerMillion() / reference.throughputRun().cpuSecondsPerMillion());
    }

    /** The one summary line of {@code bench --quick}. */
    public static String summaryLine(Map<String, Row> rows) {
        Row ours = rows.get("ours");
        Row seed = rows.get("seed");
        double ratio = seed.throughputRun().cpuSecondsPerMillion() / ours.throughputRun().cpuSecondsPerMillion();
        long p99 = ours.latencyScore() == null ? -1 : ours.latencyScore().latencyPercentile(99);
        return String.format(Locale.ROOT, "cpu_ratio_vs_seed=%.2f throughput_msgs_per_s=%d p99_latency_ms=%d", ratio,
                Math.round(ours.throughputRun().messagesPerSecond()), p99);
    }
}
