package dev.streamscout.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ChatSignals} reads lines with hand-written scans for speed; the detector was tuned with the
 * regular-expression definitions kept here. Both must read every line alike, including odd whitespace,
 * surrogate pairs, punctuation-only tokens and line separators.
 */
class ChatSignalsRegexEquivalenceTest {

    private static final String ALPHABET = "aAbBzZ ㅋ7!.?@:h t p\t\u000B\f\r\n\u2028\u0085\u3000\u00A0é"
            + "\uD83D\uDE02" + "KEKW" + "http" + "....";

    @Test
    void tricky_lines_read_as_the_regex_definitions_read_them() {
        for (String line : List.of("", " ", "LUL LUL LUL", " LUL\tLUL  LUL ", "ㅋㅋㅋㅋㅋ", "77777", "!!!!!",
                "a b", "wow!!\u2028", "!!\u2028", "\u2028\u2028\u2028\u2028", "ahhhhh", "\uD83D\uDE02\uD83D\uDE02"
                        + "\uD83D\uDE02\uD83D\uDE02\uD83D\uDE02", "@name hi", "https://x.y ok", "...word...",
                "x\u3000x\u3000x", "\u000Bab\u000Bab\u000Bab", "İSTANBUL İSTANBUL", "HELLO there", "a!b!!")) {
            assertSame(line);
        }
    }

    @Test
    void random_lines_read_as_the_regex_definitions_read_them() {
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                // Whole code points only: a lone surrogate cannot come out of UTF-8 chat.
                int at = ALPHABET.offsetByCodePoints(0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())));
                int cp = ALPHABET.codePointAt(at);
                sb.appendCodePoint(cp);
                if (random.nextInt(4) == 0) {
                    sb.appendCodePoint(cp); // runs of one character
                }
            }
            assertSame(sb.toString());
        }
    }

    private static void assertSame(String line) {
        String shown = line.codePoints().mapToObj(Integer::toHexString).toList().toString();
        assertThat(ChatSignals.isLoud(line)).as("isLoud(%s)", shown).isEqualTo(regexIsLoud(line));
        assertThat(ChatSignals.tokens(line)).as("tokens(%s)", shown).isEqualTo(regexTokens(line));
    }

    private static boolean regexIsLoud(String text) {
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
        if (letters >= 4 && capitals >= 0.7 * letters) {
            return true;
        }
        String[] tokens = text.strip().split("\\s+");
        if (tokens.length >= 3) {
            boolean same = true;
            for (String t : tokens) {
                same &= t.equals(tokens[0]);
            }
            if (same) {
                return true;
            }
        }
        String compact = text.replaceAll("\\s+", "");
        return compact.length() >= 5 && compact.codePoints().distinct().limit(3).count() <= 2;
    }

    private static List<String> regexTokens(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\\s+")) {
            if (raw.startsWith("@") || raw.startsWith("http")) {
                continue;
            }
            String t = raw.replaceAll("^[\\p{Punct}]+|[\\p{Punct}]+$", "").toLowerCase(Locale.ROOT);
            t = t.replaceAll("(.)\\1{3,}", "$1$1$1");
            if (t.codePointCount(0, t.length()) >= 2 && t.length() <= 40) {
                out.add(t);
            }
        }
        return out;
    }
}
