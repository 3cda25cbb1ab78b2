package dev.streamscout.twitch.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.twitch.irc.IrcVectors.Vector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every captured line of irc_vectors.jsonl through IrcLineParser / PrivmsgMapper / Emotes and
 * compares each expected field, translated from the asserting library's conventions into ours:
 * twitch-irc-rs {@code char_range} is [start, end) and dank-twitch-irc {@code end_exclusive} too
 * (ours: end inclusive); tmi.js keeps {@code #} on channels and drops {@code \n} in tag values;
 * go-twitch-irc trims values, drops {@code \n} and groups emotes per id. Fields that StreamScout does
 * not model (badges, colours, sub events...) are listed in {@link #IGNORED}; any other field must be
 * checked, so that no expectation is silently skipped.
 */
class IrcVectorsTest {

    /** Expected-field names that describe things outside our model, with no check. */
    private static final Set<String> IGNORED = Set.of(
            "badge_info", "badges", "bits", "name_color", "reply_parent", "event", "emote_only", "followers_only",
            "r9k", "slow_mode_s", "subscribers_only", "color", "first_message", "reply", "source", "user.is_broadcaster",
            "user.is_mod", "user.is_vip", "methods", "reason", "self", "enabled", "client_permissions_contains",
            "permissions_contains", "designated_first_message", "is_mirrored", "source_badge_info_empty",
            "source_badges.glitchcon2020", "badges_empty", "client_name_present", "server_closes_connection",
            "user_type", "parses_without_panic", "logger_warns", "intended");

    private static final Map<String, AtomicInteger> VECTORS_PER_KIND = new ConcurrentHashMap<>();
    private static final AtomicInteger FIELDS_CHECKED = new AtomicInteger();
    private static final AtomicInteger PRIVMSG_MAPPED = new AtomicInteger();

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
        System.out.println("[irc vectors] checked per kind: " + new TreeMap<>(VECTORS_PER_KIND)
                + "; expected fields compared: " + FIELDS_CHECKED + "; PRIVMSG lines mapped: " + PRIVMSG_MAPPED);
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

    private static void checkMalformed(Vector v) {
        boolean syntaxError = v.expected().has("error") || v.expected().has("raw_type") && v.raw().startsWith("@");
        if (syntaxError) {
            // twitch-irc-rs / dank-twitch-irc reject these at the IRC layer, and so do we.
            assertThatThrownBy(() -> IrcLineParser.parse(v.raw())).isInstanceOf(IrcParseException.class);
            FIELDS_CHECKED.incrementAndGet();
            return;
        }
        // Syntactically valid IRC that the libraries refuse to interpret: our mapper must reject it.
        IrcMessage m;
        try {
            m = IrcLineParser.parse(v.raw());
        } catch (IrcParseException e) {
            return;
        }
        assertThat(PrivmsgMapper.toChatMessage(m)).isEmpty();
        if (v.expected().has("params_strict_rfc1459")) {
            assertThat(m.params()).isEqualTo(stringList(v.expected().get("params_strict_rfc1459")));
            assertThat(m.command()).isEqualTo(v.expected().get("command").asText());
        }
        FIELDS_CHECKED.incrementAndGet();
    }

    // ---- emotes tag alone (dank-twitch-irc: end_exclusive) ------------------------------------

    private static void checkEmotesOnly(Vector v) {
        String text = v.expected().get("message_text").asText();
        List<EmoteRange> ours = Emotes.parse(v.raw(), text);
        List<EmoteRange> expected = new ArrayList<>();
        for (JsonNode e : v.expected().get("emotes")) {
            int start = e.get("start").asInt();
            expected.add(new EmoteRange(e.get("id").asText(), start, e.get("end_exclusive").asInt() - 1, e.get("code").asText()));
        }
        assertThat(ours).isEqualTo(expected);
        FIELDS_CHECKED.incrementAndGet();
    }

    // ---- normal lines -----------------------------------------------------------------------

    private static void checkLine(Vector v) {
        IrcMessage m = IrcLineParser.parse(v.raw());
        Optional<Privmsg> privmsg = PrivmsgMapper.toPrivmsg(m);
        if (m.command().equals("PRIVMSG")) {
            assertThat(privmsg).as("well-formed PRIVMSG maps").isPresent();
            PRIVMSG_MAPPED.incrementAndGet();
            // Whatever the library asserts, a complete Twitch PRIVMSG must also become a ChatMessage.
            if (m.tag("room-id") != null && m.tag("user-id") != null && m.tag("tmi-sent-ts") != null) {
                assertThat(PrivmsgMapper.toChatMessage(m)).isPresent();
            }
        }
        Dialect dialect = Dialect.of(v.sourceRepo());
        Iterator<Map.Entry<String, JsonNode>> fields = v.expected().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (IGNORED.contains(f.getKey())) {
                continue;
            }
            boolean checked = dialect.check(f.getKey(), f.getValue(), m, privmsg.orElse(null));
            if (!checked) {
                fail("no check for expected field '" + f.getKey() + "' (" + dialect + ")");
            }
            FIELDS_CHECKED.incrementAndGet();
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

        boolean check(String key, JsonNode exp, IrcMessage m, Privmsg p) {
            return switch (this) {
                case RS -> rs(key, exp, m, p);
                case GO -> go(key, exp, m, p);
                case TMI -> tmi(key, exp, m, p);
                case T4J -> t4j(key, exp, m, p);
                case DANK -> dank(key, exp, m);
                case DOCS -> docs(key, exp, m, p);
            };
        }
    }

    private static boolean rs(String key, JsonNode exp, IrcMessage m, Privmsg p) {
        switch (key) {
            case "command" -> assertThat(m.command()).isEqualTo(exp.asText());
            case "channel_login" -> assertThat(m.channel()).isEqualTo(textOrNull(exp));
            case "channel_id" -> assertThat(p != null ? p.channelId() : m.tag("room-id")).isEqualTo(textOrNull(exp));
            case "message_text" -> assertThat(text(m, p)).isEqualTo(textOrNull(exp));
            case "is_action" -> assertThat(p != null ? p.action() : PrivmsgMapper.isAction(m.trailing())).isEqualTo(exp.asBoolean());
            case "sender" -> {
                assertThat(senderId(m, p)).isEqualTo(exp.get("id").asText());
                assertThat(senderLogin(m, p)).isEqualTo(exp.get("login").asText());
                assertThat(displayName(m, p)).isEqualTo(exp.get("name").asText());
            }
            case "sender.name" -> assertThat(displayName(m, p)).isEqualTo(exp.asText());
            case "sender.login" -> assertThat(senderLogin(m, p)).isEqualTo(exp.asText());
            case "sender_login" -> assertThat(m.tag("login")).isEqualTo(exp.asText());
            case "user_login" -> assertThat(m.nick()).isEqualTo(exp.asText());
            case "user_id" -> assertThat(m.tag("user-id")).isEqualTo(exp.asText());
            case "user_name" -> assertThat(m.tag("display-name")).isEqualTo(exp.asText());
            case "recipient_login" -> assertThat(m.params().get(0)).isEqualTo(exp.asText());
            case "emotes" -> assertThat(emotes(m, p)).isEqualTo(exclusiveRanges(exp, "char_range"));
            case "server_timestamp_ms" -> assertThat(Long.parseLong(m.tag("tmi-sent-ts"))).isEqualTo(exp.asLong());
            case "message_id" -> {
                String ours = switch (m.command()) {
                    case "NOTICE" -> m.tag("msg-id");
                    case "CLEARMSG" -> m.tag("target-msg-id");
                    case "PRIVMSG" -> p.messageId();
                    default -> m.tag("id");
                };
                assertThat(ours).isEqualTo(textOrNull(exp));
            }
            case "params" -> assertThat(m.params()).isEqualTo(stringList(exp));
            case "prefix" -> assertThat(m.prefix()).isEqualTo(rsPrefix(exp));
            case "prefix_host" -> assertThat(m.prefixHost()).isEqualTo(exp.asText());
            case "tags" -> assertThat(m.tags()).isEqualTo(stringMap(exp));
            case "system_message" -> assertThat(m.tag("system-msg")).isEqualTo(exp.asText());
            case "event_id" -> assertThat(m.tag("msg-id")).isEqualTo(exp.asText());
            case "emote_sets" -> assertThat(splitList(m.tag("emote-sets"))).isEqualTo(stringList(exp));
            case "action" -> assertThat(rsClearchatAction(m)).isEqualTo(exp.get("type").asText());
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean go(String key, JsonNode exp, IrcMessage m, Privmsg p) {
        switch (key) {
            case "type", "raw_type" -> assertThat(m.command()).isEqualTo(exp.asText());
            case "message" -> {
                switch (m.command()) {
                    case "CLEARCHAT" -> assertThat(exp.asText()).isEmpty(); // go puts the target elsewhere
                    case "PONG" -> assertThat(m.trailing()).startsWith(exp.asText()); // go keeps the first word
                    case "PING" -> assertThat(Optional.ofNullable(m.trailing()).orElse("")).isEqualTo(exp.asText());
                    default -> assertThat(Optional.ofNullable(text(m, p)).orElse("")).isEqualTo(exp.asText());
                }
            }
            case "channel" -> assertThat(m.channel()).isEqualTo(exp.asText());
            case "room_id" -> assertThat(m.tag("room-id")).isEqualTo(exp.asText());
            case "user" -> {
                assertThat(Optional.ofNullable(m.tag("user-id")).orElse("")).isEqualTo(exp.get("id").asText());
                String login = senderLogin(m, p);
                // USERSTATE carries no login: go derives it by lower-casing the display name.
                assertThat(login != null ? login : m.tag("display-name").toLowerCase()).isEqualTo(exp.get("name").asText());
                assertThat(displayName(m, p).strip()).isEqualTo(exp.get("display_name").asText());
            }
            case "user.id" -> assertThat(m.tag("user-id")).isEqualTo(exp.asText());
            case "id" -> assertThat(p != null ? p.messageId() : m.tag("id")).isEqualTo(exp.asText());
            case "action" -> assertThat(p.action()).isEqualTo(exp.asBoolean());
            case "emotes" -> {
                Map<String, List<EmoteRange>> byId = new LinkedHashMap<>();
                emotes(m, p).forEach(r -> byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
                List<String> ours = new ArrayList<>();
                byId.forEach((id, rs) -> ours.add(id + " " + rs.get(0).name() + " x" + rs.size()));
                List<String> theirs = new ArrayList<>();
                exp.forEach(e -> theirs.add(e.get("id").asText() + " " + e.get("name").asText() + " x" + e.get("count").asInt()));
                assertThat(ours).containsExactlyInAnyOrderElementsOf(theirs);
            }
            case "emotes_count" -> assertThat(emotes(m, p).stream().map(EmoteRange::id).distinct().count()).isEqualTo(exp.asLong());
            case "msg_id" -> assertThat(m.tag("msg-id")).isEqualTo(exp.asText());
            case "msg_params" -> {
                Map<String, String> ours = new TreeMap<>();
                m.tags().forEach((k, val) -> {
                    if (k.startsWith("msg-param-")) ours.put(k, val.strip());
                });
                assertThat(ours).isEqualTo(new TreeMap<>(stringMap(exp)));
            }
            case "system_msg" -> assertThat(m.tag("system-msg").replace("\n", "").strip()).isEqualTo(exp.asText());
            case "ban_duration" -> assertThat(m.tag("ban-duration") == null ? 0 : Integer.parseInt(m.tag("ban-duration"))).isEqualTo(exp.asInt());
            case "target_user_id" -> assertThat(m.tag("target-user-id")).isEqualTo(exp.asText());
            case "target_username" -> assertThat(m.trailing()).isEqualTo(exp.asText());
            case "target_msg_id" -> assertThat(m.tag("target-msg-id")).isEqualTo(exp.asText());
            case "login" -> assertThat(m.tag("login")).isEqualTo(exp.asText());
            case "emote_sets" -> assertThat(splitList(m.tag("emote-sets"))).isEqualTo(stringList(exp));
            case "state" -> exp.fields().forEachRemaining(e ->
                    assertThat(Integer.parseInt(m.tag(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue().asInt()));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean tmi(String key, JsonNode exp, IrcMessage m, Privmsg p) {
        switch (key) {
            case "event" -> {
                String command = switch (exp.asText()) {
                    case "chat", "action", "cheer", "redeem" -> "PRIVMSG";
                    case "whisper" -> "WHISPER";
                    case "connected" -> "376";
                    case "r9kbeta" -> "NOTICE";
                    case "clearchat", "timeout" -> "CLEARCHAT";
                    default -> "USERNOTICE"; // raided, resub, primepaidupgrade
                };
                assertThat(m.command()).isEqualTo(command);
                if (exp.asText().equals("action")) {
                    assertThat(p.action()).isTrue();
                }
                if (exp.asText().equals("r9kbeta")) {
                    assertThat(m.tag("msg-id")).isEqualTo("r9k_on");
                }
            }
            case "channel" -> assertThat("#" + m.channel()).isEqualTo(exp.asText());
            case "from" -> assertThat("#" + m.nick()).isEqualTo(exp.asText());
            case "message" -> assertThat(text(m, p)).isEqualTo(exp.asText());
            case "username" -> {
                String ours = switch (m.command()) {
                    case "USERNOTICE" -> m.tag("display-name"); // tmi reports the display name here
                    case "CLEARCHAT" -> m.trailing();
                    default -> senderLogin(m, p);
                };
                assertThat(ours).isEqualTo(exp.asText());
            }
            case "userstate" -> exp.fields().forEachRemaining(e -> tmiUserstate(e.getKey(), e.getValue(), m, p));
            case "tags" -> assertThat(m.tags()).isEqualTo(stringMap(exp));
            case "duration" -> assertThat(Integer.parseInt(m.tag("ban-duration"))).isEqualTo(exp.asInt());
            case "viewers" -> assertThat(Integer.parseInt(m.tag("msg-param-viewerCount"))).isEqualTo(exp.asInt());
            case "streak_months" -> assertThat(Integer.parseInt(m.tag("msg-param-streak-months"))).isEqualTo(exp.asInt());
            case "reward_type" -> assertThat(m.tag("custom-reward-id") != null ? m.tag("custom-reward-id") : m.tag("msg-id"))
                    .isEqualTo(exp.asText());
            default -> {
                if (!key.startsWith("tags.")) {
                    return false;
                }
                assertTmiTag(m.tag(key.substring(5)), exp);
            }
        }
        return true;
    }

    private static void tmiUserstate(String key, JsonNode exp, IrcMessage m, Privmsg p) {
        switch (key) {
            case "username" -> assertThat(senderLogin(m, p)).isEqualTo(exp.asText());
            case "message-type" -> assertThat(p == null ? "whisper" : p.action() ? "action" : "chat").isEqualTo(exp.asText());
            case "emotes" -> {
                Map<String, List<String>> ours = new TreeMap<>();
                emotes(m, p).forEach(r -> ours.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r.start() + "-" + r.end()));
                // tmi.js keeps the tag's raw "start-end" strings; apply our clamping to them.
                String t = text(m, p);
                int length = t.codePointCount(0, t.length());
                Map<String, List<String>> theirs = new TreeMap<>();
                if (!exp.isNull()) {
                    exp.fields().forEachRemaining(e -> {
                        for (String range : stringList(e.getValue())) {
                            int start = Integer.parseInt(range.split("-")[0]);
                            int end = Math.min(Integer.parseInt(range.split("-")[1]), length - 1);
                            if (start < length) {
                                theirs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(start + "-" + end);
                            }
                        }
                    });
                }
                assertThat(ours).isEqualTo(theirs);
            }
            case "emotes-raw", "badges-raw", "badge-info-raw" -> assertTmiTag(m.tag(key.replace("-raw", "")), exp);
            case "display-name", "color", "id", "room-id", "user-id", "tmi-sent-ts", "user-type", "flags", "bits",
                    "mod", "subscriber", "turbo" -> assertTmiTag(m.tag(key), exp);
            case "badges", "badge-info" -> { /* tmi's parsed badge maps: not in our model */ }
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

    private static boolean t4j(String key, JsonNode exp, IrcMessage m, Privmsg p) {
        switch (key) {
            case "message" -> assertThat(text(m, p)).isEqualTo(exp.asText());
            case "user_message" -> assertThat(m.trailing()).isEqualTo(exp.asText());
            case "channel_name", "channel.name" -> assertThat(m.command().equals("353")
                    ? m.params().get(2).substring(1) : m.channel()).isEqualTo(exp.asText());
            case "channel_id", "channel.id" -> assertThat(m.tag("room-id")).isEqualTo(exp.asText());
            case "user_id", "user.id" -> assertThat(m.tag("user-id")).isEqualTo(exp.asText());
            case "user_name", "user.name" -> {
                String login = senderLogin(m, p);
                assertThat(login != null ? login : m.tag("display-name").toLowerCase()).isEqualTo(exp.asText());
            }
            case "command_type" -> assertThat(m.command()).isEqualTo(exp.asText());
            case "message_id" -> assertThat(p != null ? p.messageId() : m.tag("id")).isEqualTo(exp.asText());
            case "nonce" -> assertThat(m.tag("client-nonce")).isEqualTo(exp.asText());
            case "reply.message_body" -> assertThat(m.tag("reply-parent-msg-body")).isEqualTo(exp.asText());
            case "reply.thread_message_id" -> assertThat(m.tag("reply-thread-parent-msg-id")).isEqualTo(exp.asText());
            case "source_channel_id" -> assertThat(m.tag("source-room-id")).isEqualTo(exp.asText());
            case "source_message_id" -> assertThat(m.tag("source-id")).isEqualTo(exp.asText());
            case "milestone_unique_id" -> assertThat(m.tag("msg-param-id")).isEqualTo(exp.asText());
            case "milestone_category" -> assertThat(m.tag("msg-param-category")).isEqualTo(exp.asText());
            case "value" -> assertThat(Integer.parseInt(m.tag("msg-param-value"))).isEqualTo(exp.asInt());
            case "earned_channel_points" -> assertThat(Integer.parseInt(m.tag("msg-param-copoReward"))).isEqualTo(exp.asInt());
            default -> {
                if (!key.startsWith("tag.")) {
                    return false;
                }
                assertThat(m.tag(key.substring(4))).isEqualTo(exp.asText());
            }
        }
        return true;
    }

    private static boolean dank(String key, JsonNode exp, IrcMessage m) {
        switch (key) {
            case "display_name" -> assertThat(m.tag("display-name").strip()).isEqualTo(exp.asText()); // dank trims
            case "command" -> assertThat(m.command()).isEqualTo(exp.asText());
            case "sub_command" -> assertThat(m.params().get(1)).isEqualTo(exp.asText());
            case "capabilities" -> assertThat(List.of(m.trailing().split(" "))).isEqualTo(stringList(exp));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean docs(String key, JsonNode exp, IrcMessage m, Privmsg p) {
        switch (key) {
            case "command" -> assertThat(m.command()).isEqualTo(exp.asText());
            case "channel" -> assertThat(m.channel()).isEqualTo(exp.asText());
            case "room_id" -> assertThat(p != null ? p.channelId() : m.tag("room-id")).isEqualTo(textOrNull(exp));
            case "user_id" -> assertThat(p != null ? p.userId() : m.tag("user-id")).isEqualTo(exp.asText());
            case "login" -> assertThat(senderLogin(m, p)).isEqualTo(exp.asText());
            case "display_name" -> assertThat(displayName(m, p)).isEqualTo(exp.asText());
            case "text" -> assertThat(text(m, p)).isEqualTo(textOrNull(exp));
            case "tmi_sent_ts" -> assertThat(p != null ? p.sentAtMs() : Long.valueOf(m.tag("tmi-sent-ts"))).isEqualTo(exp.asLong());
            case "emotes" -> {
                List<EmoteRange> theirs = new ArrayList<>();
                exp.forEach(e -> theirs.add(new EmoteRange(e.get("id").asText(), e.get("start").asInt(),
                        e.get("end_inclusive").asInt(), e.get("code").asText())));
                theirs.sort(java.util.Comparator.comparingInt(EmoteRange::start));
                assertThat(emotes(m, p)).isEqualTo(theirs);
            }
            case "action" -> assertThat(m.tag("ban-duration") != null ? "timeout" : m.trailing() != null && m.params().size() > 1 ? "ban" : "clear")
                    .isEqualTo(exp.asText());
            case "target_login" -> assertThat(m.trailing()).isEqualTo(exp.asText());
            case "target_user_id" -> assertThat(m.tag("target-user-id")).isEqualTo(exp.asText());
            case "ban_duration_s" -> assertThat(Integer.parseInt(m.tag("ban-duration"))).isEqualTo(exp.asInt());
            case "msg_id" -> assertThat(m.tag("msg-id")).isEqualTo(exp.asText());
            case "viewer_count" -> assertThat(Integer.parseInt(m.tag("msg-param-viewerCount"))).isEqualTo(exp.asInt());
            case "system_msg_ircv3_decoded" -> assertThat(m.tag("system-msg")).isEqualTo(exp.asText());
            case "slow_s" -> assertThat(Integer.parseInt(m.tag("slow"))).isEqualTo(exp.asInt());
            case "target" -> assertThat(m.params().get(0)).isEqualTo(exp.asText());
            case "params" -> assertThat(m.params()).isEqualTo(stringList(exp));
            case "prefix_host" -> assertThat(m.prefixHost()).isEqualTo(exp.asText());
            default -> {
                return false;
            }
        }
        return true;
    }

    // ---- our model, uniformly ----------------------------------------------------------------

    /** PRIVMSG text without the ACTION frame; CLEARMSG also unwraps it; otherwise the text parameter. */
    private static String text(IrcMessage m, Privmsg p) {
        if (p != null) {
            return p.text();
        }
        if (m.params().size() < 2) {
            return null;
        }
        return m.command().equals("CLEARMSG") ? PrivmsgMapper.stripAction(m.trailing()) : m.trailing();
    }

    private static List<EmoteRange> emotes(IrcMessage m, Privmsg p) {
        return p != null ? p.emotes() : Emotes.parse(m.tag("emotes"), Optional.ofNullable(text(m, p)).orElse(""));
    }

    private static String senderLogin(IrcMessage m, Privmsg p) {
        if (p != null) {
            return p.login();
        }
        return m.nick() != null ? m.nick() : m.tag("login");
    }

    private static String senderId(IrcMessage m, Privmsg p) {
        return p != null ? p.userId() : m.tag("user-id");
    }

    private static String displayName(IrcMessage m, Privmsg p) {
        return p != null ? p.displayName() : m.tag("display-name");
    }

    private static String rsClearchatAction(IrcMessage m) {
        if (m.params().size() < 2) {
            return "ChatCleared";
        }
        return m.tag("ban-duration") != null ? "UserTimedOut" : "UserBanned";
    }

    // ---- translating their shapes --------------------------------------------------------------

    /**
     * [start, end) ranges (twitch-irc-rs) to ours: end inclusive, clamped to the text, and ranges
     * that lie wholly outside the text (the library's empty {@code code}) dropped.
     */
    private static List<EmoteRange> exclusiveRanges(JsonNode exp, String field) {
        List<EmoteRange> list = new ArrayList<>();
        for (JsonNode e : exp) {
            String code = e.get("code").asText();
            if (code.isEmpty()) {
                continue;
            }
            int start = e.get(field).get(0).asInt();
            int end = start + code.codePointCount(0, code.length()) - 1;
            list.add(new EmoteRange(e.get("id").asText(), start, end, code));
        }
        return list;
    }

    private static String rsPrefix(JsonNode exp) {
        if (exp.isNull()) {
            return null;
        }
        if (exp.has("nick")) {
            return exp.get("nick").asText() + "!" + exp.get("user").asText() + "@" + exp.get("host").asText();
        }
        return exp.get("host").asText();
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> stringList(JsonNode n) {
        List<String> list = new ArrayList<>();
        n.forEach(x -> list.add(x.asText()));
        return list;
    }

    private static List<String> splitList(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> map = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
