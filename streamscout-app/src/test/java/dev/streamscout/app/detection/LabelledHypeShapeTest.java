package dev.streamscout.app.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.chatlog.ChatLog;
import dev.streamscout.core.chatlog.ChatLogOptions;
import dev.streamscout.core.chatlog.ChatLogReader;
import dev.streamscout.sim.world.HypeShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Measures the shape of real chat around the labelled highlights of the kimdoe dev VODs (read with
 * the project's chat-log readers) and checks the figures {@code docs/detection.md} gives: real
 * highlights raise chat 2-7x for tens of seconds, which is why the default profile ranks on 30 s
 * windows, and they are longer and lower than the simulator's specified burst ({@link HypeShape}:
 * 5-20 s at 5-15x). Runs when the evaluation data is there ({@code ../shared/eval} next to the
 * project, or {@code STREAMSCOUT_EVAL_DIR}); skipped with the reason otherwise.
 *
 * <p>Per label L (the clip's VOD offset), with per-second message counts:
 * <ul>
 *   <li>baseline: the mean rate over [L - 330 s, L - 30 s), the five minutes before the highlight;</li>
 *   <li>peak 30 s rate: the busiest 30 s window starting in [L - 30 s, L + 90 s] (the scoring
 *       protocol's hit window), over the baseline;</li>
 *   <li>elevated duration: around the busiest second (by its centred 5 s mean) of that window, the
 *       contiguous seconds whose centred 5 s mean is at least twice the baseline;</li>
 *   <li>elevated multiplier: the mean rate over those seconds, over the baseline.</li>
 * </ul>
 */
class LabelledHypeShapeTest {

    static final int BASELINE_FROM = 330;
    static final int BASELINE_TO = 30;
    static final double ELEVATED = 2.0;

    /** The shape of one labelled highlight. */
    record Shape(String vod, int label, double baseline, double peak30, int duration, double multiplier,
            int elevatedFrom, int elevatedTo) {}

    @Test
    void real_highlights_raise_chat_a_few_times_for_tens_of_seconds() throws IOException {
        Path dir = evalDir().resolve("kimdoe/labelled");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("labels.csv")),
                "no evaluation data at " + dir + " (set STREAMSCOUT_EVAL_DIR): shape of real highlights not measured");
        List<Shape> shapes = new ArrayList<>();
        List<HypeChatProfile> profiles = new ArrayList<>();
        Map<String, List<ChatMessage>> chats = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("labels.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            String vod = fields[0].trim();
            List<ChatMessage> chat = chats.computeIfAbsent(vod, v -> read(dir.resolve(v + ".txt.gz"), v));
            int label = Integer.parseInt(fields[1].trim());
            Shape shape = shape(vod, label, perSecond(chat));
            shapes.add(shape);
            profiles.add(profile(chat, shape));
        }
        shapes.forEach(s -> System.out.printf("  %s at %5d s: baseline %.2f/s, peak 30 s %.2fx, elevated %d s at %.2fx%n",
                s.vod(), s.label(), s.baseline(), s.peak30(), s.duration(), s.multiplier()));
        double[] durations = shapes.stream().mapToDouble(Shape::duration).toArray();
        double[] multipliers = shapes.stream().mapToDouble(Shape::multiplier).toArray();
        double[] peaks = shapes.stream().mapToDouble(Shape::peak30).toArray();
        System.out.printf("labelled highlights: %d; p10 / p50 / p90%n", shapes.size());
        System.out.printf("  elevated duration (5 s mean >= %.0fx), s  %6.1f %6.1f %6.1f%n", ELEVATED,
                percentile(durations, 10), percentile(durations, 50), percentile(durations, 90));
        System.out.printf("  mean rate while elevated, x baseline     %6.2f %6.2f %6.2f%n",
                percentile(multipliers, 10), percentile(multipliers, 50), percentile(multipliers, 90));
        System.out.printf("  peak 30 s rate, x baseline               %6.2f %6.2f %6.2f%n",
                percentile(peaks, 10), percentile(peaks, 50), percentile(peaks, 90));

        for (int i = 0; i < shapes.size(); i++) {
            System.out.printf("  %s at %5d s: %s%n", shapes.get(i).vod(), shapes.get(i).label(),
                    profiles.get(i).describe());
        }
        HypeChatProfile.printPercentiles("who chats in labelled highlights (elevated span vs [L - 330 s, L - 30 s))",
                profiles);

        assertThat(shapes).hasSize(14);
        // The figures docs/detection.md prints (a change in the readers or the data shows here).
        assertThat(percentile(durations, 10)).isCloseTo(6.9, within(0.5));
        assertThat(percentile(durations, 50)).isCloseTo(22.5, within(0.5));
        assertThat(percentile(durations, 90)).isCloseTo(52.7, within(0.5));
        assertThat(percentile(multipliers, 10)).isCloseTo(2.51, within(0.05));
        assertThat(percentile(multipliers, 50)).isCloseTo(3.26, within(0.05));
        assertThat(percentile(multipliers, 90)).isCloseTo(6.62, within(0.05));
        assertThat(percentile(peaks, 10)).isCloseTo(2.00, within(0.05));
        assertThat(percentile(peaks, 50)).isCloseTo(2.95, within(0.05));
        assertThat(percentile(peaks, 90)).isCloseTo(6.90, within(0.05));
        // Real highlights are longer and lower than the simulator's specified burst: the median one
        // lasts longer than its longest burst and rises less than its weakest.
        assertThat(percentile(durations, 50)).isGreaterThan(HypeShape.MAX_DURATION.toSeconds());
        assertThat(percentile(multipliers, 50)).isLessThan(HypeShape.MIN_MULTIPLIER);
    }

    static Path evalDir() {
        String configured = System.getenv("STREAMSCOUT_EVAL_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // Maven runs tests in the module directory; the data sits beside the project.
        return Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/eval");
    }

    /** The chat of one VOD in offset order. */
    static List<ChatMessage> read(Path file, String source) {
        List<ChatMessage> chat = new ArrayList<>();
        try (ChatLog log = ChatLogReader.open(file, new ChatLogOptions(source, 0L))) {
            while (log.hasNext()) {
                ChatMessage m = log.next();
                if (m.timestamp() >= 0) {
                    chat.add(m);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chat.sort(Comparator.comparingLong(ChatMessage::timestamp));
        return chat;
    }

    /** Messages per second of VOD offset. */
    static int[] perSecond(List<ChatMessage> chat) {
        int[] counts = new int[(int) (chat.get(chat.size() - 1).timestamp() / 1000) + 1];
        for (ChatMessage m : chat) {
            counts[(int) (m.timestamp() / 1000)]++;
        }
        return counts;
    }

    /**
     * Who chats around one label: its elevated span (at least the 5 s around the busiest second when
     * nothing stays at twice the baseline) against the same baseline range as the shape.
     */
    static HypeChatProfile profile(List<ChatMessage> chat, Shape shape) {
        long from = shape.elevatedFrom() * 1000L;
        long to = (shape.elevatedTo() + 1) * 1000L;
        // Commands are left out, as the detector never sees them.
        List<ChatMessage> said = chat.stream().filter(m -> !m.isCommand()).toList();
        return HypeChatProfile.measure(said, (shape.label() - BASELINE_FROM) * 1000L,
                (shape.label() - BASELINE_TO) * 1000L, s -> false, from, Math.max(to, from + 5_000), 0L);
    }

    static Shape shape(String vod, int label, int[] counts) {
        double baseline = sum(counts, label - BASELINE_FROM, label - BASELINE_TO) / (double) (BASELINE_FROM - BASELINE_TO);
        int windowStart = label - 30;
        for (int s = label - 30; s <= label + 90; s++) {
            if (sum(counts, s, s + 30) > sum(counts, windowStart, windowStart + 30)) {
                windowStart = s;
            }
        }
        double peak30 = sum(counts, windowStart, windowStart + 30) / 30.0;
        int busiest = windowStart;
        for (int s = windowStart; s < windowStart + 30; s++) {
            if (mean5(counts, s) > mean5(counts, busiest)) {
                busiest = s;
            }
        }
        double bar = ELEVATED * baseline;
        int duration = 0;
        double elevatedMean = 0;
        int from = busiest - 2;
        int to = busiest + 2;
        if (mean5(counts, busiest) >= bar) {
            from = busiest;
            to = busiest;
            while (mean5(counts, from - 1) >= bar) {
                from--;
            }
            while (mean5(counts, to + 1) >= bar) {
                to++;
            }
            duration = to - from + 1;
            elevatedMean = sum(counts, from, to + 1) / (double) duration;
        }
        return new Shape(vod, label, baseline, peak30 / baseline, duration, elevatedMean / baseline, from, to);
    }

    /** Mean rate over the 5 s centred on {@code second}. */
    private static double mean5(int[] counts, int second) {
        return sum(counts, second - 2, second + 3) / 5.0;
    }

    private static long sum(int[] counts, int from, int to) {
        long n = 0;
        for (int s = Math.max(0, from); s < Math.min(counts.length, to); s++) {
            n += counts[s];
        }
        return n;
    }

    /** Linear interpolation between closest ranks (numpy's default). */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = p / 100.0 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }
}
