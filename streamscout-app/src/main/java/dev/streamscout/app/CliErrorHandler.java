package dev.streamscout.app;

import dev.streamscout.app.config.ConfigException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr and a non-zero exit code. Configuration mistakes
 * (exit 2) name the setting and the fix; anything else (exit 1) keeps its stack trace in the log.
 */
final class CliErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof ConfigException) {
            cmd.getErr().println("streamscout: " + e.getMessage());
            return 2;
        }
        org.slf4j.LoggerFactory.getLogger(StreamScout.class).error("{} failed", cmd.getCommandName(), e);
        cmd.getErr().println("streamscout: " + cmd.getCommandName() + " failed: " + e.getMessage());
        return 1;
    }
}
