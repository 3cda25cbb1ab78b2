package dev.streamscout.twitch.irc;

import dev.streamscout.core.chat.ChatMessage;
import java.util.Optional;

/**
 * Turns PRIVMSG lines into chat messages: channel without {@code #}, ids from {@code room-id} and
 * {@code user-id}, event time from {@code tmi-sent-ts}, {@code \u0001ACTION ...\u0001} stripped (emote
 * indices then refer to the stripped text), emote names in order of occurrence.
 */
public final class PrivmsgMapper {

    private static final String ACTION_OPEN = "\u0001ACTION ";
    private static final String ACTION_EMPTY = "\u0001ACTION\u0001";

    private PrivmsgMapper() {}

    /**
     * The message as a {@link ChatMessage}, or empty when the line is not a well-formed PRIVMSG or
     * lacks a field StreamScout needs (room-id, user-id, sender login, tmi-sent-ts); use
     * {@link #toPrivmsg(IrcMessage)} and {@link Privmsg#problem()} to learn which.
     */
    public static Optional<ChatMessage> toChatMessage(IrcMessage message) {
        return toPrivmsg(message).filter(p -> p.problem().isEmpty()).map(Privmsg::toChatMessage);
    }

    /**
     * The PRIVMSG's fields, or empty when the message is not a PRIVMSG to a channel with exactly a
     * target and a text.
     */
    public static Optional<Privmsg> toPrivmsg(IrcMessage message) {
        if (message == null || !"PRIVMSG".equals(message.command()) || message.params().size() != 2) {
            return Optional.empty();
        }
        String channel = message.channel();
        if (channel == null) {
            return Optional.empty();
        }
        String raw = message.params().get(1);
        boolean action = isAction(raw);
        String text = action ? stripAction(raw) : raw;
        String login = message.nick();
        if (login == null || login.isEmpty()) {
            login = emptyToNull(message.tag("login"));
        }
        String displayName = emptyToNull(message.tag("display-name"));
        return Optional.of(new Privmsg(
                channel,
                emptyToNull(message.tag("room-id")),
                emptyToNull(message.tag("user-id")),
                login,
                displayName == null ? login : displayName,
                text,
                action,
                Emotes.parse(message.tag("emotes"), text),
                parseMillis(message.tag("tmi-sent-ts")),
                emptyToNull(message.tag("id"))));
    }

    /** Whether the text is a CTCP ACTION ({@code /me}): {@code \u0001ACTION text\u0001}. */
    public static boolean isAction(String text) {
        return text != null && (text.equals(ACTION_EMPTY)
                || (text.length() > ACTION_OPEN.length() && text.startsWith(ACTION_OPEN) && text.endsWith("\u0001")));
    }

    /** The text inside an ACTION frame, or the text unchanged when it is not an ACTION. */
    public static String stripAction(String text) {
        if (!isAction(text)) {
            return text;
        }
        return text.equals(ACTION_EMPTY) ? "" : text.substring(ACTION_OPEN.length(), text.length() - 1);
    }

    private static Long parseMillis(String value) {
        if (value == null || value.isEmpty() || value.length() > 18) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(value);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
