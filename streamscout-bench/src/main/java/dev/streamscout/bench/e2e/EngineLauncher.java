package dev.streamscout.bench.e2e;

import dev.streamscout.core.json.Json;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one engine in a child JVM on this JVM's classpath and reads back its {@link RunResult}. One
 * JVM per engine run keeps each engine's CPU time its own and its JIT and heap unshared.
 */
public final class EngineLauncher {

    private static final List<String> OPENS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.text=ALL-UNNAMED",
            // Spark's own launcher opens these as well (JavaModuleOptions); harmless for the others.
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true");

    /**
     * The bench's own Log4j configuration (WARN). Named explicitly: Kafka's test kit on the classpath ships a
     * {@code log4j2-test} file that Log4j would otherwise prefer, logging every broker and client step at INFO.
     */
    public static final String LOG_CONFIG = "log4j2.configurationFile=log4j2.xml";

    private final Path workDir;
    private final String heap;
    private final long timeoutSeconds;

    public EngineLauncher(Path workDir, String heap, long timeoutSeconds) {
        this.workDir = workDir;
        this.heap = heap;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Runs {@code engine} over {@code chat}.
     *
     * @param liveFromMs event time from which the feed is paced at real time; Long.MAX_VALUE: unpaced
     * @param properties extra {@code -Dkey=value} settings for the child
     */
    public RunResult run(String engine, Path chat, long messages, long liveFromMs, List<String> properties)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        String tag = engine + (liveFromMs == Long.MAX_VALUE ? "-throughput" : "-latency");
        Path result = workDir.resolve(tag + ".json");
        Files.deleteIfExists(result);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseParallelGC");
        command.add("-D" + LOG_CONFIG);
        command.addAll(OPENS);
        properties.forEach(p -> command.add("-D" + p));
        Engine known = Engines.named(engine);
        command.add("-cp");
        if (known instanceof ExternalEngine external) {
            command.add(externalClasspath(external));
            command.add(external.mainClass());
        } else {
            command.add(classpath());
            command.add(EngineMain.class.getName());
        }
        command.add(engine);
        command.add(chat.toString());
        command.add(Long.toString(messages));
        command.add(Long.toString(liveFromMs));
        command.add(result.toString());
        Path log = workDir.resolve(tag + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(engine + " did not finish within " + timeoutSeconds + " s (log: " + log + ")");
        }
        if (process.exitValue() != 0 || !Files.exists(result)) {
            throw new IOException(engine + " failed with exit code " + process.exitValue() + " (log: " + log + ")");
        }
        return Json.fromBytes(Files.readAllBytes(result), RunResult.class);
    }

    /** The external engine's jar plus the classpath file its module's build writes. */
    private static String externalClasspath(ExternalEngine engine) throws IOException {
        Path target = engine.module().resolve("target");
        Path jar = target.resolve(engine.module().getFileName() + ".jar");
        Path cp = target.resolve("classpath.txt");
        if (!Files.exists(jar) || !Files.exists(cp)) {
            throw new IOException(engine.name() + " is not built (" + jar + " or " + cp + " missing): run "
                    + "mvn -B -DskipTests install -pl streamscout-bench-spark -am");
        }
        return jar.toAbsolutePath() + File.pathSeparator + Files.readString(cp).trim();
    }

    private static String classpath() {
        // Surefire and some launchers pass the classpath in a manifest-only jar; the runtime bean has the real one.
        String cp = System.getProperty("java.class.path");
        String fromBean = ManagementFactory.getRuntimeMXBean().getClassPath();
        return fromBean != null && fromBean.length() > cp.length() ? fromBean : cp.replace(';', File.pathSeparatorChar);
    }
}
