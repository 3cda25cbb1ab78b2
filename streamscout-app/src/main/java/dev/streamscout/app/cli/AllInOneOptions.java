package dev.streamscout.app.cli;

import dev.streamscout.app.config.ConfigKey;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the commands that run everything in one JVM ({@code demo}, {@code run}). */
public final class AllInOneOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where Kafka, the database and the demo token file are kept (default: ./data).")
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

    /** Adds the options the user gave to {@code overrides}, which then win over every other source. */
    void addTo(Map<ConfigKey, String> overrides) {
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
    }

    Path configFile() {
        return configFile;
    }
}
