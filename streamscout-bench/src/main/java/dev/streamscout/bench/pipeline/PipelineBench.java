package dev.streamscout.bench.pipeline;

import dev.streamscout.core.json.Json;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The highest aggregate chat rate the all-in-one pipeline sustains: one child JVM per offered rate,
 * running the shipped fat jar ({@code streamscout-app/target/streamscout.jar}) with {@link PipelineMain},
 * rates tried from low to high until one is not sustained.
 */
public final class PipelineBench {

    private static final Path APP_JAR = Path.of("streamscout-app", "target", "streamscout.jar");
    private static final Path BENCH_JAR = Path.of("streamscout-bench", "target", "streamscout-bench.jar");

    private final Path workDir;
    private final PrintStream out;

    public PipelineBench(Path workDir, PrintStream out) {
        this.workDir = workDir;
        this.out = out;
    }

    /** Runs the rates in order, stopping after the first that is not sustained; returns every result. */
    public List<PipelineResult> run(List<Integer> rates, int channels, int warmupSeconds, int measureSeconds)
            throws IOException, InterruptedException {
        for (Path jar : List.of(APP_JAR, BENCH_JAR)) {
            if (!Files.exists(jar)) {
                throw new IOException(jar + " is missing: run mvn -B -DskipTests package -pl streamscout-bench -am");
            }
        }
        List<PipelineResult> results = new ArrayList<>();
        for (int rate : rates) {
            out.printf(Locale.ROOT, "pipeline at %,d msg/s over %d channels: %d s warm-up, %d s measured...%n", rate,
                    channels, warmupSeconds, measureSeconds);
            PipelineResult result = runOne(rate, channels, warmupSeconds, measureSeconds);
            results.add(result);
            out.printf(Locale.ROOT, "  written %,.0f msg/s, processed %,.0f msg/s, backlog %,d at the end, %.2f CPU-s per M"
                    + " (whole pipeline JVM): %s%n", result.writtenPerSecond(), result.processedPerSecond(),
                    result.lagAtEnd(), result.cpuSecondsPerMillion(), result.sustained() ? "sustained" : "NOT sustained");
            if (!result.sustained()) {
                break;
            }
        }
        results.stream().filter(PipelineResult::sustained).mapToDouble(PipelineResult::offeredPerSecond).max()
                .ifPresentOrElse(best -> out.printf(Locale.ROOT, "highest sustained rate: %,.0f msg/s%n", best),
                        () -> out.println("no rate tried was sustained"));
        return results;
    }

    private PipelineResult runOne(int rate, int channels, int warmupSeconds, int measureSeconds)
            throws IOException, InterruptedException {
        Path dir = workDir.resolve("pipeline-" + rate);
        Files.createDirectories(dir);
        Path result = dir.resolve("result.json");
        Files.deleteIfExists(result);
        Path data = Files.createTempDirectory(dir, "data");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "-cp", APP_JAR.toAbsolutePath() + File.pathSeparator + BENCH_JAR.toAbsolutePath(),
                PipelineMain.class.getName(), Integer.toString(rate), Integer.toString(channels),
                Integer.toString(warmupSeconds), Integer.toString(measureSeconds), data.toString(), result.toString()));
        Path log = dir.resolve("run.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(warmupSeconds + measureSeconds + 180L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("pipeline at " + rate + " msg/s did not finish (log: " + log + ")");
        }
        if (process.exitValue() != 0 || !Files.exists(result)) {
            throw new IOException("pipeline at " + rate + " msg/s failed with exit code " + process.exitValue()
                    + " (log: " + log + ")");
        }
        return Json.fromBytes(Files.readAllBytes(result), PipelineResult.class);
    }
}
