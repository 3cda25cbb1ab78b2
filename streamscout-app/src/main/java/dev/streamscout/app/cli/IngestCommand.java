package dev.streamscout.app.cli;

import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.app.ingest.StandaloneIngest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamscout ingest}: ingestion alone, against an external Kafka and PostgreSQL. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Runs ingestion alone: Twitch chat and stream status into an external Kafka.",
        description = {
            "Runs ingestion alone (seed 000's stream monitoring service): polls Twitch for live "
                    + "streams, reads their chat and publishes chat messages, chat events and stream lifecycle "
                    + "events to an external Kafka (KAFKA_BOOTSTRAP_SERVERS, required), keeping streamers and "
                    + "viewer_timeseries in PostgreSQL (POSTGRES_URL; without it an H2 file under the data "
                    + "directory, with a warning).",
            "",
            "Needs TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET (an app token lists live streams; chat is "
                    + "read anonymously unless twitch.irc.login is set, then with the token file 'streamscout "
                    + "auth' creates). Serves /health on HEALTH_CHECK_PORT (8080) and Prometheus /metrics on "
                    + "PROMETHEUS_PORT (9100). REDIS_URL keeps the online state in Redis. Every key is in "
                    + "docs/configuration.md.",
            ""
        })
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions logging;

    @Option(names = "--channels", paramLabel = "LOGIN", split = ",",
            description = "Follow these channels (comma-separated logins) instead of the top channels by viewers (TWITCH_CHANNEL).")
    List<String> channels;

    @Option(names = "--health-port", paramLabel = "N",
            description = "Port of /health (default: 8080, HEALTH_CHECK_PORT; 0 switches it off).")
    Integer healthPort;

    @Option(names = "--metrics-port", paramLabel = "N",
            description = "Port of Prometheus /metrics (default: 9100, PROMETHEUS_PORT; 0 switches it off).")
    Integer metricsPort;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the H2 fallback database is kept when POSTGRES_URL is not set (default: ./data).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with settings (default: ./streamscout.properties if present).")
    Path configFile;

    @Override
    public Integer call() {
        StreamScoutConfig config = logging.loadSettings(configFile, overrides());
        PrintWriter out = spec.commandLine().getOut();
        out.println("StreamScout ingest is starting (Kafka " + config.kafkaBootstrapServers().orElse("not set") + ")...");
        out.flush();
        StandaloneIngest ingest = StandaloneIngest.start(config);
        List<String> where = new ArrayList<>();
        ingest.healthUri().ifPresent(uri -> where.add("health       " + uri));
        ingest.metricsUri().ifPresent(uri -> where.add("metrics      " + uri));
        return Foreground.serve(spec, "StreamScout ingest", where, ingest::close, ingest.failure());
    }

    private Map<ConfigKey, String> overrides() {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        if (channels != null && !channels.isEmpty()) {
            overrides.put(ConfigKey.MONITOR_CHANNELS, String.join(",", channels));
        }
        if (healthPort != null) {
            overrides.put(ConfigKey.INGEST_HEALTH_PORT, healthPort.toString());
        }
        if (metricsPort != null) {
            overrides.put(ConfigKey.INGEST_METRICS_PORT, metricsPort.toString());
        }
        if (dataDir != null) {
            overrides.put(ConfigKey.DATA_DIR, dataDir.toString());
        }
        return overrides;
    }
}
