package dev.streamscout.core.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How one chat line is read for detection: is it "loud" (shouting, a repeated token or character),
 * what is its normalised text (for spotting copypasta), which words does it contain. Pure functions,
 * so the live job and offline analysis read chat the same way.
 */
public final class ChatSignals {

    /** A line with at least this many letters that is mostly capitals shouts. */
    private static final int MIN_CAPS_LETTERS = 4;
    private static final double CAPS_SHARE = 0.7;
    /** "ㅋㅋㅋㅋㅋ", "77777", "!!!!!": at least this many characters from at most two distinct ones. */
    private static final int MIN_REPEAT_CHARS = 5;
    private static final int MAX_TOKEN_LENGTH = 40;

    private ChatSignals() {}

    /** Shouting: mostly capital letters, the same token three times or more, or one or two characters repeated. */
    public static boolean isLoud(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        int letters = 0;
        int capitals = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    capitals++;
                }
            }
        }
        if (letters >= MIN_CAPS_LETTERS && capitals >= CAPS_SHARE * letters) {
            return true;
        }
        String[] tokens = text.strip().split("\\s+");
        if (tokens.length >= 3 && allSame(tokens)) {
            return true;
        }
        String compact = text.replaceAll("\\s+", "");
        return compact.length() >= MIN_REPEAT_CHARS && compact.codePoints().distinct().limit(3).count() <= 2;
    }

    private static boolean allSame(String[] tokens) {
        for (String t : tokens) {
            if (!t.equals(tokens[0])) {
                return false;
            }
        }
        return true;
    }

    /** Lower-cased text with runs of whitespace collapsed: two chatters writing the same line match. */
    public static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * The words of a line for the "top tokens" explanation: lower-cased, punctuation trimmed, without
     * @mentions, links and one-character tokens; long runs of one character are shortened to three
     * ("ㅋㅋㅋㅋㅋㅋ" and "ㅋㅋㅋ" count as one token).
     */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String raw : text.split("\\s+")) {
            if (raw.startsWith("@") || raw.startsWith("http")) {
                continue;
            }
            String t = raw.replaceAll("^[\\p{Punct}]+|[\\p{Punct}]+$", "").toLowerCase(Locale.ROOT);
            t = t.replaceAll("(.)\\1{3,}", "$1$1$1");
            if (t.codePointCount(0, t.length()) >= 2 && t.length() <= MAX_TOKEN_LENGTH) {
                out.add(t);
            }
        }
        return out;
    }
}
