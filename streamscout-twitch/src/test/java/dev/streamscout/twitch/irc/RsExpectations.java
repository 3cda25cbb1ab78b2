package dev.streamscout.twitch.irc;

import static dev.streamscout.twitch.irc.EventFields.badges;
import static dev.streamscout.twitch.irc.EventFields.channel;
import static dev.streamscout.twitch.irc.EventFields.channelId;
import static dev.streamscout.twitch.irc.EventFields.color;
import static dev.streamscout.twitch.irc.EventFields.displayName;
import static dev.streamscout.twitch.irc.EventFields.emoteSets;
import static dev.streamscout.twitch.irc.EventFields.emotes;
import static dev.streamscout.twitch.irc.EventFields.login;
import static dev.streamscout.twitch.irc.EventFields.messageId;
import static dev.streamscout.twitch.irc.EventFields.sentAt;
import static dev.streamscout.twitch.irc.EventFields.text;
import static dev.streamscout.twitch.irc.EventFields.userId;
import static dev.streamscout.twitch.irc.IrcVectorsTest.stringList;
import static dev.streamscout.twitch.irc.IrcVectorsTest.stringMap;
import static dev.streamscout.twitch.irc.IrcVectorsTest.textOrNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatEventType;
import dev.streamscout.twitch.irc.IrcEvent.ClearChat;
import dev.streamscout.twitch.irc.IrcEvent.RoomState;
import dev.streamscout.twitch.irc.IrcEvent.UserNotice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * twitch-irc-rs expectations against our records: its {@code char_range} is [start, end), its
 * colours are RGB triples, its USERNOTICE {@code event} is a typed enum that we compare with our
 * {@link UserNotice} params and the {@link ChatEvent} it maps to.
 */
final class RsExpectations {

    private RsExpectations() {}

    static boolean check(String key, JsonNode exp, IrcMessage m, IrcEvent e) {
        switch (key) {
            case "command" -> assertThat(m.command()).isEqualTo(exp.asText());
            case "channel_login" -> assertThat(channel(e)).isEqualTo(textOrNull(exp));
            case "channel_id" -> assertThat(channelId(e)).isEqualTo(textOrNull(exp));
            case "message_text" -> assertThat(text(e)).isEqualTo(textOrNull(exp));
            case "is_action" -> assertThat(e instanceof Privmsg p ? p.action() : ((IrcEvent.ClearMsg) e).action())
                    .isEqualTo(exp.asBoolean());
            case "sender" -> {
                assertThat(userId(e)).isEqualTo(exp.get("id").asText());
                assertThat(login(e)).isEqualTo(exp.get("login").asText());
                assertThat(displayName(e)).isEqualTo(exp.get("name").asText());
            }
            case "sender.name", "user_name" -> assertThat(displayName(e)).isEqualTo(exp.asText());
            case "sender.login", "sender_login", "user_login" -> assertThat(login(e)).isEqualTo(exp.asText());
            case "user_id" -> assertThat(userId(e)).isEqualTo(exp.asText());
            case "recipient_login" -> assertThat(((IrcEvent.Whisper) e).recipientLogin()).isEqualTo(exp.asText());
            case "emotes" -> assertThat(emotes(e)).isEqualTo(exclusiveRanges(exp));
            case "server_timestamp_ms" -> assertThat(sentAt(e)).isEqualTo(exp.asLong());
            case "message_id" -> {
                String ours = e instanceof IrcEvent.Notice n ? n.msgId()
                        : e instanceof IrcEvent.ClearMsg c ? c.targetMessageId() : messageId(e);
                assertThat(ours).isEqualTo(textOrNull(exp));
            }
            case "params" -> {
                List<String> ours = e instanceof IrcEvent.Ping p ? p.params() : e instanceof IrcEvent.Pong p ? p.params() : m.params();
                assertThat(ours).isEqualTo(stringList(exp));
            }
            case "prefix" -> assertThat(m.prefix()).isEqualTo(prefix(exp));
            case "prefix_host" -> assertThat(m.prefixHost()).isEqualTo(exp.asText());
            case "tags" -> assertThat(m.tags()).isEqualTo(stringMap(exp));
            case "system_message" -> assertThat(((UserNotice) e).systemMessage()).isEqualTo(exp.asText());
            case "event_id" -> assertThat(((UserNotice) e).msgId()).isEqualTo(exp.asText());
            case "emote_sets" -> assertThat(emoteSets(e)).isEqualTo(stringList(exp));
            case "badges" -> assertThat(badges(e)).isEqualTo(badgeList(exp));
            case "badge_info" -> {
                Map<String, String> ours = e instanceof IrcEvent.UserState u ? u.badgeInfo()
                        : e instanceof IrcEvent.GlobalUserState g ? g.badgeInfo()
                        : e instanceof Privmsg p ? p.badgeInfo() : ((UserNotice) e).badgeInfo();
                assertThat(ours).isEqualTo(badgeList(exp));
            }
            case "bits" -> assertThat(((Privmsg) e).bits()).isEqualTo(exp.isNull() ? 0 : exp.asLong());
            case "name_color" -> assertThat(rgb(color(e))).isEqualTo(exp.isNull() ? null
                    : List.of(exp.get("r").asInt(), exp.get("g").asInt(), exp.get("b").asInt()));
            case "reply_parent" -> {
                Optional<Privmsg.ReplyParent> ours = ((Privmsg) e).replyParent();
                if (exp.isNull()) {
                    assertThat(ours).isEmpty();
                } else {
                    Privmsg.ReplyParent r = ours.orElseThrow();
                    assertThat(r.messageId()).isEqualTo(exp.get("message_id").asText());
                    assertThat(r.userId()).isEqualTo(exp.get("reply_parent_user").get("id").asText());
                    assertThat(r.login()).isEqualTo(exp.get("reply_parent_user").get("login").asText());
                    assertThat(r.displayName()).isEqualTo(exp.get("reply_parent_user").get("name").asText());
                    assertThat(r.body()).isEqualTo(exp.get("message_text").asText());
                }
            }
            case "event" -> event(exp, (UserNotice) e);
            case "action" -> clearChat(exp, (ClearChat) e);
            case "emote_only" -> assertThat(((RoomState) e).emoteOnly()).isEqualTo(boolOrNull(exp));
            case "r9k" -> assertThat(((RoomState) e).r9k()).isEqualTo(boolOrNull(exp));
            case "subscribers_only" -> assertThat(((RoomState) e).subsOnly()).isEqualTo(boolOrNull(exp));
            case "slow_mode_s" -> assertThat(((RoomState) e).slowSeconds()).isEqualTo(exp.isNull() ? null : exp.asInt());
            case "followers_only" -> {
                Integer minutes = ((RoomState) e).followersOnlyMinutes();
                if (exp.isNull()) {
                    assertThat(minutes).isNull();
                } else if (exp.isTextual()) {
                    assertThat(exp.asText()).isEqualTo("Disabled");
                    assertThat(minutes).isEqualTo(-1);
                } else {
                    assertThat(minutes * 60).isEqualTo(exp.get("Enabled_s").asInt());
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void clearChat(JsonNode exp, ClearChat c) {
        switch (exp.get("type").asText()) {
            case "ChatCleared" -> assertThat(c.kind()).isEqualTo(ClearChat.Kind.CHAT_CLEARED);
            case "UserBanned" -> assertThat(c.kind()).isEqualTo(ClearChat.Kind.USER_BANNED);
            case "UserTimedOut" -> {
                assertThat(c.kind()).isEqualTo(ClearChat.Kind.USER_TIMED_OUT);
                assertThat(c.banDurationSeconds()).isEqualTo(exp.get("timeout_length_s").asInt());
            }
            default -> fail("unknown CLEARCHAT action " + exp);
        }
        if (exp.has("user_login")) {
            assertThat(c.targetLogin()).isEqualTo(exp.get("user_login").asText());
            assertThat(c.targetUserId()).isEqualTo(exp.get("user_id").asText());
        }
    }

    /** twitch-irc-rs's typed USERNOTICE event against our params and ChatEvent. */
    private static void event(JsonNode exp, UserNotice n) {
        ChatEvent ce = n.toChatEvent();
        switch (exp.get("type").asText()) {
            case "SubOrResub" -> {
                assertThat(ce.type()).isEqualTo(exp.get("is_resub").asBoolean() ? ChatEventType.RESUB : ChatEventType.SUB);
                assertThat(ce.amount()).isEqualTo(exp.get("cumulative_months").asLong());
                assertThat(n.numberParam("streak-months")).isEqualTo(exp.get("streak_months").isNull() ? null
                        : exp.get("streak_months").asLong());
                assertThat(n.param("sub-plan")).isEqualTo(exp.get("sub_plan").asText());
                assertThat(ce.attributes()).containsEntry("sub-plan-name", exp.get("sub_plan_name").asText());
            }
            case "Raid" -> {
                assertThat(ce.type()).isEqualTo(ChatEventType.RAID);
                assertThat(ce.amount()).isEqualTo(exp.get("viewer_count").asLong());
                assertThat(ce.attributes()).containsEntry("profileImageURL", exp.get("profile_image_url").asText());
            }
            case "SubGift" -> {
                assertThat(ce.type()).isEqualTo(ChatEventType.SUBGIFT);
                assertThat(ce.amount()).isEqualTo(1);
                assertThat("ananonymousgifter".equals(ce.username())).isEqualTo(exp.get("is_sender_anonymous").asBoolean());
                assertThat(n.numberParam("months")).isEqualTo(exp.get("cumulative_months").asLong());
                JsonNode r = exp.get("recipient");
                assertThat(ce.attributes()).containsEntry("recipient-id", r.get("id").asText())
                        .containsEntry("recipient-user-name", r.get("login").asText())
                        .containsEntry("recipient-display-name", r.get("name").asText())
                        .containsEntry("sub-plan", exp.get("sub_plan").asText())
                        .containsEntry("sub-plan-name", exp.get("sub_plan_name").asText());
                assertThat(n.numberParam("gift-months")).isEqualTo(exp.get("num_gifted_months").asLong());
            }
            case "SubMysteryGift" -> {
                assertThat(ce.type()).isEqualTo(ChatEventType.SUBMYSTERYGIFT);
                assertThat(ce.amount()).isEqualTo(exp.get("mass_gift_count").asLong());
                assertThat(n.numberParam("sender-count")).isEqualTo(exp.get("sender_total_gifts").asLong());
                assertThat(ce.attributes()).containsEntry("sub-plan", exp.get("sub_plan").asText());
            }
            case "GiftPaidUpgrade" -> {
                assertThat(ce.type()).isEqualTo(ChatEventType.OTHER);
                assertThat(ce.attributes()).containsEntry("sender-login", exp.get("gifter_login").asText())
                        .containsEntry("sender-name", exp.get("gifter_name").asText());
                assertThat(n.param("promo-name")).isEqualTo(textOrNull(exp.get("promotion")));
            }
            case "Ritual" -> {
                assertThat(ce.type()).isEqualTo(ChatEventType.OTHER);
                assertThat(ce.attributes()).containsEntry("ritual-name", exp.get("ritual_name").asText());
            }
            case "BitsBadgeTier" -> {
                assertThat(ce.type()).isEqualTo(ChatEventType.BITSBADGETIER);
                assertThat(ce.amount()).isEqualTo(exp.get("threshold").asLong());
            }
            case "Announcement" -> {
                assertThat(ce.type()).isEqualTo(ChatEventType.ANNOUNCEMENT);
                assertThat(ce.attributes()).containsEntry("color", exp.get("color").asText());
            }
            case "Unknown" -> {
                assertThat(ce.type()).isEqualTo(ChatEventType.OTHER);
                assertThat(ce.msgId()).isEqualTo(n.msgId());
                assertThat(ce.attributes()).isEqualTo(n.params()); // kept whole: nothing is an amount
            }
            default -> fail("no check for twitch-irc-rs event " + exp);
        }
    }

    /** [start, end) ranges to ours: end inclusive, and ranges wholly outside the text (empty code) dropped. */
    private static List<EmoteRange> exclusiveRanges(JsonNode exp) {
        List<EmoteRange> list = new ArrayList<>();
        for (JsonNode x : exp) {
            String code = x.get("code").asText();
            if (code.isEmpty()) {
                continue;
            }
            int start = x.get("char_range").get(0).asInt();
            list.add(new EmoteRange(x.get("id").asText(), start, start + code.codePointCount(0, code.length()) - 1, code));
        }
        return list;
    }

    private static String prefix(JsonNode exp) {
        if (exp.isNull()) {
            return null;
        }
        if (exp.has("nick")) {
            return exp.get("nick").asText() + "!" + exp.get("user").asText() + "@" + exp.get("host").asText();
        }
        return exp.get("host").asText();
    }

    private static Map<String, String> badgeList(JsonNode exp) {
        Map<String, String> badges = new LinkedHashMap<>();
        exp.forEach(b -> badges.put(b.get("name").asText(), b.get("version").asText()));
        return badges;
    }

    private static Boolean boolOrNull(JsonNode exp) {
        return exp.isNull() ? null : exp.asBoolean();
    }

    private static List<Integer> rgb(String hex) {
        if (hex == null) {
            return null;
        }
        int v = Integer.parseInt(hex.substring(1), 16);
        return List.of((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    }
}
