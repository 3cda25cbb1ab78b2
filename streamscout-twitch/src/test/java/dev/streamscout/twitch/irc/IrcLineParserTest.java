package dev.streamscout.twitch.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IrcLineParserTest {

    @Test
    void splitsTagsPrefixCommandAndParams() {
        IrcMessage m = IrcLineParser.parse("@a=1;b :nick!user@host.tmi.twitch.tv privmsg #chan :hello  world ");
        assertThat(m.tags()).containsExactly(Map.entry("a", "1"), Map.entry("b", ""));
        assertThat(m.prefix()).isEqualTo("nick!user@host.tmi.twitch.tv");
        assertThat(m.nick()).isEqualTo("nick");
        assertThat(m.prefixHost()).isEqualTo("host.tmi.twitch.tv");
        assertThat(m.command()).isEqualTo("PRIVMSG");
        assertThat(m.params()).containsExactly("#chan", "hello  world ");
        assertThat(m.channel()).isEqualTo("chan");
        assertThat(m.trailing()).isEqualTo("hello  world ");
        assertThat(m.tag("missing")).isNull();
    }

    @Test
    void serverPrefixHasNoNick() {
        IrcMessage m = IrcLineParser.parse(":tmi.twitch.tv 001 justinfan123 :Welcome, GLHF!");
        assertThat(m.nick()).isNull();
        assertThat(m.prefixHost()).isEqualTo("tmi.twitch.tv");
        assertThat(m.command()).isEqualTo("001");
        assertThat(m.channel()).isNull();
    }

    @Test
    void rejectsStructuralErrorsWithAReason() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("@a=b", "no space after tags");
        cases.put("@ PING", "empty tags");
        cases.put(":prefix", "no space after prefix");
        cases.put(": PING", "empty prefix");
        cases.put(":nick! PING", "empty user in prefix");
        cases.put(":nick!user@ PING", "empty host in prefix");
        cases.put(":!u@h PING", "empty nick in prefix");
        cases.put("PI-NG", "command is neither letters nor a three-digit numeric");
        cases.put("1234", "command is neither letters nor a three-digit numeric");
        cases.put("PING a  b", "more than one space between parameters");
        cases.put("PING\u0000", "NUL inside a line");
        cases.put("PING\r", "line break inside a line");
        cases.forEach((line, reason) -> assertThatThrownBy(() -> IrcLineParser.parse(line)).as(line)
                .isInstanceOf(IrcParseException.class)
                .satisfies(e -> assertThat(((IrcParseException) e).reason()).isEqualTo(reason)));
        assertThatThrownBy(() -> IrcLineParser.parse(null)).isInstanceOf(IrcParseException.class);
    }

    @Test
    void exceptionMessageTruncatesLongLines() {
        String line = "@" + "k=v;".repeat(500);
        assertThatThrownBy(() -> IrcLineParser.parse(line)).isInstanceOf(IrcParseException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(IrcParseException.MAX_LINE_IN_MESSAGE + 50));
    }

    @Test
    void tagEscapesFollowTheProtocolChoices() {
        assertThat(IrcTags.parse("a=\\s\\:\\\\\\r\\n;b=x\\;c=\\q;d;e=;d=2")).containsExactly(
                Map.entry("a", " ;\\\r\n"), Map.entry("b", "x"), Map.entry("c", "q"), Map.entry("e", ""), Map.entry("d", "2"));
        assertThat(IrcTags.parse("k=trailing\\s\\s")).containsEntry("k", "trailing  ");
        assertThat(IrcTags.parse(";;=x;")).isEmpty();
    }

    @Test
    void tagEscapingRoundTrips() {
        Random random = new Random(7);
        String alphabet = " ;\\\r\nabcXYZ=:@#ÄЯ👉\u0001";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder value = new StringBuilder();
            int n = random.nextInt(12);
            for (int j = 0; j < n; j++) {
                int cp = alphabet.codePoints().toArray()[random.nextInt(alphabet.codePointCount(0, alphabet.length()))];
                value.appendCodePoint(cp);
            }
            String escaped = IrcTags.escape(value.toString());
            assertThat(escaped).doesNotContain(" ", ";", "\r", "\n");
            assertThat(IrcTags.unescape(escaped)).isEqualTo(value.toString());
        }
    }

    @Test
    void messagesRoundTripThroughTheirLine() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("display-name", "Riot Games ");
        tags.put("system-msg", "15 raiders;\nwelcome\\");
        tags.put("emotes", "");
        IrcMessage original = new IrcMessage(tags, "riotgames!riotgames@riotgames.tmi.twitch.tv", "PRIVMSG",
                List.of("#riotgames", ":) hi  there "));
        IrcMessage parsed = IrcLineParser.parse(original.toLine());
        assertThat(parsed).isEqualTo(original);
        assertThat(IrcLineParser.parse(IrcMessage.of("PONG", "tmi.twitch.tv").toLine()).params()).containsExactly("tmi.twitch.tv");
    }

    /** For any input, parse returns or throws IrcParseException; the mapper and Emotes never throw. */
    @Test
    void fuzzedLinesNeverThrowAnythingElse() {
        List<String> seeds = IrcVectors.load().stream().map(IrcVectors.Vector::raw).toList();
        Random random = new Random(20260111);
        String junk = "@:; =\\!#-,/0123456789 \u0001\r\n\u0000aZé👉\uD800\uDC00";
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 100_000; i++) {
            String line = i % 5 == 0 ? randomLine(random, junk) : mutate(seeds.get(random.nextInt(seeds.size())), random, junk);
            try {
                IrcMessage m = IrcLineParser.parse(line);
                parsed++;
                PrivmsgMapper.toPrivmsg(m).ifPresent(Privmsg::problem);
                PrivmsgMapper.toChatMessage(m);
                Emotes.parse(m.tag("emotes"), m.trailing());
                m.nick();
                m.prefixHost();
                IrcLineParser.parse(m.toLine());
            } catch (IrcParseException e) {
                rejected++;
            } catch (RuntimeException e) {
                throw new AssertionError("escaped " + e + " for line " + IrcParseException.truncate(line), e);
            }
        }
        assertThat(parsed).isPositive();
        assertThat(rejected).isPositive();
    }

    private static String randomLine(Random random, String junk) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(40);
        for (int j = 0; j < n; j++) {
            b.append(junk.charAt(random.nextInt(junk.length())));
        }
        return b.toString();
    }

    private static String mutate(String seed, Random random, String junk) {
        StringBuilder b = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, junk.charAt(random.nextInt(junk.length())));
                case 2 -> b.setCharAt(at, junk.charAt(random.nextInt(junk.length())));
                default -> b.setLength(at);
            }
        }
        return b.toString();
    }
}
