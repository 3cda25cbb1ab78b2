package dev.streamscout.app.cli;

import dev.streamscout.app.wiring.AllInOne;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Keeps an all-in-one process in the foreground: prints where it can be reached, stops it cleanly on
 * Ctrl-C or SIGTERM, and ends the process non-zero when a part dies on its own.
 */
final class Foreground {

    private Foreground() {}

    static int serve(AllInOne app, CommandSpec spec, String title) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            Logging.shutdown();
        }, "streamscout-shutdown"));

        AllInOne.Endpoints urls = app.endpoints();
        PrintWriter out = spec.commandLine().getOut();
        out.println(title + " is running");
        out.println("  clips API    " + urls.api() + "/v1.0/clip?limit=10");
        out.println("  dashboard    " + urls.api() + "/");
        out.println("  health       " + urls.api() + "/health");
        out.println("  Flink UI     " + urls.flinkUi());
        if (urls.ingestMetrics() != null) {
            out.println("  metrics      " + urls.ingestMetrics() + "   (ingest, Prometheus)");
        }
        if (urls.simulator() != null) {
            out.println("  simulator    " + urls.simulator() + "/moments   (the scripted hype moments)");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();

        // Either a signal runs the hook (and the JVM exits after it) or a part dies on its own.
        String reason = app.failure().join();
        spec.commandLine().getErr().println("streamscout: stopping because " + reason);
        return 1;
    }
}
