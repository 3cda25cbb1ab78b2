package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.sim.chat.EmoteCatalog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a client joined to channels receives: PRIVMSG lines with Twitch's tags and correct emote ranges. */
class ChatStreamTest {

    private static final Set<String> PRIVMSG_TAGS = Set.of("badge-info", "badges", "color", "display-name", "emotes",
            "first-msg", "flags", "id", "mod", "returning-chatter", "room-id", "subscriber", "tmi-sent-ts", "turbo",
            "user-id", "user-type");

    private static TwitchSimulator sim;
    private static List<IrcTestLine> messages;
    private static Map<String, SimChannel> channelsByLogin;

    @BeforeAll
    static void collect() throws IOException {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withSeed(7).withTotalChatRatePerSecond(1_500)
                .withScheduleHypeMoments(false)).start();
        channelsByLogin = new HashMap<>();
        List<String> logins = new ArrayList<>();
        for (SimChannel channel : sim.channels().subList(0, 5)) {
            channelsByLogin.put(channel.login(), channel);
            logins.add("#" + channel.login());
        }
        messages = new ArrayList<>();
        try (RawIrcClient client = RawIrcClient.anonymous(sim.ircPort())) {
            client.send("JOIN " + String.join(",", logins));
            for (String line : client.readFor(Duration.ofMillis(2_500))) {
                IrcTestLine parsed = IrcTestLine.parse(line);
                if (parsed.command().equals("PRIVMSG")) {
                    messages.add(parsed);
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void everyJoinedChannelChatsWithTheFullTagSet() {
        assertThat(messages).hasSizeGreaterThan(1_000);
        Set<String> seenChannels = new HashSet<>();
        Set<String> ids = new HashSet<>();
        long now = System.currentTimeMillis();
        for (IrcTestLine message : messages) {
            assertThat(message.tags().keySet()).containsAll(PRIVMSG_TAGS);
            SimChannel channel = channelsByLogin.get(message.channel());
            assertThat(channel).as("message for a joined channel: %s", message).isNotNull();
            seenChannels.add(channel.login());
            assertThat(message.tags().get("room-id")).isEqualTo(channel.id());
            assertThat(UUID.fromString(message.tags().get("id")).version()).isEqualTo(4);
            assertThat(ids.add(message.tags().get("id"))).as("unique id").isTrue();
            assertThat(Long.parseLong(message.tags().get("tmi-sent-ts"))).isBetween(now - 10_000, now + 1_000);
            assertThat(message.tags().get("user-id")).matches("[0-9]+");
            String login = message.prefix().substring(0, message.prefix().indexOf('!'));
            assertThat(message.prefix()).isEqualTo(login + "!" + login + "@" + login + ".tmi.twitch.tv");
            assertThat(message.tags().get("display-name")).isEqualToIgnoringCase(login);
            assertThat(message.tags().get("mod")).isIn("0", "1");
            assertThat(message.text()).isNotEmpty().doesNotContain("\r", "\n");
        }
        assertThat(seenChannels).containsExactlyInAnyOrderElementsOf(channelsByLogin.keySet());
    }

    @Test
    void emoteRangesAreInclusiveCodePointOffsetsOfTheEmoteWords() {
        int withEmotes = 0;
        int emojiBeforeEmote = 0;
        for (IrcTestLine message : messages) {
            String text = message.messageText();
            int[] codePoints = text.codePoints().toArray();
            String emotes = message.tags().get("emotes");
            Set<Integer> covered = new HashSet<>();
            if (!emotes.isEmpty()) {
                withEmotes++;
                for (String group : emotes.split("/")) {
                    String id = group.substring(0, group.indexOf(':'));
                    for (String range : group.substring(group.indexOf(':') + 1).split(",")) {
                        int start = Integer.parseInt(range.substring(0, range.indexOf('-')));
                        int end = Integer.parseInt(range.substring(range.indexOf('-') + 1));
                        assertThat(end).isGreaterThanOrEqualTo(start).isLessThan(codePoints.length);
                        String word = new String(codePoints, start, end - start + 1);
                        assertThat(start == 0 || codePoints[start - 1] == ' ').as("word start in %s", text).isTrue();
                        assertThat(end == codePoints.length - 1 || codePoints[end + 1] == ' ').isTrue();
                        EmoteCatalog.GLOBAL.stream().filter(e -> e.id().equals(id))
                                .forEach(e -> assertThat(word).isEqualTo(e.name()));
                        if (id.startsWith("emotesv2_")) {
                            assertThat(word).matches("[a-z]{3,5}(Hype|Love|Lul|Wave|Rage)");
                        }
                        covered.add(start);
                        if (text.codePointCount(0, text.length()) != text.length()
                                && Character.charCount(text.codePointAt(0)) == 2 && start > 0) {
                            emojiBeforeEmote++;
                        }
                    }
                }
            }
            // Completeness: every global emote word in the text is tagged.
            int offset = 0;
            for (String word : text.split(" ", -1)) {
                if (EmoteCatalog.global(word) != null) {
                    assertThat(covered).as("%s at %d in '%s'", word, offset, text).contains(offset);
                }
                offset += word.codePointCount(0, word.length()) + 1;
            }
        }
        assertThat(withEmotes).isGreaterThan(messages.size() / 10);
        assertThat(emojiBeforeEmote).as("messages where an emoji shifts emote offsets").isGreaterThan(0);
    }

    @Test
    void someMessagesAreCommandsAndSomeCarryEscapedReplyTags() {
        long commands = messages.stream().filter(m -> m.messageText().matches("^![a-zA-Z0-9]+.*")).count();
        assertThat((double) commands / messages.size()).isBetween(0.01, 0.06);
        List<IrcTestLine> replies = messages.stream().filter(m -> m.tags().containsKey("reply-parent-msg-id")).toList();
        assertThat(replies).isNotEmpty();
        for (IrcTestLine reply : replies) {
            assertThat(reply.messageText()).startsWith("@" + reply.tags().get("reply-parent-user-login") + " ");
        }
        // Multi-word parent bodies travel escaped (\s) and come back with their spaces.
        assertThat(replies).anyMatch(r -> r.tags().get("reply-parent-msg-body").contains(" "));
    }
}
