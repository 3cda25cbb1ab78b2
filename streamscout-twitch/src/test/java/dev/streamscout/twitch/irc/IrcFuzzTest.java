package dev.streamscout.twitch.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Property: for ANY line, parse + decode + mapping to chat messages and events never lets an
 * exception escape, and every line is accounted for as decoded or rejected. 120,000 lines: the
 * captured vectors mutated (characters replaced, inserted, deleted, duplicated, spliced,
 * truncated), Twitch-shaped lines built from random parts (garbled emote ranges, timestamps, bits,
 * msg-params), and plain random strings. The seed is fixed so a failure reproduces; set
 * {@code -Dfuzz.seed=N} to explore others.
 */
class IrcFuzzTest {

    private static final int LINES = 120_000;
    private static final String[] COMMANDS = {"PRIVMSG", "USERNOTICE", "CLEARCHAT", "CLEARMSG", "ROOMSTATE", "USERSTATE",
        "GLOBALUSERSTATE", "NOTICE", "PING", "PONG", "RECONNECT", "JOIN", "PART", "353", "366", "CAP", "001", "WHISPER", "FOO"};
    private static final String[] TAG_KEYS = {"emotes", "tmi-sent-ts", "bits", "room-id", "user-id", "id", "login",
        "display-name", "msg-id", "msg-param-viewerCount", "msg-param-cumulative-months", "msg-param-mass-gift-count",
        "msg-param-threshold", "badges", "badge-info", "color", "ban-duration", "target-msg-id", "followers-only", "slow",
        "emote-only", "reply-parent-msg-id", "source-room-id", "first-msg", "system-msg", "target-user-id"};
    private static final String[] MSG_IDS = {"sub", "resub", "subgift", "submysterygift", "raid", "announcement",
        "bitsbadgetier", "ritual", "msg_channel_suspended", "", "x"};
    private static final String SPICE = " :@;=\\#!,/-\u0001\r\n\0\t0123456789ACTION\u00e5\ud83d\ude00\ud800sx";

    @Test
    void nothingEscapesAndEveryLineIsCounted() {
        long seed = Long.getLong("fuzz.seed", 0x5715C0L);
        Random random = new Random(seed);
        List<String> corpus = new ArrayList<>();
        IrcVectors.load().forEach(v -> corpus.add(v.raw()));

        CountingLineDecoder decoder = new CountingLineDecoder();
        AtomicLong chat = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong cheers = new AtomicLong();
        ChatDispatcher dispatcher = new ChatDispatcher(m -> chat.incrementAndGet(), e -> {
            events.incrementAndGet();
            if (e.msgId().equals("bits") && e.type() == dev.streamscout.core.chat.ChatEventType.BITS) {
                cheers.incrementAndGet();
            }
        }, 1_000);
        long escaped = 0;
        long privmsgs = 0;
        long usernotices = 0;
        Throwable firstEscape = null;
        String firstEscapeLine = null;
        for (int i = 0; i < LINES; i++) {
            String line = switch (i % 3) {
                case 0 -> mutate(corpus.get(random.nextInt(corpus.size())), corpus, random);
                case 1 -> twitchShaped(random);
                default -> randomString(random, random.nextInt(120));
            };
            try {
                var event = decoder.decode(line);
                if (event.isPresent()) {
                    IrcEvent e = event.get();
                    e.source().toLine(); // serialising back must work for anything decoded
                    if (e instanceof Privmsg p) {
                        privmsgs++;
                        p.problem().ifPresent(x -> { });
                        p.replyParent();
                        p.badgeInfo();
                    } else if (e instanceof IrcEvent.UserNotice n) {
                        usernotices++;
                        n.problem();
                        n.badgeInfo();
                    }
                    dispatcher.dispatch(e);
                }
            } catch (Throwable t) {
                escaped++;
                if (firstEscape == null) {
                    firstEscape = t;
                    firstEscapeLine = line;
                }
            }
        }
        assertThat(firstEscape).as("first escape (seed " + seed + ") on line: " + IrcParseException.truncate(firstEscapeLine))
                .isNull();
        assertThat(escaped).isZero();
        assertThat(decoder.decoded() + decoder.rejected()).isEqualTo(LINES);
        assertThat(decoder.rejectedByReason().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(decoder.rejected());
        // The generators must exercise both outcomes and the chat mapping, or the property says little.
        assertThat(decoder.decoded()).isGreaterThan(LINES / 5);
        assertThat(decoder.rejected()).isGreaterThan(LINES / 5);
        assertThat(privmsgs).isGreaterThan(1_000);
        assertThat(usernotices).isGreaterThan(1_000);
        assertThat(chat.get()).isPositive();
        assertThat(events.get()).isPositive();
        // Every chat line is delivered, dropped as a duplicate, or rejected as unmappable: nothing vanishes.
        long accounted = chat.get() + (events.get() - cheers.get()) + dispatcher.duplicatesDropped()
                + dispatcher.rejected().values().stream().mapToLong(Long::longValue).sum();
        assertThat(accounted).isEqualTo(privmsgs + usernotices);
        System.out.println("[irc fuzz] seed " + seed + ": " + LINES + " lines, decoded " + decoder.decoded() + ", rejected "
                + decoder.rejected() + " (" + decoder.rejectedByReason().size() + " reasons); PRIVMSG " + privmsgs
                + ", USERNOTICE " + usernotices + "; chat " + chat + ", events " + events + ", duplicates "
                + dispatcher.duplicatesDropped() + ", unmappable " + dispatcher.rejected());
    }

    static String mutate(String line, List<String> corpus, Random r) {
        StringBuilder b = new StringBuilder(line);
        int edits = 1 + r.nextInt(4);
        for (int k = 0; k < edits; k++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length());
            switch (r.nextInt(7)) {
                case 0 -> { if (b.length() > 0) b.setCharAt(at, spice(r)); }
                case 1 -> b.insert(at, spice(r));
                case 2 -> { if (b.length() > 0) b.deleteCharAt(at); }
                case 3 -> b.setLength(at); // truncation
                case 4 -> { // duplicate a segment
                    int end = Math.min(b.length(), at + r.nextInt(20));
                    b.insert(at, b.substring(at, end));
                }
                case 5 -> { // splice with another line
                    String other = corpus.get(r.nextInt(corpus.size()));
                    b.append(other, r.nextInt(other.length() + 1), other.length());
                }
                default -> b.insert(at, randomString(r, r.nextInt(6)));
            }
        }
        return b.toString();
    }

    /** A line with Twitch's shape whose parts are random and often wrong. */
    static String twitchShaped(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(10) > 0) {
            b.append('@');
            int tags = 1 + r.nextInt(8);
            for (int i = 0; i < tags; i++) {
                if (i > 0) b.append(';');
                String key = TAG_KEYS[r.nextInt(TAG_KEYS.length)];
                b.append(key).append('=').append(tagValue(key, r));
            }
            if (r.nextBoolean()) {
                b.append(";room-id=").append(r.nextInt(1000)).append(";user-id=").append(r.nextInt(1000))
                        .append(";tmi-sent-ts=").append(Math.abs(r.nextLong() % 2_000_000_000_000L))
                        .append(";id=").append(r.nextInt(300)).append(";msg-id=").append(MSG_IDS[r.nextInt(MSG_IDS.length)]);
            }
            b.append(' ');
        }
        switch (r.nextInt(4)) {
            case 0 -> b.append(":tmi.twitch.tv ");
            case 1 -> b.append(":u").append(r.nextInt(9)).append("!u@u.tmi.twitch.tv ");
            case 2 -> b.append(':').append(randomString(r, 4)).append(' ');
            default -> { }
        }
        b.append(COMMANDS[r.nextInt(COMMANDS.length)]);
        int params = r.nextInt(4);
        for (int i = 0; i < params; i++) {
            b.append(' ');
            if (i == 0 && r.nextInt(4) > 0) {
                b.append('#').append("chan").append(r.nextInt(5));
            } else if (i == params - 1 && r.nextBoolean()) {
                b.append(':').append(r.nextInt(5) == 0 ? "\u0001ACTION " : "").append(randomString(r, r.nextInt(40)));
            } else {
                b.append(randomWord(r));
            }
        }
        return b.toString();
    }

    private static String tagValue(String key, Random r) {
        return switch (key) {
            case "emotes" -> r.nextInt(99) + ":" + (r.nextInt(60) - 5) + "-" + (r.nextInt(80) - 5)
                    + (r.nextBoolean() ? "," + r.nextInt(50) + "-" + r.nextInt(2_000_000_000) : "")
                    + (r.nextBoolean() ? "/emotesv2_x:" + randomWord(r) : "");
            case "tmi-sent-ts", "bits", "ban-duration", "slow", "followers-only", "msg-param-viewerCount",
                 "msg-param-cumulative-months", "msg-param-mass-gift-count", "msg-param-threshold" -> switch (r.nextInt(5)) {
                    case 0 -> String.valueOf(r.nextLong());
                    case 1 -> "99999999999999999999999";
                    case 2 -> "-" + r.nextInt(100);
                    case 3 -> randomWord(r);
                    default -> String.valueOf(r.nextInt(100_000));
                };
            case "msg-id" -> MSG_IDS[r.nextInt(MSG_IDS.length)];
            case "badges", "badge-info" -> randomWord(r) + "/" + r.nextInt(10) + ",/" + (r.nextBoolean() ? "," : "x");
            default -> randomString(r, r.nextInt(12)).replace(' ', '\\').replace(';', 's');
        };
    }

    private static String randomWord(Random r) {
        return randomString(r, 1 + r.nextInt(8)).replace(' ', '_');
    }

    private static String randomString(Random r, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(r.nextInt(3) == 0 ? spice(r) : (char) (r.nextInt(3) == 0 ? r.nextInt(0x3000) : 'a' + r.nextInt(26)));
        }
        return b.toString();
    }

    private static char spice(Random r) {
        return SPICE.charAt(r.nextInt(SPICE.length()));
    }
}
