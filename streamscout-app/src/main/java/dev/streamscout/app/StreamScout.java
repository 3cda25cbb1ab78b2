package dev.streamscout.app;

import dev.streamscout.app.cli.AnalyzeCommand;
import dev.streamscout.app.cli.ApiCommand;
import dev.streamscout.app.cli.AuthCommand;
import dev.streamscout.app.cli.EvaluateCommand;
import dev.streamscout.app.cli.DemoCommand;
import dev.streamscout.app.cli.IngestCommand;
import dev.streamscout.app.cli.JobCommand;
import dev.streamscout.app.cli.RunCommand;
import dev.streamscout.app.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the jar: {@code streamscout <command>}. */
@Command(
        name = "streamscout",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Watches live Twitch chat, detects the moments where it erupts and clips them.",
            "",
            "Start with 'streamscout demo': the whole pipeline on this machine against a built-in Twitch"
                    + " simulator, no account or network needed. 'streamscout COMMAND --help' tells more.",
            ""
        },
        subcommands = {DemoCommand.class, RunCommand.class, IngestCommand.class, JobCommand.class, ApiCommand.class,
            AuthCommand.class,
            AnalyzeCommand.class, EvaluateCommand.class, CommandLine.HelpCommand.class})
public final class StreamScout implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new StreamScout())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new CliErrorHandler());
    }

    @Override
    public void run() {
        // No command given: show what there is rather than doing something surprising.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
