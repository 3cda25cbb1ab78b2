package dev.streamscout.app.cli;

import dev.streamscout.app.analyze.ChatFileAnalyzer;
import dev.streamscout.app.analyze.DetectionRow;
import dev.streamscout.app.analyze.DetectionWriter;
import dev.streamscout.app.analyze.DetectorProfiles;
import dev.streamscout.app.analyze.ProgressBar;
import dev.streamscout.core.detect.SpikeDetector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamscout analyze}: runs the detector over recorded chat files and writes the moments found. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Runs the highlight detector over recorded chat files.",
        description = {
            "Reads recorded chat (tcd text, rechat text, v5/TwitchDownloader JSON, GQL JSON, plain offset logs, "
                    + "JSON lines of ChatMessage; gzip or not; the format is recognised), runs the same detector as "
                    + "the live job in event-time order and writes one line per moment.",
            ""
        })
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Chat log files.")
    List<Path> files;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Where to write the moments.")
    Path output;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|jsonl",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--profile", defaultValue = "default", paramLabel = "seed|default",
            description = "Detector profile (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--vod-start", paramLabel = "EPOCH_S",
            description = "VOD start in unix seconds: offset logs get real times, and offsets of logs with real "
                    + "times are counted from it (default: the log's own zero, or its first message).")
    Long vodStart;

    @Option(names = "--threshold", paramLabel = "X",
            description = "Overrides the profile's threshold (k for seed), for tuning.")
    Double threshold;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DetectionWriter.Format outputFormat;
        SpikeDetector<?> detector;
        try {
            outputFormat = DetectionWriter.Format.valueOf(format.toUpperCase(Locale.ROOT));
            detector = DetectorProfiles.byName(profile, threshold);
        } catch (IllegalArgumentException e) {
            err.println("analyze: " + (e.getMessage().startsWith("No enum") ? "unknown format '" + format
                    + "' (csv or jsonl)" : e.getMessage()));
            return 2;
        }
        ChatFileAnalyzer analyzer = new ChatFileAnalyzer(detector, vodStart);
        ProgressBar progress = ProgressBar.forTerminal(files.size());
        long started = System.nanoTime();
        long messages = 0;
        long malformed = 0;
        long late = 0;
        int moments = 0;
        int failedFiles = 0;
        try (DetectionWriter writer = new DetectionWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8),
                outputFormat)) {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                String source = ChatFileAnalyzer.sourceName(file);
                int index = i;
                ChatFileAnalyzer.Result result;
                try {
                    result = analyzer.analyze(file, n -> progress.update(index, source, n));
                } catch (IOException e) {
                    progress.done();
                    err.println("analyze: skipped " + file + ": " + e.getMessage());
                    failedFiles++;
                    continue;
                }
                for (DetectionRow row : result.rows()) {
                    writer.write(row);
                }
                messages += result.messages();
                malformed += result.malformed();
                late += result.late();
                moments += result.rows().size();
                progress.done();
                out.printf(Locale.ROOT, "%s: %s, %d messages, %d moments, %d malformed, %d late%n", source,
                        result.format().name().toLowerCase(Locale.ROOT), result.messages(), result.rows().size(),
                        result.malformed(), result.late());
            }
        }
        progress.done();
        out.printf(Locale.ROOT, "%d files, %d messages, %d moments (profile %s) in %.1f s; %d malformed lines"
                        + " skipped, %d late messages; written to %s%n",
                files.size() - failedFiles, messages, moments, detector.profile(),
                (System.nanoTime() - started) / 1e9, malformed, late, output);
        out.flush();
        return failedFiles == 0 ? 0 : 1;
    }
}
