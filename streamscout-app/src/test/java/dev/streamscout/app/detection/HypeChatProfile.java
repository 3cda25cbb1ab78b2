package dev.streamscout.app.detection;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.ChatSignals;
import dev.streamscout.sim.chat.EmoteCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/**
 * Who chats in a hype and what they write, against the minutes before it: the figures that tell real
 * highlights and the simulator's scripted hypes apart for a detector whose main signal is distinct
 * chatters (over 30 s) plus loud messages. Used on the labelled real chat
 * ({@link LabelledHypeShapeTest}) and on the simulator's chat ({@link SimulatedHypeDetectionTest}), so
 * that both are measured the same way.
 *
 * <p>All multipliers are "hype over baseline": the baseline is every second of the baseline range
 * that the caller does not exclude (the simulator excludes its other hypes). A trailing window of
 * {@code w} s at second {@code t} holds the messages of {@code (t - w, t]}; its hype value is the
 * busiest such window ending in {@code [hype start, hype end + w)} (what a detector's window sees at
 * its peak), its baseline value the mean over the baseline seconds.
 *
 * @param messages    mean message rate in the hype over the baseline's
 * @param messages30  busiest trailing 30 s message count over the baseline mean
 * @param chatters1   mean distinct chatters per second in the hype over the baseline's
 * @param chatters10  busiest trailing 10 s distinct chatters over the baseline mean
 * @param chatters30  busiest trailing 30 s distinct chatters over the baseline mean
 * @param activity30  the default detector's activity (distinct chatters + loud messages in the
 *                    trailing 30 s), busiest over baseline mean
 * @param newShare5   share of hype messages from users who did not write in the 5 min before the message
 * @param newShare10  the same for 10 min
 * @param baseNew5    share of baseline messages from users who did not write in the 5 min before
 * @param baseNew10   the same for 10 min
 * @param loud        share of hype messages that are loud ({@link ChatSignals#isLoud})
 * @param baseLoud    share of baseline messages that are loud
 * @param emote       share of hype messages with at least one emote ({@link #hasEmote})
 * @param baseEmote   share of baseline messages with an emote
 */
record HypeChatProfile(double messages, double messages30, double chatters1, double chatters10, double chatters30,
        double activity30, double newShare5, double newShare10, double baseNew5, double baseNew10,
        double loud, double baseLoud, double emote, double baseEmote) {

    private static final long SECOND = 1000L;
    private static final long MINUTE = 60 * SECOND;
    /**
     * Text logs carry no emote tags, so an emote is also recognised by its shape: a subscriber emote
     * code is a lower-case prefix then a capital ("kimdoePE", "ddolRage"), as Twitch makes them.
     */
    private static final Pattern SUB_EMOTE = Pattern.compile("[a-z][a-z0-9]{2,}[A-Z][A-Za-z0-9]*");
    private static final Set<String> NAMED_EMOTES = new HashSet<>(List.of(
            "LUL", "Kappa", "PogChamp", "Kreygasm", "BibleThump", "ResidentSleeper", "4Head", "DansGame",
            "WutFace", "NotLikeThis", "SeemsGood", "BabyRage", "SwiftRage", "CurseLit", "FailFish", "Jebaited",
            "KEKW", "OMEGALUL", "Pog", "POGGERS", "PogU", "Sadge", "monkaS", "PepeLaugh", "EZ", "Clap"));

    static {
        EmoteCatalog.GLOBAL.forEach(e -> NAMED_EMOTES.add(e.name()));
        NAMED_EMOTES.addAll(EmoteCatalog.THIRD_PARTY);
    }

    /** Column names for {@link #row()}, in order. */
    static final List<String> COLUMNS = List.of("msg x", "msg30 x", "chat1 x", "chat10 x", "chat30 x", "act30 x",
            "new5", "new10", "base new5", "base new10", "loud", "base loud", "emote", "base emote");

    double[] row() {
        return new double[] {messages, messages30, chatters1, chatters10, chatters30, activity30, newShare5,
                newShare10, baseNew5, baseNew10, loud, baseLoud, emote, baseEmote};
    }

    /**
     * Measures one hype.
     *
     * @param chat         one channel's chat in timestamp order, commands already removed
     * @param baseFromMs   baseline range start (inclusive)
     * @param baseToMs     baseline range end (exclusive)
     * @param excluded     baseline seconds (by start ms) to leave out
     * @param hypeFromMs   hype start (inclusive)
     * @param hypeToMs     hype end (exclusive)
     * @param historyFromMs first instant the chat is known from: a "new chatter" share only counts
     *                     messages whose whole look-back lies after it (NaN when none does)
     */
    static HypeChatProfile measure(List<ChatMessage> chat, long baseFromMs, long baseToMs, LongPredicate excluded,
            long hypeFromMs, long hypeToMs, long historyFromMs) {
        long origin = Math.floorDiv(Math.min(baseFromMs, hypeFromMs) - 10 * MINUTE, SECOND) * SECOND;
        int seconds = (int) ((hypeToMs + 30 * SECOND - origin) / SECOND) + 1;
        List<List<ChatMessage>> bySecond = new ArrayList<>(seconds);
        for (int i = 0; i < seconds; i++) {
            bySecond.add(new ArrayList<>());
        }
        Map<String, Long> lastSeen = new HashMap<>();
        Share hypeNew5 = new Share();
        Share hypeNew10 = new Share();
        Share baseNew5 = new Share();
        Share baseNew10 = new Share();
        Share hypeLoud = new Share();
        Share baseLoud = new Share();
        Share hypeEmote = new Share();
        Share baseEmote = new Share();
        for (ChatMessage m : chat) {
            long t = m.timestamp();
            if (t >= origin + (long) seconds * SECOND) {
                break;
            }
            String user = m.username() == null ? "" : m.username();
            Long previous = lastSeen.put(user, t);
            if (t < origin) {
                continue;
            }
            bySecond.get((int) ((t - origin) / SECOND)).add(m);
            boolean inHype = t >= hypeFromMs && t < hypeToMs;
            boolean inBase = !inHype && t >= baseFromMs && t < baseToMs && !excluded.test(Math.floorDiv(t, SECOND) * SECOND);
            if (!inHype && !inBase) {
                continue;
            }
            boolean loud = ChatSignals.isLoud(m.message());
            boolean emote = hasEmote(m);
            (inHype ? hypeLoud : baseLoud).add(loud);
            (inHype ? hypeEmote : baseEmote).add(emote);
            if (t - 5 * MINUTE >= historyFromMs) {
                (inHype ? hypeNew5 : baseNew5).add(previous == null || previous < t - 5 * MINUTE);
            }
            if (t - 10 * MINUTE >= historyFromMs) {
                (inHype ? hypeNew10 : baseNew10).add(previous == null || previous < t - 10 * MINUTE);
            }
        }
        int hypeFrom = (int) ((hypeFromMs - origin) / SECOND);
        int hypeTo = (int) Math.max(hypeFrom + 1, (hypeToMs - origin + SECOND - 1) / SECOND);
        List<Integer> base = new ArrayList<>();
        for (long s = Math.floorDiv(baseFromMs, SECOND) * SECOND; s < baseToMs; s += SECOND) {
            if (!excluded.test(s) && (s < hypeFromMs || s >= hypeToMs)) {
                base.add((int) ((s - origin) / SECOND));
            }
        }
        double msgRate = mean(hypeFrom, hypeTo, s -> bySecond.get(s).size());
        double baseRate = mean(base, s -> bySecond.get(s).size());
        double chat1 = mean(hypeFrom, hypeTo, s -> distinct(bySecond, s, 1));
        double baseChat1 = mean(base, s -> distinct(bySecond, s, 1));
        return new HypeChatProfile(msgRate / baseRate,
                peak(hypeFrom, hypeTo, 30, s -> count(bySecond, s, 30)) / mean(base, s -> count(bySecond, s, 30)),
                chat1 / baseChat1,
                peak(hypeFrom, hypeTo, 10, s -> distinct(bySecond, s, 10)) / mean(base, s -> distinct(bySecond, s, 10)),
                peak(hypeFrom, hypeTo, 30, s -> distinct(bySecond, s, 30)) / mean(base, s -> distinct(bySecond, s, 30)),
                peak(hypeFrom, hypeTo, 30, s -> activity(bySecond, s)) / mean(base, s -> activity(bySecond, s)),
                hypeNew5.value(), hypeNew10.value(), baseNew5.value(), baseNew10.value(),
                hypeLoud.value(), baseLoud.value(), hypeEmote.value(), baseEmote.value());
    }

    /** An emote tag, a known global or third-party emote word, or a word shaped like a subscriber emote. */
    static boolean hasEmote(ChatMessage m) {
        if (!m.emotes().isEmpty()) {
            return true;
        }
        for (String word : m.message().split("\\s+")) {
            if (NAMED_EMOTES.contains(word) || SUB_EMOTE.matcher(word).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Prints p10 / p50 / p90 of every column over the given profiles. */
    static void printPercentiles(String title, List<HypeChatProfile> profiles) {
        System.out.printf("%s (%d): p10 / p50 / p90%n", title, profiles.size());
        for (int c = 0; c < COLUMNS.size(); c++) {
            int column = c;
            double[] values = profiles.stream().mapToDouble(p -> p.row()[column]).filter(v -> !Double.isNaN(v))
                    .toArray();
            if (values.length == 0) {
                System.out.printf("  %-11s (no value)%n", COLUMNS.get(c));
                continue;
            }
            System.out.printf("  %-11s %6.2f %6.2f %6.2f   (n=%d)%n", COLUMNS.get(c),
                    LabelledHypeShapeTest.percentile(values, 10), LabelledHypeShapeTest.percentile(values, 50),
                    LabelledHypeShapeTest.percentile(values, 90), values.length);
        }
    }

    String describe() {
        double[] row = row();
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            text.append(c == 0 ? "" : ", ").append(COLUMNS.get(c)).append(' ').append(String.format("%.2f", row[c]));
        }
        return text.toString();
    }

    private interface SecondValue {
        double at(int second);
    }

    private static double mean(int from, int to, SecondValue value) {
        double sum = 0;
        for (int s = from; s < to; s++) {
            sum += value.at(s);
        }
        return sum / (to - from);
    }

    private static double mean(List<Integer> seconds, SecondValue value) {
        double sum = 0;
        for (int s : seconds) {
            sum += value.at(s);
        }
        return sum / seconds.size();
    }

    /** The largest value of a trailing window of {@code window} s ending in [from, to + window). */
    private static double peak(int from, int to, int window, SecondValue value) {
        double best = 0;
        for (int s = from; s < to + window; s++) {
            best = Math.max(best, value.at(s));
        }
        return best;
    }

    private static int count(List<List<ChatMessage>> bySecond, int second, int window) {
        int n = 0;
        for (int s = Math.max(0, second - window + 1); s <= second && s < bySecond.size(); s++) {
            n += bySecond.get(s).size();
        }
        return n;
    }

    private static int distinct(List<List<ChatMessage>> bySecond, int second, int window) {
        Set<String> users = new HashSet<>();
        for (int s = Math.max(0, second - window + 1); s <= second && s < bySecond.size(); s++) {
            for (ChatMessage m : bySecond.get(s)) {
                users.add(m.username() == null ? "" : m.username());
            }
        }
        return users.size();
    }

    /** The default profile's window activity: distinct chatters plus loud messages over the last 30 s. */
    private static int activity(List<List<ChatMessage>> bySecond, int second) {
        int loud = 0;
        for (int s = Math.max(0, second - 29); s <= second && s < bySecond.size(); s++) {
            for (ChatMessage m : bySecond.get(s)) {
                loud += ChatSignals.isLoud(m.message()) ? 1 : 0;
            }
        }
        return distinct(bySecond, second, 30) + loud;
    }

    /** A share of messages that have some property. */
    private static final class Share {
        private int yes;
        private int all;

        void add(boolean has) {
            all++;
            yes += has ? 1 : 0;
        }

        double value() {
            return all == 0 ? Double.NaN : yes / (double) all;
        }
    }
}
