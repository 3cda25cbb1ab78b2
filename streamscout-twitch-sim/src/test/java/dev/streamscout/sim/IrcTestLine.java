package dev.streamscout.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deliberately independent, test-only reading of a server line (tags unescaped per IRCv3),
 * so that the simulator's output is checked against the specification, not against itself.
 */
record IrcTestLine(Map<String, String> tags, String prefix, String command, String channel, String text) {

    static IrcTestLine parse(String line) {
        Map<String, String> tags = new LinkedHashMap<>();
        String rest = line;
        if (rest.startsWith("@")) {
            int space = rest.indexOf(' ');
            for (String pair : rest.substring(1, space).split(";")) {
                int eq = pair.indexOf('=');
                tags.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : unescape(pair.substring(eq + 1)));
            }
            rest = rest.substring(space + 1);
        }
        String prefix = null;
        if (rest.startsWith(":")) {
            int space = rest.indexOf(' ');
            prefix = rest.substring(1, space);
            rest = rest.substring(space + 1);
        }
        int trailing = rest.indexOf(" :");
        String text = trailing < 0 ? null : rest.substring(trailing + 2);
        String[] middle = (trailing < 0 ? rest : rest.substring(0, trailing)).split(" ");
        String channel = null;
        for (String param : middle) {
            if (param.startsWith("#")) {
                channel = param.substring(1);
            }
        }
        return new IrcTestLine(tags, prefix, middle[0], channel, text);
    }

    static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 's' -> ' ';
                    case ':' -> ';';
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    default -> next;
                });
            }
        }
        return out.toString();
    }

    /** Message text with a CTCP ACTION frame removed (emote positions refer to that text). */
    String messageText() {
        if (text != null && text.startsWith("\u0001ACTION ") && text.endsWith("\u0001")) {
            return text.substring(8, text.length() - 1);
        }
        return text;
    }
}
