package dev.streamscout.twitch.irc;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatEventType;
import dev.streamscout.core.chat.ChatMessage;
import java.util.List;
import java.util.Map;
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
 * @param bits         bits cheered with the message ({@code bits} tag), 0 when none or garbled
 * @param badges       {@code badges} tag as badge name to version, in tag order
 * @param color        {@code color} tag ({@code #RRGGBB}), or null when the user never chose one
 * @param source       the line this was decoded from, for tags StreamScout does not model
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
        String messageId,
        long bits,
        Map<String, String> badges,
        String color,
        IrcMessage source) implements IrcEvent {

    public Privmsg {
        emotes = emotes == null ? List.of() : List.copyOf(emotes);
        badges = badges == null ? Map.of() : TwitchTags.copyOrdered(badges);
    }

    /** The message this one replies to, when it is a reply ({@code reply-parent-*} tags). */
    public Optional<ReplyParent> replyParent() {
        String id = TwitchTags.emptyToNull(source.tag("reply-parent-msg-id"));
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new ReplyParent(id, TwitchTags.emptyToNull(source.tag("reply-parent-user-id")),
                TwitchTags.emptyToNull(source.tag("reply-parent-user-login")),
                TwitchTags.emptyToNull(source.tag("reply-parent-display-name")),
                source.tag("reply-parent-msg-body")));
    }

    /** {@code badge-info} as badge name to detail (for {@code subscriber}: the exact months subscribed). */
    public Map<String, String> badgeInfo() {
        return TwitchTags.badges(source.tag("badge-info"));
    }

    /** Whether Twitch flagged this as the user's first message in the channel ({@code first-msg=1}). */
    public boolean firstMessage() {
        return "1".equals(source.tag("first-msg"));
    }

    /**
     * For shared chat: the room the message was originally sent in ({@code source-room-id}), when it
     * differs from {@link #channelId()}; messages mirrored from another room repeat there.
     */
    public Optional<String> sharedChatSourceRoomId() {
        String room = TwitchTags.emptyToNull(source.tag("source-room-id"));
        return room == null || room.equals(channelId) ? Optional.empty() : Optional.of(room);
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

    /**
     * A cheer as a {@link ChatEventType#BITS} event (amount = bits, {@code msg_id} "bits"), or empty
     * when no bits were cheered or {@link #problem()} is present.
     */
    public Optional<ChatEvent> toCheerEvent() {
        if (bits <= 0 || problem().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ChatEvent(ChatEventType.BITS, "bits", messageId, channelId, channelLogin, userId, login,
                displayName, sentAtMs, bits, "", text, Map.of()));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The message a reply answers.
     *
     * @param messageId   {@code reply-parent-msg-id}
     * @param userId      {@code reply-parent-user-id}, or null
     * @param login       {@code reply-parent-user-login}, or null
     * @param displayName {@code reply-parent-display-name}, or null
     * @param body        {@code reply-parent-msg-body} (unescaped), or null
     */
    public record ReplyParent(String messageId, String userId, String login, String displayName, String body) {}
}
