package dev.streamscout.app.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/** The few things the CLI changes about logging at run time. */
final class Logging {

    private Logging() {}

    /** Applies {@code log.level} to StreamScout's own loggers; the engines stay at WARN. */
    static void setLevel(String level) {
        Configurator.setLevel("dev.streamscout", Level.valueOf(level));
    }

    /** Flushes and stops logging; called last in the shutdown hook (log4j's own hook is disabled). */
    static void shutdown() {
        LogManager.shutdown();
    }
}
