package dev.streamscout.app.cli;

import dev.streamscout.app.analyze.EvaluationInputs;
import dev.streamscout.app.analyze.Scoring;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamscout evaluate}: scores {@code analyze} output against labels (protocol of shared/eval). */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Scores detected moments against highlight labels.",
        description = {
            "Point labels (vod_id, clip_vod_offset_s): recall@5, recall@10, recall@all and detections per hour; "
                    + "a label at L is hit by a peak in [L-30 s, L+90 s]. Interval labels (vod_id, start_offset_s, "
                    + "end_offset_s; vod_start.csv beside them is used): precision@N and recall@N over the top N "
                    + "detections, N = number of intervals; an interval [S, E] is hit by a peak in [S-10 s, E+45 s].",
            ""
        })
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--detections", required = true, paramLabel = "FILE", description = "analyze output (CSV or JSON lines).")
    Path detections;

    @Option(names = "--labels", required = true, paramLabel = "FILE", description = "Label CSV file.")
    Path labels;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EvaluationInputs.Detections read;
        EvaluationInputs.Labels labelSet;
        try {
            read = EvaluationInputs.readDetections(detections);
            labelSet = EvaluationInputs.readLabels(labels);
        } catch (IOException e) {
            err.println("evaluate: " + e.getMessage());
            return 2;
        }
        List<Scoring.Detected> matched = EvaluationInputs.match(read.rows(), labelSet);
        Set<String> vods = labelSet.labels().stream().map(Scoring.Label::vod).collect(Collectors.toCollection(TreeSet::new));
        if (labelSet.intervals()) {
            Scoring.IntervalScores s = Scoring.intervals(matched, labelSet.labels());
            out.printf(Locale.ROOT, "intervals: %d, detections: %d, top N: %d%n", s.intervals(), s.detections(), s.n());
            out.printf(Locale.ROOT, "precision@%d: %.3f%n", s.intervals(), s.precisionAtN());
            out.printf(Locale.ROOT, "recall@%d: %.3f%n", s.intervals(), s.recallAtN());
        } else {
            Scoring.PointScores s = Scoring.points(matched, labelSet.labels(),
                    EvaluationInputs.hoursByVod(read.rows(), vods, labelSet));
            out.printf(Locale.ROOT, "labels: %d on %d VODs, detections: %d over %.2f h%n", s.labels(), vods.size(),
                    s.detections(), s.hours());
            out.printf(Locale.ROOT, "recall@5: %.3f%n", s.recallAt5());
            out.printf(Locale.ROOT, "recall@10: %.3f%n", s.recallAt10());
            out.printf(Locale.ROOT, "recall@all: %.3f%n", s.recallAtAll());
            out.printf(Locale.ROOT, "detections per hour: %.2f%n", s.detectionsPerHour());
            Set<String> others = matched.stream().map(Scoring.Detected::vod).filter(v -> !vods.contains(v))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!others.isEmpty()) {
                var hours = EvaluationInputs.hoursByVod(read.rows(), others, labelSet);
                double h = hours.values().stream().mapToDouble(Double::doubleValue).sum();
                long n = matched.stream().filter(d -> others.contains(d.vod())).count();
                out.printf(Locale.ROOT, "unlabelled sources: %d, detections per hour there: %.2f%n", others.size(),
                        h > 0 ? n / h : 0.0);
            }
        }
        if (read.malformed() + labelSet.malformed() > 0) {
            out.printf(Locale.ROOT, "skipped %d malformed detection lines and %d malformed label lines%n",
                    read.malformed(), labelSet.malformed());
        }
        out.flush();
        return 0;
    }
}
