package dev.streamscout.app.cli;

import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.RawConfig;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.app.logging.JsonConsoleLog;
import dev.streamscout.app.logging.LogFormat;
import dev.streamscout.app.logging.LogLineWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --log-format text|json}, shared by every long-running command ({@code @Mixin LogOptions logging;}).
 * The command calls {@link #loadSettings} (or {@link #apply}) first thing, before anything logs.
 */
public final class LogOptions {

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "text (default: human-readable lines on stderr) or json (one JSON object per line on "
                    + "stdout: time, level, service, logger, message, thread, channel, exception), also "
                    + "log.format / STREAMSCOUT_LOG_FORMAT.")
    String format;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * Reads the command's settings (its {@code --config} file or the default one, the environment, then
     * the command's own options in {@code overrides}) and sets up logging from them before anything
     * logs: the format ({@link #apply}) and StreamScout's {@code log.level}.
     *
     * @param configFile the command's {@code --config} file, or null for the default one
     */
    public StreamScoutConfig loadSettings(Path configFile, Map<ConfigKey, String> overrides) {
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(configFile, System.getenv(), overrides));
        apply(configFile);
        Logging.setLevel(config.logLevel());
        return config;
    }

    /**
     * Resolves {@code log.format} (this option, then STREAMSCOUT_LOG_FORMAT, then the properties file) and,
     * for json, switches every logger to JSON lines on stdout and routes the command's own console
     * output through the log, the service being the command's name.
     *
     * @param configFile the command's {@code --config} file, or null for the default one
     */
    public LogFormat apply(Path configFile) {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        if (format != null) {
            overrides.put(ConfigKey.LOG_FORMAT, format);
        }
        LogFormat resolved = LogFormat.from(RawConfig.load(configFile, System.getenv(), overrides));
        if (resolved == LogFormat.JSON) {
            String service = command.name();
            JsonConsoleLog.install(service);
            String logger = "dev.streamscout.app." + service;
            command.commandLine().setOut(new PrintWriter(new LogLineWriter(logger, Level.INFO), true));
            command.commandLine().setErr(new PrintWriter(new LogLineWriter(logger, Level.WARN), true));
        }
        return resolved;
    }
}
