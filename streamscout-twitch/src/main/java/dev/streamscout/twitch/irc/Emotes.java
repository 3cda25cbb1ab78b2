package dev.streamscout.twitch.irc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the {@code emotes} tag ({@code id:start-end,start-end/id2:start-end}) against the message
 * text.
 *
 * <p>Indices are zero-based Unicode code points with an inclusive end, so text must be sliced by
 * code points, not by Java {@code char}s (an emoji before an emote would shift every UTF-16 index).
 * Twitch sometimes sends ranges that run past the text (twitchdev/issues#104): they are clamped to
 * the text, and ranges lying wholly outside it are dropped. Garbage entries are skipped; this class
 * never throws.
 */
public final class Emotes {

    private Emotes() {}

    /**
     * @param tagValue the unescaped {@code emotes} tag value (may be null or empty)
     * @param text     the message text the indices refer to (for an ACTION, the text inside it)
     * @return occurrences ordered by start index
     */
    public static List<EmoteRange> parse(String tagValue, String text) {
        List<EmoteRange> ranges = new ArrayList<>();
        if (tagValue == null || tagValue.isEmpty()) {
            return ranges;
        }
        int[] codePoints = text == null ? new int[0] : text.codePoints().toArray();
        String pending = "";
        for (String part : tagValue.split("/", -1)) {
            // An id may itself contain '/' (seen in the wild: "80481_/3:7-14"): a part without ':'
            // is the front of the next part's id.
            String entry = pending + part;
            int colon = entry.lastIndexOf(':');
            if (colon < 0) {
                pending = entry + "/";
                continue;
            }
            pending = "";
            String id = entry.substring(0, colon);
            if (id.isEmpty()) {
                continue;
            }
            for (String range : entry.substring(colon + 1).split(",", -1)) {
                EmoteRange r = range(id, range, codePoints);
                if (r != null) {
                    ranges.add(r);
                }
            }
        }
        ranges.sort(Comparator.comparingInt(EmoteRange::start).thenComparingInt(EmoteRange::end));
        return ranges;
    }

    /** Names only, one per occurrence, in order of appearance. */
    public static List<String> names(List<EmoteRange> ranges) {
        List<String> names = new ArrayList<>(ranges.size());
        for (EmoteRange r : ranges) {
            names.add(r.name());
        }
        return names;
    }

    private static EmoteRange range(String id, String range, int[] codePoints) {
        int dash = range.indexOf('-');
        if (dash <= 0 || dash == range.length() - 1) {
            return null;
        }
        int start = parseIndex(range.substring(0, dash));
        int end = parseIndex(range.substring(dash + 1));
        if (start < 0 || end < start || start >= codePoints.length) {
            return null;
        }
        end = Math.min(end, codePoints.length - 1);
        return new EmoteRange(id, start, end, new String(codePoints, start, end - start + 1));
    }

    /** Non-negative decimal index, or -1 for anything else (signs, letters, overflow). */
    private static int parseIndex(String digits) {
        if (digits.isEmpty() || digits.length() > 9) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
