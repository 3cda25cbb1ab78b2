package dev.streamscout.twitch.irc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One IRC line, split but not interpreted.
 *
 * @param tags    IRCv3 tags, values unescaped; empty when the line had none
 * @param prefix  source without the leading colon ({@code nick!user@host} or a server name), or
 *                {@code null}
 * @param command upper-case command or three-digit numeric
 * @param params  middle parameters followed by the trailing one (without its colon)
 */
public record IrcMessage(Map<String, String> tags, String prefix, String command, List<String> params) {

    public IrcMessage {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        Objects.requireNonNull(command, "command");
        params = params == null ? List.of() : List.copyOf(params);
    }

    /** The tag's value ({@code ""} for a valueless tag), or {@code null} when absent. */
    public String tag(String key) {
        return tags.get(key);
    }

    /** The last parameter (for PRIVMSG, NOTICE and friends: the text), or {@code null} if there is none. */
    public String trailing() {
        return params.isEmpty() ? null : params.get(params.size() - 1);
    }

    /** Login of the sender from {@code nick!user@host}, or {@code null} for a server prefix or none. */
    public String nick() {
        if (prefix == null) {
            return null;
        }
        int bang = prefix.indexOf('!');
        if (bang > 0) {
            return prefix.substring(0, bang);
        }
        int at = prefix.indexOf('@');
        return at > 0 ? prefix.substring(0, at) : null;
    }

    /** Host part of the prefix ({@code tmi.twitch.tv} for server lines), or {@code null}. */
    public String prefixHost() {
        if (prefix == null) {
            return null;
        }
        int at = prefix.indexOf('@');
        if (at >= 0) {
            return prefix.substring(at + 1);
        }
        return prefix.indexOf('!') >= 0 ? null : prefix;
    }

    /** The first parameter without its {@code #}, when it names a channel; otherwise {@code null}. */
    public String channel() {
        if (params.isEmpty()) {
            return null;
        }
        String first = params.get(0);
        return first.length() > 1 && first.charAt(0) == '#' ? first.substring(1) : null;
    }

    /**
     * Serialises the message as one line without CRLF. The last parameter is always sent as a
     * trailing parameter ({@code :text}), which is how Twitch sends it.
     */
    public String toLine() {
        StringBuilder line = new StringBuilder(128);
        if (!tags.isEmpty()) {
            line.append('@');
            boolean first = true;
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                if (!first) {
                    line.append(';');
                }
                first = false;
                line.append(tag.getKey());
                if (!tag.getValue().isEmpty()) {
                    line.append('=').append(IrcTags.escape(tag.getValue()));
                }
            }
            line.append(' ');
        }
        if (prefix != null) {
            line.append(':').append(prefix).append(' ');
        }
        line.append(command);
        for (int i = 0; i < params.size(); i++) {
            line.append(' ');
            if (i == params.size() - 1) {
                line.append(':');
            }
            line.append(params.get(i));
        }
        return line.toString();
    }

    /** Convenience for building outgoing or test messages. */
    public static IrcMessage of(String command, String... params) {
        List<String> list = new ArrayList<>(List.of(params));
        return new IrcMessage(Map.of(), null, command, list);
    }
}
