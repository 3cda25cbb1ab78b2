package dev.streamscout.bench.e2e;

import dev.streamscout.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the child JVM that runs one engine, so that the process CPU time measured is that
 * engine's alone. Arguments: {@code engine chatFile messages liveFromMs resultFile}.
 */
public final class EngineMain {

    private EngineMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: EngineMain ENGINE CHAT_FILE MESSAGES LIVE_FROM_MS RESULT_FILE");
            System.exit(2);
        }
        runAndReport(Engines.named(args[0]), args);
    }

    /**
     * Runs {@code engine} over the feed the arguments name and writes its {@link RunResult}; also the
     * entry of engines that live on another classpath (they pass themselves, {@link Engines} is not loaded).
     */
    public static void runAndReport(Engine engine, String[] args) throws Exception {
        long messages = Long.parseLong(args[2]);
        ReplayFeed feed = ReplayFeed.install(Path.of(args[1]), Long.parseLong(args[3]));
        engine.run(messages);
        long endCpu = CpuClock.processCpuNanos();
        long endWall = System.currentTimeMillis();
        RunResult result = new RunResult(engine.name(), feed.count(), endWall - feed.firstWallMs(),
                endCpu - feed.firstCpuNs(), endCpu, feed.liveStartWallMs(), feed.liveStartEventMs(),
                DetectionLog.entries());
        Files.write(Path.of(args[4]), Json.toBytes(result));
        System.exit(0); // engines may leave non-daemon threads behind
    }
}
