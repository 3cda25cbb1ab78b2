package dev.streamscout.bench;

import dev.streamscout.bench.e2e.EndToEndBench;
import dev.streamscout.bench.e2e.EngineLauncher;
import dev.streamscout.bench.e2e.Engine;
import dev.streamscout.bench.e2e.Engines;
import dev.streamscout.bench.pipeline.PipelineBench;
import dev.streamscout.bench.scale.StateFootprint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code streamscout bench}: the end-to-end comparison of our job with its peers on one generated
 * workload, and the state-size measurement. {@code --quick} ends with the one summary line
 * {@code cpu_ratio_vs_seed=... throughput_msgs_per_s=... p99_latency_ms=...}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the benchmarks (docs/benchmarks.md). Use a quiet machine: figures are CPU-bound.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Reduced run, under 5 minutes: ours, the seed design and the read-only reference.")
    boolean quick;

    @Option(names = "--engines", split = ",", paramLabel = "NAME",
            description = "Engines to run (default: all for a full run). Known: ours, seed, seed-agg, flink-sql, kafka-streams, spark, read-only (a reference: reads, detects nothing).")
    List<String> engines;

    @Option(names = "--paced", split = ",", paramLabel = "NAME",
            description = "Engines that also get the paced latency run (default: ours with --quick, all otherwise;"
                    + " 'all' for every engine run).")
    List<String> paced;

    @Option(names = "--single-channel",
            description = "Seed 001's load test: one channel at 1,200 msg/s through our job (unpaced, then paced).")
    boolean singleChannel;

    @Option(names = "--pipeline",
            description = "The all-in-one pipeline (simulator, IRC, Kafka, Flink, store) at rising chat rates:"
                    + " the highest it sustains. About 3.5 minutes per rate (150 s to warm up, 40 s measured).")
    boolean pipeline;

    @Option(names = "--pipeline-rates", split = ",", paramLabel = "MSGS_PER_S", defaultValue = "5000,10000,20000,40000",
            description = "Offered rates for --pipeline, tried in order until one is not sustained (default: ${DEFAULT-VALUE}).")
    List<Integer> pipelineRates;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "streamscout-bench/target/bench",
            description = "Where workloads, run logs and results go (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--state", description = "Only measure detector state per channel and heap for 100,000 channels.")
    boolean stateOnly;

    @Override
    public Integer call() throws Exception {
        if (stateOnly) {
            StateFootprint.main(new String[0]);
            return 0;
        }
        if (pipeline) {
            for (int rate : pipelineRates) {
                if (rate < 1) {
                    throw new IllegalArgumentException("--pipeline-rates: " + rate + " is not a positive rate");
                }
            }
            // 150 s of warm-up: with every part busy on two cores the JIT compilers get little CPU, and JFR
            // showed them still compiling the hot paths (simulator, IRC, Kafka, H2) 90 s in.
            new PipelineBench(workDir, System.out).run(pipelineRates, 50, 150, 40);
            return 0;
        }
        EndToEndBench.Plan plan = singleChannel ? EndToEndBench.Plan.singleChannel()
                : quick ? EndToEndBench.Plan.quick() : EndToEndBench.Plan.full();
        if (engines != null || paced != null) {
            List<String> run = engines == null ? plan.engines() : engines;
            List<String> latency = paced == null ? plan.latencyEngines()
                    : paced.equals(List.of("all")) ? run : paced;
            run.forEach(Engines::named); // fails early, naming an unknown engine
            latency.forEach(Engines::named);
            plan = new EndToEndBench.Plan(plan.throughput(), plan.latency(), plan.latencyWarmupSeconds(), run,
                    latency.stream().filter(run::contains).toList());
        }
        System.out.printf("machine: %d cores, max heap of this JVM %d MiB, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        Map<String, EndToEndBench.Row> rows = new EndToEndBench(workDir, System.out).run(plan);
        System.out.println();
        System.out.print(EndToEndBench.table(rows));
        for (Engine engine : Engines.all()) {
            if (rows.containsKey(engine.name())) {
                System.out.println("  " + engine.name() + ": " + engine.description());
            }
        }
        String ceiling = EndToEndBench.ratioCeilingLine(rows);
        if (ceiling != null) {
            System.out.println(ceiling);
        }
        if (rows.containsKey("ours") && rows.containsKey("seed")) {
            System.out.println(EndToEndBench.summaryLine(rows));
        }
        return 0;
    }

    public static void main(String[] args) {
        String[] log = EngineLauncher.LOG_CONFIG.split("=", 2);
        System.setProperty(log[0], System.getProperty(log[0], log[1]));
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof IllegalArgumentException) { // an unknown engine name, say
                System.err.println("bench: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            System.err.println("bench: " + ex.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
