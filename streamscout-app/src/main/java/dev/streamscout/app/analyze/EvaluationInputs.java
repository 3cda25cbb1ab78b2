package dev.streamscout.app.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@code evaluate} scores: detections ({@code analyze} output, CSV or JSON lines) and a
 * label file in one of the two shapes of {@code shared/eval}: points ({@code vod_id, clip_vod_offset_s})
 * or intervals ({@code vod_id, start_offset_s, end_offset_s}, with an optional {@code vod_start.csv}
 * beside it giving each VOD's start in unix seconds). Unreadable lines are counted, not fatal.
 */
public final class EvaluationInputs {

    /** Epoch milliseconds beyond this are real times, not offsets from zero (September 2001). */
    private static final long EPOCH_MS_FLOOR = 1_000_000_000_000L;

    /** One detection as read, before it is matched with a VOD. */
    public record Row(String source, long peakOffsetS, double intensity, long peakMs, long sourceDurationS) {}

    /** A label file: its shape, its labels, the VOD starts found beside it. */
    public record Labels(boolean intervals, List<Scoring.Label> labels, Map<String, Long> vodStartS, int malformed) {}

    /** Detections as read. */
    public record Detections(List<Row> rows, int malformed) {}

    private EvaluationInputs() {}

    public static Detections readDetections(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        int malformed = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            List<String> header = null;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    if (line.stripLeading().startsWith("{")) {
                        JsonNode n = Json.mapper().readTree(line);
                        rows.add(new Row(n.path("source").asText(), n.get("peak_offset_s").asLong(),
                                n.get("intensity").asDouble(), n.path("peak_ms").asLong(0),
                                n.path("source_duration_s").asLong(-1)));
                    } else if (header == null) {
                        header = DetectionWriter.splitCsv(line.strip());
                    } else {
                        List<String> f = DetectionWriter.splitCsv(line);
                        rows.add(new Row(field(header, f, "source"), Long.parseLong(field(header, f, "peak_offset_s")),
                                Double.parseDouble(field(header, f, "intensity")),
                                longOr(optional(header, f, "peak_ms"), 0), longOr(optional(header, f, "source_duration_s"), -1)));
                    }
                } catch (RuntimeException | IOException e) {
                    malformed++;
                }
            }
        }
        return new Detections(rows, malformed);
    }

    public static Labels readLabels(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException("empty label file " + file);
        }
        List<String> header = DetectionWriter.splitCsv(lines.get(0).strip());
        boolean intervals = header.contains("start_offset_s") && header.contains("end_offset_s");
        if (!intervals && !header.contains("clip_vod_offset_s")) {
            throw new IOException("not a label file (expected vod_id with clip_vod_offset_s, or start_offset_s and"
                    + " end_offset_s): " + file);
        }
        List<Scoring.Label> labels = new ArrayList<>();
        int malformed = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            try {
                List<String> f = DetectionWriter.splitCsv(line.strip());
                String vod = field(header, f, "vod_id");
                if (intervals) {
                    labels.add(new Scoring.Label(vod, Long.parseLong(field(header, f, "start_offset_s")),
                            Long.parseLong(field(header, f, "end_offset_s"))));
                } else {
                    long at = Long.parseLong(field(header, f, "clip_vod_offset_s"));
                    labels.add(new Scoring.Label(vod, at, at));
                }
            } catch (RuntimeException e) {
                malformed++;
            }
        }
        return new Labels(intervals, labels, vodStarts(file.toAbsolutePath().resolveSibling("vod_start.csv")), malformed);
    }

    private static Map<String, Long> vodStarts(Path file) throws IOException {
        Map<String, Long> starts = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return starts;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return starts;
        }
        List<String> header = DetectionWriter.splitCsv(lines.get(0).strip());
        for (String line : lines.subList(1, lines.size())) {
            try {
                List<String> f = DetectionWriter.splitCsv(line.strip());
                starts.put(field(header, f, "vod_id"), Long.parseLong(field(header, f, "vod_start_unix_s")));
            } catch (RuntimeException e) {
                // a bad line in vod_start.csv only loses that VOD's correction
            }
        }
        return starts;
    }

    /**
     * The VOD a detection belongs to: the label VOD id equal to its source, or contained in it as the
     * trailing number ({@code VoD_108244967} is VOD {@code 108244967}); else the source itself.
     */
    public static String vodOf(String source, java.util.Collection<String> vodIds) {
        if (vodIds.contains(source)) {
            return source;
        }
        for (String id : vodIds) {
            if (source.endsWith(id) && (source.length() == id.length()
                    || !Character.isDigit(source.charAt(source.length() - id.length() - 1)))) {
                return id;
            }
        }
        return source;
    }

    /**
     * Detections matched with VODs; a detection with a real peak time (epoch ms) on a VOD whose start
     * is known is placed by that start rather than by the offset analyze computed.
     */
    public static List<Scoring.Detected> match(List<Row> rows, Labels labels) {
        List<String> vodIds = labels.labels().stream().map(Scoring.Label::vod).distinct().toList();
        List<Scoring.Detected> out = new ArrayList<>();
        for (Row r : rows) {
            String vod = vodOf(r.source(), vodIds);
            long offset = r.peakOffsetS();
            Long start = labels.vodStartS().get(vod);
            if (start != null && r.peakMs() > EPOCH_MS_FLOOR) {
                offset = Math.floorDiv(r.peakMs(), 1000L) - start;
            }
            out.add(new Scoring.Detected(vod, offset, r.intensity()));
        }
        return out;
    }

    /** Hours of chat per VOD (from the longest source duration, else the latest peak). */
    public static Map<String, Double> hoursByVod(List<Row> rows, java.util.Collection<String> vods, Labels labels) {
        List<String> vodIds = labels.labels().stream().map(Scoring.Label::vod).distinct().toList();
        Map<String, Double> hours = new LinkedHashMap<>();
        for (Row r : rows) {
            String vod = vodOf(r.source(), vodIds);
            if (vods.contains(vod)) {
                long seconds = r.sourceDurationS() >= 0 ? r.sourceDurationS() : r.peakOffsetS();
                hours.merge(vod, seconds / 3600.0, Math::max);
            }
        }
        return hours;
    }

    private static String field(List<String> header, List<String> fields, String name) {
        int i = header.indexOf(name);
        if (i < 0 || i >= fields.size()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return fields.get(i).strip();
    }

    private static String optional(List<String> header, List<String> fields, String name) {
        int i = header.indexOf(name);
        return i < 0 || i >= fields.size() ? "" : fields.get(i).strip();
    }

    private static long longOr(String text, long fallback) {
        return text.isEmpty() ? fallback : Long.parseLong(text);
    }
}
