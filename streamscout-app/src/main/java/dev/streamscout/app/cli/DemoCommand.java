package dev.streamscout.app.cli;

import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.RawConfig;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.app.wiring.AllInOne;
import dev.streamscout.sim.SimulatorSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamscout demo}: the whole pipeline in one JVM against the built-in Twitch simulator. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs the whole pipeline in this JVM against a built-in Twitch simulator: no account or",
            "network needed. Starts the simulator, an embedded Kafka broker, the Flink job (Web UI),",
            "an H2 database, ingest and the API, prints their URLs and runs until Ctrl-C or SIGTERM.",
            ""
        })
public final class DemoCommand implements Callable<Integer> {

    /** The demo is about seeing results soon: poll the simulated Get Streams every few seconds. */
    static final Duration DEMO_POLL_INTERVAL = Duration.ofSeconds(5);

    /** One JVM on a laptop does not need the production partition counts. */
    static final int DEMO_PARTITIONS = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where Kafka, the database and the token file are kept (default: ./data).")
    Path dataDir;

    @Option(names = "--port", paramLabel = "N", description = "Port of the API and page (default: 5000).")
    Integer port;

    @Option(names = "--kafka-port", paramLabel = "N",
            description = "Port of the embedded Kafka broker (default: 9092; 0 picks a free one).")
    Integer kafkaPort;

    @Option(names = "--flink-ui-port", paramLabel = "N", description = "Port of the Flink Web UI (default: 8081).")
    Integer flinkUiPort;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with settings (default: ./streamscout.properties if present).")
    Path configFile;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the simulated world, so a demo can be repeated (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(configFile, System.getenv(), overrides()));
        Logging.setLevel(config.logLevel());

        PrintWriter out = spec.commandLine().getOut();
        out.println("StreamScout demo is starting (data directory " + config.dataDir().toAbsolutePath().normalize()
                + ")...");
        out.flush();
        AllInOne app = AllInOne.startDemo(config, SimulatorSettings.defaults().withSeed(seed));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            Logging.shutdown();
            stopped.countDown();
        }, "streamscout-shutdown"));

        AllInOne.Endpoints urls = app.endpoints();
        out.println("StreamScout demo is running");
        out.println("  clips API    " + urls.api() + "/v1.0/clip?limit=10");
        out.println("  dashboard    " + urls.api() + "/");
        out.println("  health       " + urls.api() + "/health");
        out.println("  Flink UI     " + urls.flinkUi());
        out.println("  simulator    " + urls.simulator() + "/moments   (the scripted hype moments)");
        out.println("Press Ctrl-C to stop.");
        out.flush();

        // Either a signal runs the hook (and the JVM exits after it) or a part dies on its own.
        String reason = app.failure().join();
        spec.commandLine().getErr().println("streamscout: stopping because " + reason);
        return 1;
    }

    private Map<ConfigKey, String> overrides() {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        overrides.put(ConfigKey.POLL_INTERVAL, DEMO_POLL_INTERVAL.toString());
        overrides.put(ConfigKey.CHAT_TOPIC_PARTITIONS, Integer.toString(DEMO_PARTITIONS));
        overrides.put(ConfigKey.LIFECYCLE_TOPIC_PARTITIONS, Integer.toString(DEMO_PARTITIONS));
        if (dataDir != null) {
            overrides.put(ConfigKey.DATA_DIR, dataDir.toString());
        }
        if (port != null) {
            overrides.put(ConfigKey.HTTP_PORT, port.toString());
        }
        if (kafkaPort != null) {
            overrides.put(ConfigKey.KAFKA_EMBEDDED_PORT, kafkaPort.toString());
        }
        if (flinkUiPort != null) {
            overrides.put(ConfigKey.FLINK_WEB_PORT, flinkUiPort.toString());
        }
        return overrides;
    }
}
