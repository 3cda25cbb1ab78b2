package dev.streamscout.twitch.irc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses one IRC line (without its CRLF) into an {@link IrcMessage}:
 * {@code [@tags SPACE] [:prefix SPACE] command [SPACE params] [SPACE :trailing]}.
 *
 * <p>Strict about structure (exactly one space between parts, a command of letters or three
 * digits, non-empty tag and prefix sections, no CR/LF/NUL inside the line) and lenient about
 * content (tag values are decoded per {@link IrcTags}). For any input at all it either returns a
 * message or throws {@link IrcParseException}; nothing else escapes.
 */
public final class IrcLineParser {

    private IrcLineParser() {}

    public static IrcMessage parse(String line) {
        if (line == null) {
            throw new IrcParseException("null line", null);
        }
        if (line.isEmpty()) {
            throw new IrcParseException("empty line", line);
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IrcParseException("line break inside a line", line);
            }
            if (c == '\0') {
                throw new IrcParseException("NUL inside a line", line);
            }
        }

        int pos = 0;
        Map<String, String> tags = Map.of();
        if (line.charAt(0) == '@') {
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new IrcParseException("no space after tags", line);
            }
            if (space == 1) {
                throw new IrcParseException("empty tags", line);
            }
            tags = IrcTags.parse(line.substring(1, space));
            pos = space + 1;
        }

        String prefix = null;
        if (pos < line.length() && line.charAt(pos) == ':') {
            int space = line.indexOf(' ', pos);
            if (space < 0) {
                throw new IrcParseException("no space after prefix", line);
            }
            prefix = line.substring(pos + 1, space);
            validatePrefix(prefix, line);
            pos = space + 1;
        }

        int commandEnd = line.indexOf(' ', pos);
        if (commandEnd < 0) {
            commandEnd = line.length();
        }
        String command = validateCommand(line.substring(pos, commandEnd), line);
        pos = commandEnd;

        List<String> params = new ArrayList<>();
        while (pos < line.length()) {
            pos++; // the single space before each parameter
            if (pos == line.length()) {
                break; // tolerate one trailing space
            }
            char c = line.charAt(pos);
            if (c == ':') {
                params.add(line.substring(pos + 1));
                break;
            }
            if (c == ' ') {
                throw new IrcParseException("more than one space between parameters", line);
            }
            int end = line.indexOf(' ', pos);
            if (end < 0) {
                end = line.length();
            }
            params.add(line.substring(pos, end));
            pos = end;
        }
        return new IrcMessage(tags, prefix, command, params);
    }

    /** {@code server} or {@code nick[!user][@host]}: every part that is introduced must be non-empty. */
    private static void validatePrefix(String prefix, String line) {
        if (prefix.isEmpty()) {
            throw new IrcParseException("empty prefix", line);
        }
        int bang = prefix.indexOf('!');
        int at = prefix.indexOf('@', Math.max(bang, 0));
        int nickEnd = bang >= 0 ? bang : (at >= 0 ? at : prefix.length());
        if (nickEnd == 0) {
            throw new IrcParseException("empty nick in prefix", line);
        }
        if (bang >= 0 && (at < 0 ? prefix.length() : at) == bang + 1) {
            throw new IrcParseException("empty user in prefix", line);
        }
        if (at >= 0 && at == prefix.length() - 1) {
            throw new IrcParseException("empty host in prefix", line);
        }
    }

    private static String validateCommand(String command, String line) {
        if (command.isEmpty()) {
            throw new IrcParseException("missing command", line);
        }
        boolean numeric = command.length() == 3;
        boolean letters = true;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            numeric &= c >= '0' && c <= '9';
            letters &= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }
        if (!numeric && !letters) {
            throw new IrcParseException("command is neither letters nor a three-digit numeric", line);
        }
        return letters ? command.toUpperCase(java.util.Locale.ROOT) : command;
    }
}
