package dev.streamscout.app.cli;

import dev.streamscout.app.wiring.AllInOne;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Keeps a long-running service in the foreground: prints where it can be reached, stops it cleanly on
 * Ctrl-C or SIGTERM, and ends the process non-zero when a part dies on its own.
 */
final class Foreground {

    private Foreground() {}

    /** An all-in-one process ({@code demo}, {@code run}). */
    static int serve(AllInOne app, CommandSpec spec, String title) {
        AllInOne.Endpoints urls = app.endpoints();
        List<String> where = new ArrayList<>(List.of(
                "clips API    " + urls.api() + "/v1.0/clip?limit=10",
                "dashboard    " + urls.api() + "/",
                "health       " + urls.api() + "/health",
                "Flink UI     " + urls.flinkUi()));
        if (urls.ingestMetrics() != null) {
            where.add("metrics      " + urls.ingestMetrics() + "   (ingest, Prometheus)");
        }
        if (urls.simulator() != null) {
            where.add("simulator    " + urls.simulator() + "/moments   (the scripted hype moments)");
        }
        return serve(spec, title, where, app::close, app.failure());
    }

    /**
     * Installs the shutdown hook that runs {@code stop} (then stops logging), prints "{@code title} is
     * running" with the {@code where} lines, and waits: either a signal runs the hook (and the JVM exits
     * after it) or {@code failure} completes with the reason a part stopped on its own, after which the
     * service is stopped and 1 returned.
     */
    static int serve(CommandSpec spec, String title, List<String> where, Runnable stop,
            CompletableFuture<String> failure) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            Logging.shutdown();
        }, "streamscout-shutdown"));

        PrintWriter out = spec.commandLine().getOut();
        out.println(title + " is running");
        where.forEach(line -> out.println("  " + line));
        out.println("Press Ctrl-C to stop.");
        out.flush();

        String reason = failure.join();
        spec.commandLine().getErr().println("streamscout: stopping because " + reason);
        stop.run();
        return 1;
    }
}
