package dev.streamscout.sim.chat;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatEventType;
import dev.streamscout.core.chat.ChatMessage;
import java.util.Map;

/**
 * Renders a generated message as Twitch sends it: the full PRIVMSG tag set in Twitch's order,
 * values escaped per IRCv3, the sender's prefix and the text as the trailing parameter.
 */
public final class PrivmsgFormatter {

    /** The message a reply answers. */
    record ReplyParent(String messageId, String userId, String login, String displayName, String body) {}

    private PrivmsgFormatter() {}

    static ChatLine format(String channelId, String channelLogin, Chatter chatter, ChatText text,
                           String messageId, long sentAtMillis, boolean firstMessage,
                           ReplyParent replyTo, String clientNonce) {
        return format(channelId, channelLogin, chatter, text, messageId, sentAtMillis, firstMessage, replyTo,
                clientNonce, 0);
    }

    /** As above; {@code bits > 0} makes it a cheer: a {@code bits} tag, and a BITS event beside the message. */
    static ChatLine format(String channelId, String channelLogin, Chatter chatter, ChatText text,
                           String messageId, long sentAtMillis, boolean firstMessage,
                           ReplyParent replyTo, String clientNonce, int bits) {
        StringBuilder tags = new StringBuilder(320);
        tag(tags, "badge-info", chatter.badgeInfo());
        tag(tags, "badges", chatter.badges());
        if (bits > 0) {
            tag(tags, "bits", Integer.toString(bits));
        }
        if (clientNonce != null) {
            tag(tags, "client-nonce", clientNonce);
        }
        tag(tags, "color", chatter.color());
        tag(tags, "display-name", chatter.displayName());
        tag(tags, "emotes", text.emotesTag());
        tag(tags, "first-msg", firstMessage ? "1" : "0");
        tag(tags, "flags", "");
        tag(tags, "id", messageId);
        tag(tags, "mod", chatter.mod() ? "1" : "0");
        if (replyTo != null) {
            tag(tags, "reply-parent-display-name", replyTo.displayName());
            tag(tags, "reply-parent-msg-body", replyTo.body());
            tag(tags, "reply-parent-msg-id", replyTo.messageId());
            tag(tags, "reply-parent-user-id", replyTo.userId());
            tag(tags, "reply-parent-user-login", replyTo.login());
            tag(tags, "reply-thread-parent-msg-id", replyTo.messageId());
            tag(tags, "reply-thread-parent-user-login", replyTo.login());
        }
        tag(tags, "returning-chatter", chatter.returning() ? "1" : "0");
        tag(tags, "room-id", channelId);
        tag(tags, "subscriber", chatter.subscriber() ? "1" : "0");
        tag(tags, "tmi-sent-ts", Long.toString(sentAtMillis));
        tag(tags, "turbo", chatter.turbo() ? "1" : "0");
        tag(tags, "user-id", chatter.userId());
        tag(tags, "user-type", chatter.userType());

        String login = chatter.login();
        String plain = ":" + login + "!" + login + "@" + login + ".tmi.twitch.tv PRIVMSG #" + channelLogin
                + " :" + text.wireText();
        String tagged = "@" + tags + " " + plain;
        ChatMessage truth = new ChatMessage(channelId, channelLogin, chatter.userId(), login,
                chatter.displayName(), text.text(), sentAtMillis, text.emoteNames(), messageId);
        ChatEvent cheer = bits <= 0 ? null : new ChatEvent(ChatEventType.BITS, "bits", messageId, channelId, channelLogin,
                chatter.userId(), login, chatter.displayName(), sentAtMillis, bits, "", text.text(), Map.of());
        return new ChatLine(channelLogin, tagged, plain, truth, cheer);
    }

    /** IRCv3 tag value escaping: {@code ; space \ CR LF} become {@code \: \s \\ \r \n}. */
    public static String escapeTagValue(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case ';' -> "\\:";
                case ' ' -> "\\s";
                case '\\' -> "\\\\";
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }

    private static void tag(StringBuilder tags, String key, String value) {
        if (tags.length() > 0) {
            tags.append(';');
        }
        tags.append(key).append('=').append(escapeTagValue(value));
    }
}
