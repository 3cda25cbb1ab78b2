package dev.streamscout.twitch.irc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IRCv3 message tags: the {@code key=value;key2=value2} section after the leading {@code @}, and the
 * escaping of values.
 *
 * <p>Choices (see PROTOCOL.md): {@code \s} space, {@code \:} semicolon, {@code \\} backslash,
 * {@code \r} CR, {@code \n} LF; any other {@code \X} becomes {@code X}; a lone trailing backslash is
 * dropped; {@code k} and {@code k=} both give the empty string; for a repeated key the last value
 * wins; values are not trimmed. Parsing never fails: empty segments are ignored.
 */
public final class IrcTags {

    private IrcTags() {}

    /** Parses a tag section without the leading {@code @}. */
    public static Map<String, String> parse(String section) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (section == null || section.isEmpty()) {
            return Collections.unmodifiableMap(tags);
        }
        int start = 0;
        int length = section.length();
        while (start <= length) {
            int end = section.indexOf(';', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                int eq = section.indexOf('=', start);
                String key;
                String value;
                if (eq < 0 || eq > end) {
                    key = section.substring(start, end);
                    value = "";
                } else {
                    key = section.substring(start, eq);
                    value = unescape(section.substring(eq + 1, end));
                }
                if (!key.isEmpty()) {
                    tags.remove(key); // last wins, and takes the last position too
                    tags.put(key, value);
                }
            }
            start = end + 1;
        }
        return Collections.unmodifiableMap(tags);
    }

    /** Decodes an escaped tag value. */
    public static String unescape(String escaped) {
        if (escaped.indexOf('\\') < 0) {
            return escaped;
        }
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 == escaped.length()) {
                break; // lone trailing backslash: dropped
            }
            char next = escaped.charAt(++i);
            switch (next) {
                case 's' -> out.append(' ');
                case ':' -> out.append(';');
                case '\\' -> out.append('\\');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** Encodes a value so that {@link #unescape(String)} gives it back. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case ' ' -> out.append("\\s");
                case ';' -> out.append("\\:");
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
