package dev.streamscout.app.kafka;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and on which ports the in-process Kafka broker runs.
 *
 * @param logDir         the broker's data directory ({@code <data-dir>/kafka}); formatted on first start
 *                       and reused, with its cluster id and data, on every later start
 * @param port           client (PLAINTEXT) port on 127.0.0.1; 0 picks a free port
 * @param controllerPort KRaft controller port on 127.0.0.1; 0 picks a free port
 */
public record EmbeddedKafkaSettings(Path logDir, int port, int controllerPort) {

    /** The port clients use in the all-in-one mode. */
    public static final int DEFAULT_PORT = 9092;

    public EmbeddedKafkaSettings {
        Objects.requireNonNull(logDir, "logDir");
        checkPort("port", port);
        checkPort("controllerPort", controllerPort);
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException(
                    "port and controllerPort must differ, both are " + port);
        }
    }

    /** The all-in-one defaults: port 9092 and a free controller port. */
    public static EmbeddedKafkaSettings defaults(Path logDir) {
        return new EmbeddedKafkaSettings(logDir, DEFAULT_PORT, 0);
    }

    /** Both ports picked free: what tests use. */
    public static EmbeddedKafkaSettings onFreePorts(Path logDir) {
        return new EmbeddedKafkaSettings(logDir, 0, 0);
    }

    private static void checkPort(String name, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(name + " must be between 0 and 65535, was " + value);
        }
    }
}
