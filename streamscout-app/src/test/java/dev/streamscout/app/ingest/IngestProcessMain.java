package dev.streamscout.app.ingest;

import picocli.CommandLine;

/**
 * Entry point of the child process in {@link IngestCommandTest}: the real command line, with
 * {@code ingest} added when the entry point does not list it yet, and the same exit-code handling.
 */
final class IngestProcessMain {

    private IngestProcessMain() {}

    public static void main(String[] args) {
        CommandLine cli = IngestCommandTest.commandLine();
        System.exit(cli.execute(args));
    }
}
