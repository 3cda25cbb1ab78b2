package dev.streamscout.core.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a channel's last seconds of chat ({@link RecentChat}) and turns them into the explanation of
 * a moment: unique chatters, top tokens and emotes, sample lines, cause tags. It also supplies the one
 * per-second signal that needs more than one second: distinct chatters over the last
 * {@link #CHATTER_WINDOW_SECONDS}.
 *
 * <p>Plain Java shared by the Flink operator and offline analysis, so both explain moments alike.
 */
public final class MomentExplainer {

    /** Distinct chatters are counted over this many seconds (the default detector's window). */
    public static final int CHATTER_WINDOW_SECONDS = 30;
    /** Seconds of chat kept: enough to cover the window before a peak and the hold after it. */
    public static final int KEEP_SECONDS = 50;
    /** A cause this long before a moment's start still explains it (a raid's crowd takes a while). */
    public static final long CAUSE_LEAD_MS = 90_000L;
    /** The explanation looks at this many seconds up to the peak and a few after it. */
    static final int EXPLAIN_BEFORE_SECONDS = 10;
    static final int EXPLAIN_AFTER_SECONDS = 5;
    static final int TOP = 5;

    private MomentExplainer() {}

    /**
     * Records a closed second and returns what the detector should see of it, with distinct chatters
     * counted over the last {@link #CHATTER_WINDOW_SECONDS} seconds (this one included).
     */
    public static ChatSecond close(RecentChat recent, SecondBucket bucket) {
        ChatSecond own = bucket.toChatSecond();
        if (bucket.causes != null) {
            for (String cause : bucket.causes) {
                noteCause(recent, bucket.startMs, cause);
            }
        }
        moveOn(recent, bucket.startMs);
        if (own.messages() > 0) {
            bucket.trimForKeeping();
            recent.seconds.add(bucket);
            if (bucket.users != null) {
                for (String user : bucket.users) {
                    recent.windowChatters.merge(user, 1, Integer::sum);
                }
            }
        }
        int windowChatters = own.uniqueChatters() == 0 && own.messages() > 0 ? 0 : recent.windowChatters.size();
        return new ChatSecond(own.startMs(), own.messages(), own.uniqueChatters(), own.emoteMessages(),
                own.loudMessages(), windowChatters);
    }

    /**
     * Records a second in which nothing happened (no chat, no cause): what {@link #close} gives for an
     * empty {@link SecondBucket} of that second, without one. Most seconds of most channels are such.
     */
    public static ChatSecond closeQuiet(RecentChat recent, long startMs) {
        moveOn(recent, startMs);
        return new ChatSecond(startMs, 0, 0, 0, 0, recent.windowChatters.size());
    }

    /** Moves the chatter window, the kept seconds and the kept causes on to end with {@code startMs}'s second. */
    private static void moveOn(RecentChat recent, long startMs) {
        // Seconds leaving the chatter window take their chatters with them (seconds close in order).
        long windowFrom = startMs - (CHATTER_WINDOW_SECONDS - 1) * 1000L;
        for (SecondBucket s : recent.seconds) {
            if (s.startMs >= windowFrom) {
                break;
            }
            if (s.startMs >= recent.windowFromMs && s.users != null) {
                for (String user : s.users) {
                    recent.windowChatters.computeIfPresent(user, (u, n) -> n == 1 ? null : n - 1);
                }
            }
        }
        recent.windowFromMs = windowFrom;
        long keepFrom = startMs - (KEEP_SECONDS - 1) * 1000L;
        while (!recent.seconds.isEmpty() && recent.seconds.get(0).startMs < keepFrom) {
            recent.seconds.remove(0);
        }
        long causesFrom = startMs - KEEP_SECONDS * 1000L - CAUSE_LEAD_MS;
        while (!recent.causeTimes.isEmpty() && recent.causeTimes.get(0) < causesFrom) {
            recent.causeTimes.remove(0);
            recent.causeTags.remove(0);
        }
    }

    /** Notes a structured event's cause tag at a time (events may arrive for seconds already closed). */
    public static void noteCause(RecentChat recent, long atMs, String tag) {
        recent.causeTimes.add(atMs);
        recent.causeTags.add(tag);
    }

    /** What chat said around a detection's peak, from what is still kept. */
    public static Explanation explain(RecentChat recent, Detection detection) {
        long from = detection.peakMs() - (EXPLAIN_BEFORE_SECONDS - 1) * 1000L;
        long to = detection.peakMs() + EXPLAIN_AFTER_SECONDS * 1000L;
        Set<String> chatters = new LinkedHashSet<>();
        Map<String, Integer> tokens = new HashMap<>();
        Map<String, Integer> emotes = new HashMap<>();
        List<SecondBucket> window = new ArrayList<>();
        for (SecondBucket s : recent.seconds) {
            if (s.startMs >= from && s.startMs <= to) {
                window.add(s);
                if (s.users != null) {
                    chatters.addAll(s.users);
                }
                // Words and emotes are read from the kept lines now, for the few seconds ever explained.
                s.tokenCounts().forEach((k, v) -> tokens.merge(k, v, Integer::sum));
                s.emoteCounts().forEach((k, v) -> emotes.merge(k, v, Integer::sum));
            }
        }
        // Samples from the peak second outwards: what chat said when it was loudest.
        window.sort(Comparator.comparingLong((SecondBucket s) -> Math.abs(s.startMs - detection.peakMs()))
                .thenComparingLong(s -> s.startMs));
        List<String> samples = new ArrayList<>();
        for (SecondBucket s : window) {
            for (String line : s.samples()) {
                if (samples.size() < dev.streamscout.core.highlight.Moment.MAX_SAMPLES) {
                    samples.add(line);
                }
            }
        }
        Set<String> causes = new LinkedHashSet<>();
        long causeFrom = Math.min(detection.windowStartMs(), from) - CAUSE_LEAD_MS;
        for (int i = 0; i < recent.causeTimes.size(); i++) {
            long at = recent.causeTimes.get(i);
            if (at >= causeFrom && at <= detection.endMs() + 999) {
                causes.add(recent.causeTags.get(i));
            }
        }
        return new Explanation(chatters.size(), top(tokens), top(emotes), samples, List.copyOf(causes));
    }

    private static List<String> top(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(Map.Entry::getKey).toList();
    }
}
