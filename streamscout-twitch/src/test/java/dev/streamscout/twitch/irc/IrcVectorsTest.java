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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatEventType;
import dev.streamscout.twitch.irc.IrcEvent.ClearChat;
import dev.streamscout.twitch.irc.IrcEvent.ClearMsg;
import dev.streamscout.twitch.irc.IrcEvent.Notice;
import dev.streamscout.twitch.irc.IrcEvent.RoomState;
import dev.streamscout.twitch.irc.IrcEvent.UserNotice;
import dev.streamscout.twitch.irc.IrcVectors.Vector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every captured line of irc_vectors.jsonl through {@link IrcLineParser} and
 * {@link IrcMessageDecoder} and compares each expected field with the typed {@link IrcEvent} (and,
 * for USERNOTICE and cheers, the {@link ChatEvent} it maps to), translated from the asserting
 * library's conventions into ours: twitch-irc-rs {@code char_range} is [start, end) and
 * dank-twitch-irc {@code end_exclusive} too (ours: end inclusive); tmi.js keeps {@code #} on
 * channels and drops {@code \n} in tag values; go-twitch-irc trims values, drops {@code \n} and
 * groups emotes per id. Raw-IRC fields (command, params, prefix, tags) are compared with the
 * parsed {@link IrcMessage}. Fields outside our model are listed in {@link #NOT_MODELLED}; any
 * other field must be checked, so no expectation is silently skipped.
 */
class IrcVectorsTest {

    /** Expected-field names that describe things StreamScout does not model, with the reason. */
    private static final Map<String, String> NOT_MODELLED = Map.ofEntries(
            Map.entry("reason", "ban reason: Twitch no longer sends it"),
            Map.entry("self", "whether a whisper was sent by ourselves"),
            Map.entry("user_type", "legacy user-type tag on chat lines"),
            Map.entry("source_badge_info_empty", "shared-chat source badges"),
            Map.entry("source_badges.glitchcon2020", "shared-chat source badges"),
            Map.entry("badges_empty", "badges of a 353 reply (it has none)"),
            Map.entry("logger_warns", "the library's log text"),
            Map.entry("intended", "what a malformed line meant to say"));

    private static final Map<String, AtomicInteger> VECTORS_PER_KIND = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> EVENTS_PER_TYPE = new ConcurrentHashMap<>();
    private static final AtomicInteger FIELDS_CHECKED = new AtomicInteger();
    private static final AtomicInteger CHAT_EVENTS_MAPPED = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> everyVector() {
        return IrcVectors.load().stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v)));
    }

    @Test
    void fileHasTheDocumentedShape() {
        List<Vector> all = IrcVectors.load();
        assertThat(all).hasSize(135);
        assertThat(all.stream().filter(v -> "malformed".equals(v.kind()))).hasSize(16);
    }

    @AfterAll
    static void report() {
        System.out.println("[irc vectors] checked per kind: " + new TreeMap<>(VECTORS_PER_KIND) + "; decoded per record: "
                + new TreeMap<>(EVENTS_PER_TYPE) + "; expected fields compared: " + FIELDS_CHECKED
                + "; chat events mapped: " + CHAT_EVENTS_MAPPED);
    }

    private static void check(Vector v) {
        String kind = v.kind() == null ? "normal" : v.kind();
        switch (kind) {
            case "malformed" -> checkMalformed(v);
            case "tags_only" -> {
                assertThat(IrcTags.parse(v.raw())).isEqualTo(stringMap(v.expected().get("tags")));
                FIELDS_CHECKED.incrementAndGet();
            }
            case "emotes_tag" -> checkEmotesOnly(v);
            default -> checkLine(v);
        }
        VECTORS_PER_KIND.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    // ---- malformed --------------------------------------------------------------------------

    /**
     * A malformed line is rejected: the parser or the decoder refuses it with IrcParseException
     * (never anything else), or, when it is syntactically valid IRC with a command Twitch does not
     * have ({@code my test message}, {@code :jtv FOO}), the decoder keeps it only as the
     * uninterpreted {@link IrcEvent.Unknown}, which yields no chat and no event.
     */
    private static void checkMalformed(Vector v) {
        CountingLineDecoder counting = new CountingLineDecoder();
        Optional<IrcEvent> decoded = counting.decode(v.raw());
        assertThat(counting.decoded() + counting.rejected()).isEqualTo(1);
        if (v.expected().has("error")) {
            // twitch-irc-rs / dank-twitch-irc reject these at the IRC layer, and so do we.
            assertThatThrownBy(() -> IrcLineParser.parse(v.raw())).isInstanceOf(IrcParseException.class);
        }
        if (decoded.isPresent()) {
            assertThat(decoded.get()).as("only an unknown command may survive").isInstanceOf(IrcEvent.Unknown.class);
        } else {
            assertThatThrownBy(() -> IrcMessageDecoder.decodeLine(v.raw())).isInstanceOf(IrcParseException.class);
        }
        if (v.expected().has("params_strict_rfc1459")) {
            IrcMessage m = IrcLineParser.parse(v.raw());
            assertThat(m.params()).isEqualTo(stringList(v.expected().get("params_strict_rfc1459")));
            assertThat(m.command()).isEqualTo(v.expected().get("command").asText());
        }
        FIELDS_CHECKED.incrementAndGet();
    }

    // ---- emotes tag alone (dank-twitch-irc: end_exclusive) ------------------------------------

    private static void checkEmotesOnly(Vector v) {
        String text = v.expected().get("message_text").asText();
        List<EmoteRange> expected = new ArrayList<>();
        for (JsonNode e : v.expected().get("emotes")) {
            int start = e.get("start").asInt();
            expected.add(new EmoteRange(e.get("id").asText(), start, e.get("end_exclusive").asInt() - 1, e.get("code").asText()));
        }
        assertThat(Emotes.parse(v.raw(), text)).isEqualTo(expected);
        FIELDS_CHECKED.incrementAndGet();
    }

    // ---- normal lines -----------------------------------------------------------------------

    private static void checkLine(Vector v) {
        IrcMessage m = IrcLineParser.parse(v.raw());
        IrcEvent e = IrcMessageDecoder.decode(m);
        assertThat(e.source()).isEqualTo(m);
        assertThat(e.getClass()).as("record for " + m.command()).isEqualTo(EventFields.recordFor(m.command()));
        EVENTS_PER_TYPE.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
        checkChatMapping(e);
        Dialect dialect = Dialect.of(v.sourceRepo());
        Iterator<Map.Entry<String, JsonNode>> fields = v.expected().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (NOT_MODELLED.containsKey(f.getKey())) {
                continue;
            }
            if (!dialect.check(f.getKey(), f.getValue(), m, e)) {
                fail("no check for expected field '" + f.getKey() + "' (" + dialect + ")");
            }
            FIELDS_CHECKED.incrementAndGet();
        }
    }

    /**
     * Whatever the library asserts, a complete Twitch PRIVMSG must become a ChatMessage, a cheer
     * also a BITS ChatEvent, and a complete USERNOTICE a ChatEvent carrying its fields.
     */
    private static void checkChatMapping(IrcEvent e) {
        if (e instanceof Privmsg p && p.problem().isEmpty()) {
            assertThat(p.toChatMessage().messageId()).isEqualTo(p.messageId());
            Optional<ChatEvent> cheer = p.toCheerEvent();
            assertThat(cheer.isPresent()).isEqualTo(p.bits() > 0);
            cheer.ifPresent(c -> {
                assertThat(c.type()).isEqualTo(ChatEventType.BITS);
                assertThat(c.amount()).isEqualTo(p.bits());
                assertThat(c.username()).isEqualTo(p.login());
                CHAT_EVENTS_MAPPED.incrementAndGet();
            });
        }
        if (e instanceof UserNotice n && n.problem().isEmpty()) {
            ChatEvent c = n.toChatEvent();
            assertThat(c.type()).isEqualTo(ChatEventType.fromMsgId(n.msgId()));
            assertThat(c.msgId()).isEqualTo(n.msgId());
            assertThat(c.eventId()).isEqualTo(n.messageId());
            assertThat(c.channelId()).isEqualTo(n.channelId());
            assertThat(c.channelLogin()).isEqualTo(n.channelLogin());
            assertThat(c.userId()).isEqualTo(n.userId());
            assertThat(c.username()).isEqualTo(n.login());
            assertThat(c.timestamp()).isEqualTo(n.sentAtMs());
            assertThat(c.systemMessage()).isEqualTo(n.systemMessage());
            assertThat(c.message()).isEqualTo(n.text() == null ? "" : n.text());
            // Every msg-param is either the amount or an attribute.
            Map<String, String> rest = new LinkedHashMap<>(n.params());
            rest.keySet().removeAll(c.attributes().keySet());
            assertThat(rest.size()).isLessThanOrEqualTo(1);
            rest.values().forEach(amount -> assertThat(Long.parseLong(amount)).isEqualTo(c.amount()));
            CHAT_EVENTS_MAPPED.incrementAndGet();
        }
    }

    /** How each source library names and shapes its expectations. */
    private enum Dialect {
        RS, GO, TMI, T4J, DANK, DOCS;

        static Dialect of(String repo) {
            if (repo.contains("twitch-irc-rs")) return RS;
            if (repo.contains("go-twitch-irc")) return GO;
            if (repo.contains("tmi.js")) return TMI;
            if (repo.contains("twitch4j")) return T4J;
            if (repo.contains("dank-twitch-irc")) return DANK;
            return DOCS;
        }

        boolean check(String key, JsonNode exp, IrcMessage m, IrcEvent e) {
            return switch (this) {
                case RS -> RsExpectations.check(key, exp, m, e);
                case GO -> go(key, exp, m, e);
                case TMI -> tmi(key, exp, m, e);
                case T4J -> t4j(key, exp, m, e);
                case DANK -> dank(key, exp, m, e);
                case DOCS -> docs(key, exp, m, e);
            };
        }
    }

    private static boolean go(String key, JsonNode exp, IrcMessage m, IrcEvent e) {
        switch (key) {
            case "type", "raw_type" -> assertThat(m.command()).isEqualTo(exp.asText());
            case "message" -> {
                if (e instanceof IrcEvent.Pong pong) {
                    assertThat(pong.params().get(pong.params().size() - 1)).startsWith(exp.asText()); // go keeps the first word
                } else if (e instanceof IrcEvent.Ping ping) {
                    assertThat(ping.params().isEmpty() ? "" : ping.params().get(ping.params().size() - 1)).isEqualTo(exp.asText());
                } else if (e instanceof ClearChat) {
                    assertThat(exp.asText()).isEmpty(); // go puts the target elsewhere
                } else {
                    assertThat(Optional.ofNullable(text(e)).orElse("")).isEqualTo(exp.asText());
                }
            }
            case "channel" -> assertThat(channel(e)).isEqualTo(exp.asText());
            case "room_id" -> assertThat(channelId(e)).isEqualTo(exp.asText());
            case "user" -> {
                assertThat(Optional.ofNullable(userId(e)).orElse("")).isEqualTo(exp.get("id").asText());
                String login = login(e);
                // USERSTATE carries no login: go derives it by lower-casing the display name.
                assertThat(login != null ? login : displayName(e).toLowerCase()).isEqualTo(exp.get("name").asText());
                assertThat(displayName(e).strip()).isEqualTo(exp.get("display_name").asText());
                assertThat(Optional.ofNullable(color(e)).orElse("")).isEqualTo(exp.get("color").asText());
                Map<String, String> theirBadges = new LinkedHashMap<>();
                exp.get("badges").fields().forEachRemaining(b -> theirBadges.put(b.getKey(), b.getValue().asText()));
                assertThat(badges(e)).isEqualTo(theirBadges);
            }
            case "user.id" -> assertThat(userId(e)).isEqualTo(exp.asText());
            case "user.is_broadcaster" -> assertThat(badges(e).containsKey("broadcaster")).isEqualTo(exp.asBoolean());
            case "user.is_mod" -> assertThat(badges(e).containsKey("moderator")).isEqualTo(exp.asBoolean());
            case "user.is_vip" -> assertThat(badges(e).containsKey("vip")).isEqualTo(exp.asBoolean());
            case "id" -> assertThat(messageId(e)).isEqualTo(exp.asText());
            case "action" -> assertThat(((Privmsg) e).action()).isEqualTo(exp.asBoolean());
            case "bits" -> assertThat(((Privmsg) e).bits()).isEqualTo(exp.asLong());
            case "first_message" -> assertThat(((Privmsg) e).firstMessage()).isEqualTo(exp.asBoolean());
            case "reply" -> {
                Privmsg.ReplyParent r = ((Privmsg) e).replyParent().orElseThrow();
                assertThat(r.messageId()).isEqualTo(exp.get("parent_msg_id").asText());
                assertThat(r.userId()).isEqualTo(exp.get("parent_user_id").asText());
                assertThat(r.login()).isEqualTo(exp.get("parent_user_login").asText());
                assertThat(r.displayName()).isEqualTo(exp.get("parent_display_name").asText());
                assertThat(r.body()).isEqualTo(exp.get("parent_msg_body").asText());
            }
            case "source" -> {
                Privmsg p = (Privmsg) e;
                assertThat(p.sharedChatSourceRoomId()).contains(exp.get("room_id").asText());
                assertThat(p.source().tag("source-id")).isEqualTo(exp.get("id").asText());
            }
            case "emotes" -> {
                Map<String, List<EmoteRange>> byId = new LinkedHashMap<>();
                emotes(e).forEach(r -> byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
                List<String> ours = new ArrayList<>();
                byId.forEach((id, rs) -> ours.add(id + " " + rs.get(0).name() + " x" + rs.size()));
                List<String> theirs = new ArrayList<>();
                exp.forEach(x -> theirs.add(x.get("id").asText() + " " + x.get("name").asText() + " x" + x.get("count").asInt()));
                assertThat(ours).containsExactlyInAnyOrderElementsOf(theirs);
            }
            case "emotes_count" -> assertThat(emotes(e).stream().map(EmoteRange::id).distinct().count()).isEqualTo(exp.asLong());
            case "msg_id" -> assertThat(e instanceof Notice n ? n.msgId() : ((UserNotice) e).msgId()).isEqualTo(exp.asText());
            case "msg_params" -> {
                Map<String, String> ours = new TreeMap<>();
                ((UserNotice) e).params().forEach((k, val) -> ours.put("msg-param-" + k, val.strip()));
                assertThat(ours).isEqualTo(new TreeMap<>(stringMap(exp)));
            }
            case "system_msg" -> assertThat(((UserNotice) e).systemMessage().replace("\n", "").strip()).isEqualTo(exp.asText());
            case "ban_duration" -> {
                Integer duration = ((ClearChat) e).banDurationSeconds();
                assertThat(duration == null ? 0 : duration).isEqualTo(exp.asInt());
            }
            case "target_user_id" -> assertThat(((ClearChat) e).targetUserId()).isEqualTo(exp.asText());
            case "target_username" -> assertThat(((ClearChat) e).targetLogin()).isEqualTo(exp.asText());
            case "target_msg_id" -> assertThat(((ClearMsg) e).targetMessageId()).isEqualTo(exp.asText());
            case "login" -> assertThat(login(e)).isEqualTo(exp.asText());
            case "emote_sets" -> assertThat(emoteSets(e)).isEqualTo(stringList(exp));
            case "state" -> {
                RoomState r = (RoomState) e;
                Map<String, Integer> ours = new TreeMap<>();
                ours.put("emote-only", r.emoteOnly() ? 1 : 0);
                ours.put("followers-only", r.followersOnlyMinutes());
                ours.put("r9k", r.r9k() ? 1 : 0);
                ours.put("slow", r.slowSeconds());
                ours.put("subs-only", r.subsOnly() ? 1 : 0);
                ours.put("rituals", Integer.valueOf(r.source().tag("rituals"))); // retired by Twitch; not modelled
                Map<String, Integer> theirs = new TreeMap<>();
                exp.fields().forEachRemaining(x -> theirs.put(x.getKey(), x.getValue().asInt()));
                assertThat(ours).isEqualTo(theirs);
            }
            case "parses_without_panic" -> assertThat(e).isInstanceOf(Privmsg.class);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean tmi(String key, JsonNode exp, IrcMessage m, IrcEvent e) {
        switch (key) {
            case "event" -> tmiEvent(exp.asText(), e);
            case "channel" -> assertThat("#" + channel(e)).isEqualTo(exp.asText());
            case "from" -> assertThat("#" + login(e)).isEqualTo(exp.asText());
            case "message" -> assertThat(text(e)).isEqualTo(exp.asText());
            case "username" -> {
                String ours = e instanceof UserNotice n ? n.displayName() // tmi reports the display name here
                        : e instanceof ClearChat c ? c.targetLogin() : login(e);
                assertThat(ours).isEqualTo(exp.asText());
            }
            case "userstate" -> exp.fields().forEachRemaining(x -> tmiUserstate(x.getKey(), x.getValue(), m, e));
            case "tags" -> assertThat(m.tags()).isEqualTo(stringMap(exp));
            case "duration" -> assertThat(((ClearChat) e).banDurationSeconds()).isEqualTo(exp.asInt());
            case "viewers" -> assertThat(((UserNotice) e).toChatEvent().amount()).isEqualTo(exp.asLong());
            case "streak_months" -> assertThat(((UserNotice) e).numberParam("streak-months")).isEqualTo(exp.asLong());
            case "methods" -> {
                UserNotice n = (UserNotice) e;
                assertThat(n.param("sub-plan")).isEqualTo(exp.get("plan").asText());
                assertThat(n.param("sub-plan-name")).isEqualTo(textOrNull(exp.get("planName")));
                assertThat("Prime".equals(n.param("sub-plan"))).isEqualTo(exp.get("prime").asBoolean());
            }
            case "enabled" -> assertThat(((Notice) e).msgId().endsWith("_on")).isEqualTo(exp.asBoolean());
            case "reward_type" -> {
                // Channel-point redemptions are plain chat to us; the reward is only in the tags.
                String reward = m.tag("custom-reward-id") != null ? m.tag("custom-reward-id") : m.tag("msg-id");
                assertThat(e).isInstanceOf(Privmsg.class);
                assertThat(reward).isEqualTo(exp.asText());
            }
            default -> {
                if (!key.startsWith("tags.")) {
                    return false;
                }
                String tag = key.substring(5);
                String ours = switch (tag) {
                    case "msg-id" -> ((UserNotice) e).msgId();
                    case "login" -> login(e);
                    case "user-id" -> userId(e);
                    case "room-id" -> channelId(e);
                    case "system-msg" -> ((UserNotice) e).systemMessage();
                    case "tmi-sent-ts" -> String.valueOf(sentAt(e));
                    default -> tag.startsWith("msg-param-") ? ((UserNotice) e).param(tag.substring(10)) : m.tag(tag);
                };
                assertTmiTag(ours, exp);
            }
        }
        return true;
    }

    private static void tmiEvent(String event, IrcEvent e) {
        switch (event) {
            case "chat" -> assertThat(((Privmsg) e).action()).isFalse();
            case "action" -> assertThat(((Privmsg) e).action()).isTrue();
            case "cheer" -> assertThat(((Privmsg) e).bits()).isPositive(); // no room-id here, so no ChatEvent
            case "redeem" -> assertThat(e).isInstanceOf(Privmsg.class);
            case "whisper" -> assertThat(e).isInstanceOf(IrcEvent.Whisper.class);
            case "connected" -> assertThat(((IrcEvent.Unknown) e).command()).isEqualTo("376");
            case "r9kbeta" -> assertThat(((Notice) e).msgId()).isEqualTo("r9k_on");
            case "clearchat" -> assertThat(((ClearChat) e).kind()).isEqualTo(ClearChat.Kind.CHAT_CLEARED);
            case "timeout" -> assertThat(((ClearChat) e).kind()).isEqualTo(ClearChat.Kind.USER_TIMED_OUT);
            case "raided" -> assertThat(((UserNotice) e).type()).isEqualTo(ChatEventType.RAID);
            case "resub" -> assertThat(((UserNotice) e).type()).isEqualTo(ChatEventType.RESUB);
            case "primepaidupgrade" -> {
                assertThat(((UserNotice) e).msgId()).isEqualTo("primepaidupgrade");
                assertThat(((UserNotice) e).type()).isEqualTo(ChatEventType.OTHER);
            }
            default -> fail("no check for tmi event " + event);
        }
    }

    private static void tmiUserstate(String key, JsonNode exp, IrcMessage m, IrcEvent e) {
        switch (key) {
            case "username" -> assertThat(login(e)).isEqualTo(exp.asText());
            case "message-type" -> assertThat(e instanceof Privmsg p ? (p.action() ? "action" : "chat") : "whisper")
                    .isEqualTo(exp.asText());
            case "emotes" -> {
                Map<String, List<String>> ours = new TreeMap<>();
                emotes(e).forEach(r -> ours.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r.start() + "-" + r.end()));
                // tmi.js keeps the tag's raw "start-end" strings; apply our clamping to them.
                String t = text(e);
                int length = t.codePointCount(0, t.length());
                Map<String, List<String>> theirs = new TreeMap<>();
                if (!exp.isNull()) {
                    exp.fields().forEachRemaining(x -> {
                        for (String range : stringList(x.getValue())) {
                            int start = Integer.parseInt(range.split("-")[0]);
                            int end = Math.min(Integer.parseInt(range.split("-")[1]), length - 1);
                            if (start < length) {
                                theirs.computeIfAbsent(x.getKey(), k -> new ArrayList<>()).add(start + "-" + end);
                            }
                        }
                    });
                }
                assertThat(ours).isEqualTo(theirs);
            }
            case "display-name" -> assertTmiTag(displayName(e), exp);
            case "color" -> assertTmiTag(color(e), exp);
            case "id" -> assertTmiTag(messageId(e), exp);
            case "room-id" -> assertTmiTag(channelId(e), exp);
            case "user-id" -> assertTmiTag(userId(e), exp);
            case "tmi-sent-ts" -> assertTmiTag(String.valueOf(sentAt(e)), exp);
            case "bits" -> assertTmiTag(String.valueOf(((Privmsg) e).bits()), exp);
            case "badges" -> {
                Map<String, String> theirs = new LinkedHashMap<>();
                exp.fields().forEachRemaining(x -> theirs.put(x.getKey(), x.getValue().asText()));
                assertThat(badges(e)).isEqualTo(theirs);
            }
            case "emotes-raw", "badges-raw", "badge-info-raw" -> assertTmiTag(m.tag(key.replace("-raw", "")), exp);
            case "user-type", "flags", "mod", "subscriber", "turbo", "badge-info" -> {
                // Presentation flags not in our model: compared with the raw tag.
                if (key.equals("badge-info")) {
                    Map<String, String> theirs = new LinkedHashMap<>();
                    exp.fields().forEachRemaining(x -> theirs.put(x.getKey(), x.getValue().asText()));
                    assertThat(TwitchTags.badges(m.tag("badge-info"))).isEqualTo(theirs);
                } else {
                    assertTmiTag(m.tag(key), exp);
                }
            }
            default -> fail("no check for tmi userstate field " + key);
        }
        FIELDS_CHECKED.incrementAndGet();
    }

    /** tmi.js maps "" to null, "0"/"1" to booleans for flags, and drops \n from values. */
    private static void assertTmiTag(String ours, JsonNode exp) {
        if (exp.isNull()) {
            assertThat(ours == null || ours.isEmpty()).isTrue();
        } else if (exp.isBoolean()) {
            assertThat(ours).isEqualTo(exp.asBoolean() ? "1" : "0");
        } else {
            assertThat(ours.replace("\n", "")).isEqualTo(exp.asText());
        }
    }

    private static boolean t4j(String key, JsonNode exp, IrcMessage m, IrcEvent e) {
        switch (key) {
            case "message" -> assertThat(e instanceof IrcEvent.Names n ? String.join(" ", n.logins()) : text(e))
                    .isEqualTo(exp.asText());
            case "user_message" -> assertThat(text(e)).isEqualTo(exp.asText());
            case "channel_name", "channel.name" -> assertThat(channel(e)).isEqualTo(exp.asText());
            case "channel_id", "channel.id" -> assertThat(channelId(e)).isEqualTo(exp.asText());
            case "user_id", "user.id" -> assertThat(userId(e)).isEqualTo(exp.asText());
            case "user_name", "user.name" -> {
                String login = login(e);
                assertThat(login != null ? login : displayName(e).toLowerCase()).isEqualTo(exp.asText());
            }
            case "command_type" -> assertThat(m.command()).isEqualTo(exp.asText());
            case "message_id" -> assertThat(messageId(e)).isEqualTo(exp.asText());
            case "nonce" -> assertThat(m.tag("client-nonce")).isEqualTo(exp.asText());
            case "reply.message_body" -> assertThat(((Privmsg) e).replyParent().orElseThrow().body()).isEqualTo(exp.asText());
            case "reply.thread_message_id" -> assertThat(m.tag("reply-thread-parent-msg-id")).isEqualTo(exp.asText());
            case "source_channel_id" -> assertThat(((Privmsg) e).sharedChatSourceRoomId()).contains(exp.asText());
            case "is_mirrored" -> assertThat(((Privmsg) e).sharedChatSourceRoomId().isPresent()).isEqualTo(exp.asBoolean());
            case "source_message_id" -> assertThat(m.tag("source-id")).isEqualTo(exp.asText());
            case "milestone_unique_id" -> assertThat(((UserNotice) e).param("id")).isEqualTo(exp.asText());
            case "milestone_category" -> assertThat(((UserNotice) e).param("category")).isEqualTo(exp.asText());
            case "value" -> assertThat(((UserNotice) e).numberParam("value")).isEqualTo(exp.asLong());
            case "earned_channel_points" -> assertThat(((UserNotice) e).numberParam("copoReward")).isEqualTo(exp.asLong());
            case "designated_first_message" -> assertThat(((Privmsg) e).firstMessage()).isEqualTo(exp.asBoolean());
            case "client_permissions_contains", "permissions_contains" -> {
                String badge = switch (exp.asText()) {
                    case "BROADCASTER" -> "broadcaster";
                    case "TWITCHSTAFF" -> "staff";
                    case "EVERYONE" -> null;
                    default -> throw new AssertionError("unknown twitch4j permission " + exp.asText());
                };
                if (badge != null) {
                    assertThat(badges(e)).containsKey(badge);
                }
            }
            case "client_name_present" -> assertThat(((IrcEvent.Names) e).logins().isEmpty()).isNotEqualTo(exp.asBoolean());
            default -> {
                if (!key.startsWith("tag.")) {
                    return false;
                }
                String tag = key.substring(4);
                String ours = switch (tag) {
                    case "msg-id" -> e instanceof Notice n ? n.msgId() : ((UserNotice) e).msgId();
                    case "system-msg" -> ((UserNotice) e).systemMessage();
                    case "display-name" -> displayName(e);
                    case "emote-sets" -> String.join(",", emoteSets(e));
                    case "reply-thread-parent-user-id" -> m.tag(tag); // threads are not modelled
                    case "emotes" -> m.tag(tag);
                    default -> throw new AssertionError("no check for twitch4j tag " + tag);
                };
                assertThat(ours).isEqualTo(exp.asText());
            }
        }
        return true;
    }

    private static boolean dank(String key, JsonNode exp, IrcMessage m, IrcEvent e) {
        switch (key) {
            case "display_name" -> assertThat(displayName(e).strip()).isEqualTo(exp.asText()); // dank trims
            case "command" -> assertThat(m.command()).isEqualTo(exp.asText());
            case "sub_command" -> assertThat(((IrcEvent.Cap) e).subCommand()).isEqualTo(exp.asText());
            case "capabilities" -> assertThat(((IrcEvent.Cap) e).capabilities()).isEqualTo(stringList(exp));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean docs(String key, JsonNode exp, IrcMessage m, IrcEvent e) {
        switch (key) {
            case "command" -> assertThat(m.command()).isEqualTo(exp.asText());
            case "channel" -> assertThat(channel(e)).isEqualTo(exp.asText());
            case "room_id" -> assertThat(channelId(e)).isEqualTo(textOrNull(exp));
            case "user_id" -> assertThat(userId(e)).isEqualTo(exp.asText());
            case "login" -> assertThat(login(e)).isEqualTo(exp.asText());
            case "display_name" -> assertThat(displayName(e)).isEqualTo(exp.asText());
            case "text" -> assertThat(text(e)).isEqualTo(textOrNull(exp));
            case "tmi_sent_ts" -> assertThat(sentAt(e)).isEqualTo(exp.asLong());
            case "emotes" -> {
                List<EmoteRange> theirs = new ArrayList<>();
                exp.forEach(x -> theirs.add(new EmoteRange(x.get("id").asText(), x.get("start").asInt(),
                        x.get("end_inclusive").asInt(), x.get("code").asText())));
                theirs.sort(java.util.Comparator.comparingInt(EmoteRange::start));
                assertThat(emotes(e)).isEqualTo(theirs);
            }
            case "badges" -> {
                Map<String, String> theirs = new LinkedHashMap<>();
                exp.fields().forEachRemaining(x -> theirs.put(x.getKey(), x.getValue().asText()));
                assertThat(badges(e)).isEqualTo(theirs);
            }
            case "action" -> {
                ClearChat.Kind expected = switch (exp.asText()) {
                    case "timeout" -> ClearChat.Kind.USER_TIMED_OUT;
                    case "ban" -> ClearChat.Kind.USER_BANNED;
                    default -> ClearChat.Kind.CHAT_CLEARED;
                };
                assertThat(((ClearChat) e).kind()).isEqualTo(expected);
            }
            case "target_login" -> assertThat(((ClearChat) e).targetLogin()).isEqualTo(exp.asText());
            case "target_user_id" -> assertThat(e instanceof ClearChat c ? c.targetUserId() : ((Notice) e).targetUserId())
                    .isEqualTo(exp.asText());
            case "ban_duration_s" -> assertThat(((ClearChat) e).banDurationSeconds()).isEqualTo(exp.asInt());
            case "msg_id" -> assertThat(e instanceof Notice n ? n.msgId() : ((UserNotice) e).msgId()).isEqualTo(exp.asText());
            case "viewer_count" -> {
                ChatEvent raid = ((UserNotice) e).toChatEvent();
                assertThat(raid.type()).isEqualTo(ChatEventType.RAID);
                assertThat(raid.amount()).isEqualTo(exp.asLong());
            }
            case "system_msg_ircv3_decoded" -> assertThat(((UserNotice) e).systemMessage()).isEqualTo(exp.asText());
            case "slow_s" -> assertThat(((RoomState) e).slowSeconds()).isEqualTo(exp.asInt());
            case "target" -> assertThat(m.params().get(0)).isEqualTo(exp.asText());
            case "server_closes_connection" -> assertThat(((Notice) e).isLoginFailure()).isEqualTo(exp.asBoolean());
            case "params" -> assertThat(m.params()).isEqualTo(stringList(exp));
            case "prefix_host" -> assertThat(m.prefixHost()).isEqualTo(exp.asText());
            default -> {
                return false;
            }
        }
        return true;
    }

    // ---- translating their shapes --------------------------------------------------------------

    static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    static List<String> stringList(JsonNode n) {
        List<String> list = new ArrayList<>();
        n.forEach(x -> list.add(x.asText()));
        return list;
    }

    static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> map = new LinkedHashMap<>();
        n.fields().forEachRemaining(x -> map.put(x.getKey(), x.getValue().asText()));
        return map;
    }
}
