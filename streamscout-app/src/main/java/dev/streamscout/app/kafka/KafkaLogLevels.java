package dev.streamscout.app.kafka;

import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Turns Kafka's own logging down to WARN: at INFO the broker prints hundreds of lines per start
 * (every config value, every partition state change) that drown StreamScout's log.
 *
 * <p>A logger the user configured explicitly (log4j2.xml naming {@code kafka} or
 * {@code org.apache.kafka}) is left alone, so anyone debugging Kafka can still turn it up.
 */
final class KafkaLogLevels {

    private static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");

    private KafkaLogLevels() {}

    static void quietUnlessConfigured() {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return; // another logging backend: its own configuration decides
        }
        Configuration configuration = context.getConfiguration();
        for (String name : KAFKA_LOGGERS) {
            if (!configuration.getLoggers().containsKey(name)) {
                Configurator.setLevel(name, Level.WARN);
            }
        }
    }
}
