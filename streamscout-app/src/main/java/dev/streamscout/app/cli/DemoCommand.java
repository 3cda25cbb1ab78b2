package dev.streamscout.app.cli;

import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.app.wiring.AllInOne;
import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimulatorSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamscout demo}: the whole pipeline in one JVM against the built-in Twitch simulator. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Runs everything in one JVM against a built-in Twitch simulator (no account needed).",
        description = {
            "Runs the whole pipeline in this JVM against a built-in Twitch simulator: no account or "
                    + "network needed. Starts the simulator, an embedded Kafka broker, the Flink job (Web UI), an"
                    + " H2 database, ingest and the API, prints their URLs and runs until Ctrl-C or SIGTERM.",
            ""
        })
public final class DemoCommand implements Callable<Integer> {

    /** The demo is about seeing results soon: poll the simulated Get Streams every few seconds. */
    static final Duration DEMO_POLL_INTERVAL = Duration.ofSeconds(5);

    /**
     * The demo is watched for a minute or two, so a channel may fire once its 30 s window has filled,
     * not after the default profile's 5 minute warm-up (which exists so that a live channel's baseline
     * is known before it is judged). The price is a rougher baseline in the first minutes: moments right
     * after start are a little easier to trigger than in production.
     */
    static final Duration DEMO_WARMUP = Duration.ofSeconds(30);

    /**
     * The opening hype: after the warm-up, an unmistakable one (15 times the rate for 20 s), the
     * strongest of the hypes the simulator plans by itself ({@code HypeShape}: 5-20 s at 5-15 times),
     * so the demo shows a clip at once.
     */
    static final Duration OPENING_HYPE_AFTER = Duration.ofSeconds(45);
    static final Duration OPENING_HYPE_LENGTH = Duration.ofSeconds(20);
    static final double OPENING_HYPE_MULTIPLIER = 15;

    /** One JVM on a laptop does not need the production partition counts. */
    static final int DEMO_PARTITIONS = 4;

    @Spec
    CommandSpec spec;

    @Mixin
    AllInOneOptions options;

    @Mixin
    LogOptions logging;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the simulated world, so a demo can be repeated (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        StreamScoutConfig config = logging.loadSettings(options.configFile(), overrides());

        PrintWriter out = spec.commandLine().getOut();
        out.println("StreamScout demo is starting (data directory " + config.dataDir().toAbsolutePath().normalize()
                + ")...");
        out.flush();
        AllInOne app = AllInOne.startDemo(config, SimulatorSettings.defaults().withSeed(seed));
        // The simulator's own hype moments come at random strengths; one unmistakable hype a minute in
        // lets a newcomer see the whole path (chat, moment, clip) without waiting for a strong one.
        SimChannel top = app.simulator().channels().get(0);
        app.simulator().scheduleHype(top.login(), Instant.now().plus(OPENING_HYPE_AFTER), OPENING_HYPE_LENGTH,
                OPENING_HYPE_MULTIPLIER);

        return Foreground.serve(app, spec, "StreamScout demo");
    }

    private Map<ConfigKey, String> overrides() {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        overrides.put(ConfigKey.POLL_INTERVAL, DEMO_POLL_INTERVAL.toString());
        overrides.put(ConfigKey.DETECTOR_WARMUP, DEMO_WARMUP.toString());
        overrides.put(ConfigKey.CHAT_TOPIC_PARTITIONS, Integer.toString(DEMO_PARTITIONS));
        overrides.put(ConfigKey.LIFECYCLE_TOPIC_PARTITIONS, Integer.toString(DEMO_PARTITIONS));
        // A channel that leaves the simulated top ranks goes offline after three missed polls, not six minutes.
        overrides.put(ConfigKey.MONITOR_ONLINE_TTL, DEMO_POLL_INTERVAL.multipliedBy(3).toString());
        options.addTo(overrides);
        return overrides;
    }
}
