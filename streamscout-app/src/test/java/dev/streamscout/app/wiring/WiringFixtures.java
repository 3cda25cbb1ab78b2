package dev.streamscout.app.wiring;

import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.RawConfig;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.sim.TwitchSimulator;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Settings for running the all-in-one wiring ({@link AllInOne}) inside a test. */
public final class WiringFixtures {

    private WiringFixtures() {}

    /**
     * Everything under {@code dataDir} and every port the wiring opens picked free, so tests never
     * collide with each other or with a running StreamScout. Returned mutable, for a test to add to.
     */
    public static Map<ConfigKey, String> onFreePorts(Path dataDir) {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        overrides.put(ConfigKey.DATA_DIR, dataDir.toString());
        overrides.put(ConfigKey.HTTP_PORT, "0");
        overrides.put(ConfigKey.KAFKA_EMBEDDED_PORT, "0");
        overrides.put(ConfigKey.FLINK_WEB_PORT, "0");
        overrides.put(ConfigKey.FLINK_PROMETHEUS_PORT, "0");
        overrides.put(ConfigKey.INGEST_HEALTH_PORT, "0");
        overrides.put(ConfigKey.INGEST_METRICS_PORT, "0");
        return overrides;
    }

    /** The Twitch endpoints (Helix, OAuth, chat over plain TCP) pointed at {@code sim}. Returned mutable. */
    public static Map<ConfigKey, String> twitchAt(TwitchSimulator sim) {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        overrides.put(ConfigKey.TWITCH_HELIX_URL, sim.helixBase().toString());
        overrides.put(ConfigKey.TWITCH_OAUTH_URL, sim.oauthBase().toString());
        overrides.put(ConfigKey.TWITCH_IRC_TRANSPORT, "tcp");
        overrides.put(ConfigKey.TWITCH_IRC_HOST, sim.host());
        overrides.put(ConfigKey.TWITCH_IRC_PORT, Integer.toString(sim.ircPort()));
        return overrides;
    }

    /**
     * The demo's settings for a test that schedules its own hype: polls every 2 s, 4 chat partitions, and
     * the default profile's 5 minute warm-up shortened as the demo does (see DemoCommand). Right after
     * the warm-up the baseline still carries the window's fill-up, so ordinary chat can reach an
     * intensity of about 2; at a threshold of 4 only a real burst fires, so a moment found is the hype's.
     */
    public static StreamScoutConfig demo(Path dataDir) {
        Map<ConfigKey, String> overrides = onFreePorts(dataDir);
        overrides.put(ConfigKey.POLL_INTERVAL, "2");
        overrides.put(ConfigKey.CHAT_TOPIC_PARTITIONS, "4");
        overrides.put(ConfigKey.LIFECYCLE_TOPIC_PARTITIONS, "2");
        overrides.put(ConfigKey.DETECTOR_WARMUP, "PT30S");
        overrides.put(ConfigKey.DETECTOR_THRESHOLD, "4");
        return StreamScoutConfig.from(RawConfig.load(null, Map.of(), overrides));
    }
}
