package dev.streamscout.app.cli;

import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.app.wiring.StandaloneApi;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamscout api}: the REST API and dashboard alone, against PostgreSQL. */
@Command(
        name = "api",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Runs the REST API and dashboard alone, against PostgreSQL.",
        description = {
            "Serves /v1.0/clip, /health, /metrics, /openapi.yaml, /docs and the dashboard from what the Flink job "
                    + "stored in PostgreSQL (POSTGRES_URL, required). With KAFKA_BOOTSTRAP_SERVERS set, the live "
                    + "page is fed from the live-updates and stream-lifecycle topics and /health also reports Kafka. "
                    + "Listens on HTTP_PORT (5000). Several can run behind a load balancer.",
            "",
            "Ctrl-C or SIGTERM stops it within 10 s, letting requests in flight finish. Every key is in "
                    + "docs/configuration.md.",
            ""
        })
public final class ApiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions logging;

    @Option(names = "--port", paramLabel = "N", description = "Port of the API and page (default: 5000, HTTP_PORT).")
    Integer port;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with settings (default: ./streamscout.properties if present).")
    Path configFile;

    @Override
    public Integer call() {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        if (port != null) {
            overrides.put(ConfigKey.HTTP_PORT, port.toString());
        }
        StreamScoutConfig config = logging.loadSettings(configFile, overrides);
        StandaloneApi api = StandaloneApi.start(config);
        // The server's threads keep serving and no part of it stops on its own: only a signal (running
        // the hook) ends the process, so the failure never comes.
        return Foreground.serve(spec, "StreamScout API", List.of(
                "clips API    " + api.baseUri() + "/v1.0/clip?limit=10",
                "dashboard    " + api.baseUri() + "/",
                "health       " + api.baseUri() + "/health"), api::close, new CompletableFuture<>());
    }
}
