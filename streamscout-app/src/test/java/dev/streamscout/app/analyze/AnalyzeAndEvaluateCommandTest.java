package dev.streamscout.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.app.cli.AnalyzeCommand;
import dev.streamscout.app.cli.EvaluateCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code analyze} and {@code evaluate} run from their command lines on small written logs. */
class AnalyzeAndEvaluateCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A tcd log: 15 minutes of two regulars, a crowd of 200 at 12:00, one garbage line. */
    private Path tcdLog(String name) throws IOException {
        StringBuilder log = new StringBuilder();
        for (int s = 0; s < 15 * 60; s++) {
            String t = String.format(Locale.ROOT, "[%d:%02d:%02d]", s / 3600, s / 60 % 60, s % 60);
            log.append(t).append(" <regular").append(s % 2).append("> chatting along\n");
            if (s >= 720 && s < 730) {
                for (int i = 0; i < 20; i++) {
                    log.append(t).append(" <fan").append(s * 100 + i).append("> KEKW KEKW KEKW\n");
                }
            }
        }
        log.append("this is not a chat line\n");
        Path file = dir.resolve(name + ".txt");
        Files.writeString(file, log, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void analyze_writes_a_csv_row_per_moment_and_reports_malformed_lines() throws IOException {
        Path log = tcdLog("vod123");
        Path out = dir.resolve("moments.csv");

        Run r = run(new AnalyzeCommand(), log.toString(), "--output", out.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("vod123: tcd_text").contains("1 malformed");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith("source,channel,peak_offset_s,start_offset_s,end_offset_s,intensity");
        assertThat(lines).hasSize(2);
        List<String> row = DetectionWriter.splitCsv(lines.get(1));
        assertThat(row.get(0)).isEqualTo("vod123");
        assertThat(Long.parseLong(row.get(2))).isBetween(720L, 730L);
        assertThat(row.get(DetectionRow.COLUMNS.indexOf("top_tokens"))).startsWith("kekw");
    }

    @Test
    void analyze_then_evaluate_scores_a_point_label_and_jsonl_works_too() throws IOException {
        Path log = tcdLog("vod123");
        Path out = dir.resolve("moments.jsonl");
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "vod_id,clip_vod_offset_s\nvod123,700\nvod123,100\n");

        assertThat(run(new AnalyzeCommand(), log.toString(), "--output", out.toString(), "--format", "jsonl").exit())
                .isZero();
        Run r = run(new EvaluateCommand(), "--detections", out.toString(), "--labels", labels.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("recall@10: 0.500").contains("recall@all: 0.500");
    }

    @Test
    void interval_labels_use_vod_start_csv_for_logs_with_real_times() throws IOException {
        long start = 1_482_050_827L;
        StringBuilder log = new StringBuilder();
        for (int s = 0; s < 15 * 60; s++) {
            log.append(start + 60 + s).append(" regular").append(s % 2).append(": chatting along\n");
            if (s >= 720 && s < 730) {
                for (int i = 0; i < 20; i++) {
                    log.append(start + 60 + s).append(" fan").append(s * 100 + i).append(": 666666666\n");
                }
            }
        }
        Path file = dir.resolve("VoD_555.txt");
        Files.writeString(file, log);
        Files.writeString(dir.resolve("labels.csv"), "vod_id,start_offset_s,end_offset_s\n555,780,790\n");
        Files.writeString(dir.resolve("vod_start.csv"), "vod_id,vod_start_unix_s\n555," + start + "\n");
        Path out = dir.resolve("m.csv");

        assertThat(run(new AnalyzeCommand(), file.toString(), "--output", out.toString()).exit()).isZero();
        // analyze counted offsets from the first message (60 s after the VOD start); vod_start.csv corrects it.
        Run r = run(new EvaluateCommand(), "--detections", out.toString(), "--labels",
                dir.resolve("labels.csv").toString());

        assertThat(r.out()).contains("precision@1: 1.000").contains("recall@1: 1.000");
    }

    @Test
    void bad_options_and_missing_files_are_clear_errors_not_crashes() throws IOException {
        Path log = tcdLog("v");
        Run badProfile = run(new AnalyzeCommand(), log.toString(), "--output", dir.resolve("x").toString(),
                "--profile", "nope");
        assertThat(badProfile.exit()).isEqualTo(2);
        assertThat(badProfile.err()).contains("unknown profile 'nope'");

        Run missing = run(new AnalyzeCommand(), dir.resolve("absent.txt").toString(), log.toString(), "--output",
                dir.resolve("y").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("skipped");
        assertThat(missing.out()).contains("1 files");

        Files.writeString(dir.resolve("bad-labels.csv"), "what,ever\n1,2\n");
        Run badLabels = run(new EvaluateCommand(), "--detections", dir.resolve("y").toString(), "--labels",
                dir.resolve("bad-labels.csv").toString());
        assertThat(badLabels.exit()).isEqualTo(2);
        assertThat(badLabels.err()).contains("not a label file");
    }

    @Test
    void the_seed_profile_runs_too() throws IOException {
        Path out = dir.resolve("seed.csv");
        Run r = run(new AnalyzeCommand(), tcdLog("s").toString(), "--output", out.toString(), "--profile", "seed");
        assertThat(r.exit()).isZero();
        assertThat(Files.readAllLines(out)).hasSizeGreaterThan(1)
                .allMatch(l -> l.startsWith("source,") || l.contains(",seed,"));
    }
}
