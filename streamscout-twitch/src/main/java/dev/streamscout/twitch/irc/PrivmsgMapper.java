package dev.streamscout.twitch.irc;

import dev.streamscout.core.chat.ChatMessage;
import java.util.Optional;

/**
 * Turns PRIVMSG lines into chat messages (a shortcut over {@link IrcMessageDecoder} for callers that
 * only want chat): channel without {@code #}, ids from {@code room-id} and
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
        if (message == null || !"PRIVMSG".equals(message.command())) {
            return Optional.empty();
        }
        try {
            return Optional.of((Privmsg) IrcMessageDecoder.decode(message));
        } catch (IrcParseException e) {
            return Optional.empty();
        }
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
}
