package dev.streamscout.app.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring protocol of {@code shared/eval/README.md}, as pure functions over detections and labels.
 *
 * <ul>
 *   <li>Point labels (a clip's start L): hit by a peak in {@code [L - 30 s, L + 90 s]}; per VOD the
 *       detections are ranked by intensity; recall@5, recall@10 and recall@all over all labels, and
 *       detections per hour.
 *   <li>Interval labels {@code [S, E]}: hit by a peak in {@code [S - 10 s, E + 45 s]}; over the top N
 *       detections of a VOD by intensity (N = its number of intervals, 31 for kappa): precision@N and recall@N.
 * </ul>
 */
public final class Scoring {

    public static final long POINT_BEFORE_S = 30;
    public static final long POINT_AFTER_S = 90;
    public static final long INTERVAL_BEFORE_S = 10;
    public static final long INTERVAL_AFTER_S = 45;

    /** A detection as scoring sees it. */
    public record Detected(String vod, long peakOffsetS, double intensity) {}

    /** A label: a point when {@code start == end}, for point-shaped label files. */
    public record Label(String vod, long startS, long endS) {}

    /** Point-label metrics. */
    public record PointScores(int labels, double recallAt5, double recallAt10, double recallAtAll,
            int detections, double hours, double detectionsPerHour) {}

    /** Interval-label metrics; {@code n} is how many top detections were looked at. */
    public record IntervalScores(int intervals, int n, double precisionAtN, double recallAtN, int detections) {}

    private Scoring() {}

    /**
     * @param hoursByVod length of each labelled VOD in hours (detections per hour counts these VODs only)
     */
    public static PointScores points(List<Detected> detections, List<Label> labels, Map<String, Double> hoursByVod) {
        Map<String, List<Detected>> ranked = rankedByVod(detections);
        int at5 = 0;
        int at10 = 0;
        int atAll = 0;
        for (Label label : labels) {
            List<Detected> vod = ranked.getOrDefault(label.vod(), List.of());
            int rank = firstHit(vod, label.startS() - POINT_BEFORE_S, label.startS() + POINT_AFTER_S);
            if (rank >= 0) {
                atAll++;
                at5 += rank < 5 ? 1 : 0;
                at10 += rank < 10 ? 1 : 0;
            }
        }
        int count = 0;
        double hours = 0;
        for (Map.Entry<String, Double> vod : hoursByVod.entrySet()) {
            count += ranked.getOrDefault(vod.getKey(), List.of()).size();
            hours += vod.getValue();
        }
        int n = labels.size();
        return new PointScores(n, ratio(at5, n), ratio(at10, n), ratio(atAll, n), count, hours,
                hours > 0 ? count / hours : 0);
    }

    public static IntervalScores intervals(List<Detected> detections, List<Label> labels) {
        Map<String, List<Detected>> ranked = rankedByVod(detections);
        Map<String, List<Label>> byVod = new LinkedHashMap<>();
        labels.forEach(l -> byVod.computeIfAbsent(l.vod(), k -> new ArrayList<>()).add(l));
        int looked = 0;
        int hits = 0;
        int found = 0;
        int count = 0;
        for (Map.Entry<String, List<Label>> vod : byVod.entrySet()) {
            List<Detected> all = ranked.getOrDefault(vod.getKey(), List.of());
            count += all.size();
            List<Detected> top = all.subList(0, Math.min(all.size(), vod.getValue().size()));
            looked += top.size();
            for (Detected d : top) {
                if (vod.getValue().stream().anyMatch(l -> hitsInterval(d, l))) {
                    hits++;
                }
            }
            for (Label l : vod.getValue()) {
                if (top.stream().anyMatch(d -> hitsInterval(d, l))) {
                    found++;
                }
            }
        }
        return new IntervalScores(labels.size(), looked, ratio(hits, looked), ratio(found, labels.size()), count);
    }

    static boolean hitsInterval(Detected d, Label l) {
        return d.peakOffsetS() >= l.startS() - INTERVAL_BEFORE_S && d.peakOffsetS() <= l.endS() + INTERVAL_AFTER_S;
    }

    /** Index of the best-ranked detection with a peak in [from, to], or -1. */
    private static int firstHit(List<Detected> ranked, long from, long to) {
        for (int i = 0; i < ranked.size(); i++) {
            long p = ranked.get(i).peakOffsetS();
            if (p >= from && p <= to) {
                return i;
            }
        }
        return -1;
    }

    /** Detections per VOD, strongest first; ties broken by time so that ranking is deterministic. */
    private static Map<String, List<Detected>> rankedByVod(List<Detected> detections) {
        Map<String, List<Detected>> byVod = new LinkedHashMap<>();
        detections.forEach(d -> byVod.computeIfAbsent(d.vod(), k -> new ArrayList<>()).add(d));
        byVod.values().forEach(list -> list.sort(Comparator.comparingDouble(Detected::intensity).reversed()
                .thenComparingLong(Detected::peakOffsetS)));
        return byVod;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }
}
