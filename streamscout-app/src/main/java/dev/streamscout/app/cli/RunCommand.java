package dev.streamscout.app.cli;

import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.app.wiring.AllInOne;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamscout run}: the all-in-one pipeline against real Twitch. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Runs everything in one JVM against Twitch.",
        description = {
            "Runs the whole pipeline in this JVM against Twitch: embedded Kafka, the Flink job, an H2 "
                    + "database (or PostgreSQL with POSTGRES_URL), ingest and the API.",
            "",
            "Needs TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET (an app token lists live streams; chat is "
                    + "read anonymously). Clips need the user token file (TWITCH_TOKEN_FILE, default "
                    + "./secrets/twitch_user_tokens.json) that 'streamscout auth' creates; without it, moments "
                    + "are stored without clips. Every Twitch endpoint is configurable (docs/configuration.md).",
            ""
        })
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AllInOneOptions options;

    @Mixin
    LogOptions logging;

    @Option(names = "--channels", paramLabel = "LOGIN", split = ",",
            description = "Follow these channels (comma-separated logins) instead of the top channels by viewers (TWITCH_CHANNEL).")
    List<String> channels;

    @Override
    public Integer call() {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        options.addTo(overrides);
        if (channels != null && !channels.isEmpty()) {
            overrides.put(ConfigKey.MONITOR_CHANNELS, String.join(",", channels));
        }
        StreamScoutConfig config = logging.loadSettings(options.configFile(), overrides);
        return Foreground.serve(AllInOne.startRun(config), spec, "StreamScout");
    }
}
