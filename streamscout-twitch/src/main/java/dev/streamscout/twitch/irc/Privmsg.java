package dev.streamscout.twitch.irc;

import dev.streamscout.core.chat.ChatMessage;
import java.util.List;
import java.util.Optional;

/**
 * A chat message as read from a PRIVMSG line, before it becomes a {@link ChatMessage}. Fields
 * Twitch may omit are nullable here; {@link #problem()} says whether one that StreamScout needs is
 * missing.
 *
 * @param channelLogin channel without {@code #}
 * @param channelId    {@code room-id} tag, or null
 * @param userId       {@code user-id} tag, or null
 * @param login        sender login from the prefix (or the {@code login} tag), or null
 * @param displayName  {@code display-name} tag (falls back to the login), kept as received
 * @param text         message text, with a {@code /me} ACTION frame removed
 * @param action       whether the message was a {@code /me} ACTION
 * @param emotes       emote occurrences indexed against {@link #text()}
 * @param sentAtMs     {@code tmi-sent-ts} in ms since the epoch, or null when missing or garbled
 * @param messageId    {@code id} tag, or null
 */
public record Privmsg(
        String channelLogin,
        String channelId,
        String userId,
        String login,
        String displayName,
        String text,
        boolean action,
        List<EmoteRange> emotes,
        Long sentAtMs,
        String messageId) {

    public Privmsg {
        emotes = emotes == null ? List.of() : List.copyOf(emotes);
    }

    /** Why this message cannot become a {@link ChatMessage} (a short metric-friendly reason), if it cannot. */
    public Optional<String> problem() {
        if (isBlank(channelId)) {
            return Optional.of("missing room-id");
        }
        if (isBlank(userId)) {
            return Optional.of("missing user-id");
        }
        if (isBlank(login)) {
            return Optional.of("missing sender login");
        }
        if (sentAtMs == null) {
            return Optional.of("missing or garbled tmi-sent-ts");
        }
        return Optional.empty();
    }

    /** @throws IllegalStateException when {@link #problem()} is present */
    public ChatMessage toChatMessage() {
        problem().ifPresent(p -> {
            throw new IllegalStateException("PRIVMSG cannot become a ChatMessage: " + p);
        });
        return new ChatMessage(channelId, channelLogin, userId, login, displayName, text, sentAtMs,
                Emotes.names(emotes), messageId);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
