package dev.streamscout.app.cli;

import dev.streamscout.app.StreamScout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The real {@code streamscout} command line run in this JVM, with what it prints kept for the test to read. */
public final class CapturedCommandLine {

    private final Supplier<CommandLine> commandLine;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    public CapturedCommandLine() {
        this(StreamScout::commandLine);
    }

    /** @param commandLine makes the command line each {@link #run} executes */
    public CapturedCommandLine(Supplier<CommandLine> commandLine) {
        this.commandLine = commandLine;
    }

    /** Runs the command line with these arguments; returns its exit code. */
    public int run(String... args) {
        CommandLine cli = commandLine.get();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Everything printed on stdout so far. */
    public String out() {
        return out.toString();
    }

    /** Everything printed on stderr so far. */
    public String err() {
        return err.toString();
    }
}
