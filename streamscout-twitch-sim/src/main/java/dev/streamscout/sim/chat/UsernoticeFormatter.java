package dev.streamscout.sim.chat;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatEventType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a USERNOTICE as Twitch sends it: the acting user's tags, {@code login}, {@code msg-id},
 * the {@code msg-param-*} tags in alphabetical order, {@code system-msg} escaped per IRCv3, and the
 * user's own text (if any) as the trailing parameter. Also builds the matching {@link ChatEvent}.
 */
final class UsernoticeFormatter {

    /** What one USERNOTICE says, before it is rendered. */
    record Notice(String channelId, String channelLogin, Chatter user, String msgId, ChatEventType type,
                  Map<String, String> params, String systemMessage, ChatText text, long amount,
                  String id, long sentAtMillis) {}

    private UsernoticeFormatter() {}

    static ChatLine format(Notice notice) {
        Chatter user = notice.user();
        Map<String, String> params = new TreeMap<>(notice.params());
        StringBuilder tags = new StringBuilder(512);
        tag(tags, "badge-info", user.badgeInfo());
        tag(tags, "badges", user.badges());
        tag(tags, "color", user.color());
        tag(tags, "display-name", user.displayName());
        tag(tags, "emotes", notice.text() == null ? "" : notice.text().emotesTag());
        tag(tags, "flags", "");
        tag(tags, "id", notice.id());
        tag(tags, "login", user.login());
        tag(tags, "mod", user.mod() ? "1" : "0");
        tag(tags, "msg-id", notice.msgId());
        params.forEach((name, value) -> tag(tags, "msg-param-" + name, value));
        tag(tags, "room-id", notice.channelId());
        tag(tags, "subscriber", user.subscriber() ? "1" : "0");
        tag(tags, "system-msg", notice.systemMessage());
        tag(tags, "tmi-sent-ts", Long.toString(notice.sentAtMillis()));
        tag(tags, "user-id", user.userId());
        tag(tags, "user-type", user.userType());
        tag(tags, "vip", user.badges().contains("vip/") ? "1" : "0");

        // A USERNOTICE is never an action: the text goes out exactly as typed.
        String trailing = notice.text() == null ? "" : " :" + notice.text().text();
        String plain = ":tmi.twitch.tv USERNOTICE #" + notice.channelLogin() + trailing;
        ChatEvent event = new ChatEvent(notice.type(), notice.msgId(), notice.id(), notice.channelId(),
                notice.channelLogin(), user.userId(), user.login(), user.displayName(), notice.sentAtMillis(),
                notice.amount(), notice.systemMessage(), notice.text() == null ? "" : notice.text().text(),
                new LinkedHashMap<>(params));
        return new ChatLine(notice.channelLogin(), "@" + tags + " " + plain, plain, null, event);
    }

    private static void tag(StringBuilder tags, String key, String value) {
        if (tags.length() > 0) {
            tags.append(';');
        }
        tags.append(key).append('=').append(PrivmsgFormatter.escapeTagValue(value));
    }
}
