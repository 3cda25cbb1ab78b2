package dev.streamscout.core.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How one chat line is read for detection: is it "loud" (shouting, a repeated token or character),
 * which words does it contain. Pure functions,
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
        return sameTokenThrice(text.strip()) || fewDistinctCharacters(text);
    }

    /*
     * The scans below run for every chat message, so they read the characters once instead of going
     * through regular expressions; "whitespace" is what the regex \s means (ASCII space, \t, \n,
     * \x0B, \f, \r), which is what the detector was tuned with.
     */

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** At least three whitespace-separated tokens, all equal ({@code stripped} has no outer whitespace). */
    private static boolean sameTokenThrice(String stripped) {
        int n = stripped.length();
        int firstEnd = 0;
        while (firstEnd < n && !isSpace(stripped.charAt(firstEnd))) {
            firstEnd++;
        }
        int count = 1;
        int i = firstEnd;
        while (i < n) {
            while (i < n && isSpace(stripped.charAt(i))) {
                i++;
            }
            int from = i;
            while (i < n && !isSpace(stripped.charAt(i))) {
                i++;
            }
            if (i - from != firstEnd || !stripped.regionMatches(from, stripped, 0, firstEnd)) {
                return false;
            }
            count++;
        }
        return count >= 3;
    }

    /** Without whitespace, at least {@value #MIN_REPEAT_CHARS} characters made of at most two code points. */
    private static boolean fewDistinctCharacters(String text) {
        int length = 0;
        int first = -1;
        int second = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            i += width;
            if (cp < 128 && isSpace((char) cp)) {
                continue;
            }
            length += width;
            if (first < 0 || cp == first) {
                first = cp;
            } else if (second < 0 || cp == second) {
                second = cp;
            } else {
                return false;
            }
        }
        return length >= MIN_REPEAT_CHARS;
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
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int from = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (from == i || text.startsWith("@", from) || text.startsWith("http", from)) {
                continue;
            }
            int to = i;
            while (from < to && isPunct(text.charAt(from))) {
                from++;
            }
            // As the regex "$" did: trailing punctuation also goes from before one final line separator.
            int end = to > from && isLineTerminator(text.charAt(to - 1)) ? to - 1 : to;
            int kept = end;
            while (kept > from && isPunct(text.charAt(kept - 1))) {
                kept--;
            }
            String word = kept == end ? text.substring(from, to) : text.substring(from, kept) + text.substring(end, to);
            String t = shortenRuns(word.toLowerCase(Locale.ROOT));
            if (t.codePointCount(0, t.length()) >= 2 && t.length() <= MAX_TOKEN_LENGTH) {
                out.add(t);
            }
        }
        return out;
    }

    /** ASCII punctuation, as the regex class \p{Punct}. */
    private static boolean isPunct(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }

    /** Runs of four or more of one code point become three (line separators, which "." skips, stay). */
    private static String shortenRuns(String t) {
        StringBuilder sb = null;
        int i = 0;
        while (i < t.length()) {
            int cp = t.codePointAt(i);
            int width = Character.charCount(cp);
            int run = 1;
            int j = i + width;
            while (j < t.length() && t.codePointAt(j) == cp) {
                run++;
                j += width;
            }
            boolean shorten = run >= 4 && !isLineTerminator(cp);
            if (shorten && sb == null) {
                sb = new StringBuilder(t.length()).append(t, 0, i);
            }
            if (sb != null) {
                int keep = shorten ? 3 : run;
                for (int k = 0; k < keep; k++) {
                    sb.appendCodePoint(cp);
                }
            }
            i = j;
        }
        return sb == null ? t : sb.toString();
    }

    private static boolean isLineTerminator(int cp) {
        return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }
}
