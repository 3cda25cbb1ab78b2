package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The login, capability, JOIN/PART and keepalive dialogue of PROTOCOL.md, over a real socket. */
class IrcSessionTest {

    private static TwitchSimulator sim;

    @BeforeAll
    static void start() {
        // No chat so that control replies are the only traffic; no hype planning.
        sim = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false)).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void authenticatedLoginFollowsTheRealSession() throws IOException {
        try (RawIrcClient client = new RawIrcClient(sim.ircPort())) {
            client.send("CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership");
            assertThat(client.readLine())
                    .isEqualTo(":tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands twitch.tv/membership");
            client.send("PASS oauth:abcdefghijklmnopqrstuvwxyz0123");
            client.send("NICK streamscoutbot");
            List<String> welcome = client.readUntil(line -> line.contains("GLOBALUSERSTATE"), Duration.ofSeconds(5));
            assertThat(welcome).extracting(line -> IrcTestLine.parse(line).command())
                    .containsExactly("001", "002", "003", "004", "375", "372", "376", "GLOBALUSERSTATE");
            assertThat(welcome.get(0)).isEqualTo(":tmi.twitch.tv 001 streamscoutbot :Welcome, GLHF!");
            assertThat(welcome.get(6)).isEqualTo(":tmi.twitch.tv 376 streamscoutbot :>");
            IrcTestLine globalUserState = IrcTestLine.parse(welcome.get(7));
            assertThat(globalUserState.tags()).containsEntry("display-name", "Streamscoutbot")
                    .containsKeys("badge-info", "badges", "color", "emote-sets", "user-id", "user-type");
            assertThat(globalUserState.tags().get("user-id")).matches("[0-9]+");
        }
    }

    @Test
    void joinConfirmsEachKnownChannelAndIgnoresUnknownOnes() throws IOException {
        SimChannel first = sim.channels().get(0);
        SimChannel second = sim.channels().get(1);
        try (RawIrcClient client = RawIrcClient.anonymous(sim.ircPort())) {
            client.send("JOIN #" + first.login() + ",#no_such_channel_here,#" + second.login());
            List<String> lines = client.readUntil(line -> line.contains("ROOMSTATE #" + second.login()),
                    Duration.ofSeconds(5));
            assertThat(lines).hasSize(10);
            assertJoinBurst(lines.subList(0, 5), first);
            assertJoinBurst(lines.subList(5, 10), second);
            assertThat(String.join("\n", lines)).doesNotContain("no_such_channel_here");
            assertThat(sim.joinedChannels()).contains(first.login(), second.login());

            client.send("PART #" + first.login());
            assertThat(IrcTestLine.parse(client.readLine()).command()).isEqualTo("PART");
        }
    }

    @Test
    void unknownChannelGetsNoReplyAtAll() throws IOException {
        try (RawIrcClient client = RawIrcClient.anonymous(sim.ircPort())) {
            client.send("JOIN #definitely_not_a_channel");
            client.send("PING :marker");
            // The first thing back is the answer to the PING: nothing was said about the JOIN.
            assertThat(client.readLine()).isEqualTo(":tmi.twitch.tv PONG tmi.twitch.tv :marker");
        }
    }

    @Test
    void commandsAreCaseInsensitive() throws IOException {
        SimChannel channel = sim.channels().get(3);
        try (RawIrcClient client = new RawIrcClient(sim.ircPort())) {
            client.send("cap req :twitch.tv/commands");
            assertThat(client.readLine()).isEqualTo(":tmi.twitch.tv CAP * ACK :twitch.tv/commands");
            client.send("nick justinfan12345");
            client.readUntil(line -> line.endsWith("GLOBALUSERSTATE"), Duration.ofSeconds(5));
            client.send("join #" + channel.login().toUpperCase());
            List<String> lines = client.readUntil(line -> line.contains("ROOMSTATE"), Duration.ofSeconds(5));
            assertThat(lines.get(0)).isEqualTo(":justinfan12345!justinfan12345@justinfan12345.tmi.twitch.tv JOIN #"
                    + channel.login());
            // Without twitch.tv/tags the state lines come without tags, as from Twitch.
            assertThat(lines.get(lines.size() - 1)).isEqualTo(":tmi.twitch.tv ROOMSTATE #" + channel.login());
            client.send("ping :tmi.twitch.tv");
            assertThat(client.readLine()).isEqualTo("PONG :tmi.twitch.tv");
        }
    }

    @Test
    void unknownCapabilityIsRefusedAsAWhole() throws IOException {
        try (RawIrcClient client = new RawIrcClient(sim.ircPort())) {
            client.send("CAP REQ :twitch.tv/tags twitch.tv/bogus");
            assertThat(client.readLine()).isEqualTo(":tmi.twitch.tv CAP * NAK :twitch.tv/tags twitch.tv/bogus");
            client.send("CAP LS 302");
            assertThat(client.readLine())
                    .isEqualTo(":tmi.twitch.tv CAP * LS :twitch.tv/commands twitch.tv/membership twitch.tv/tags");
        }
    }

    @Test
    void nonAnonymousLoginWithoutOauthPasswordIsRefusedAndClosed() throws IOException {
        try (RawIrcClient client = new RawIrcClient(sim.ircPort())) {
            client.send("NICK someone");
            assertThat(client.readLine()).isEqualTo(":tmi.twitch.tv NOTICE * :Improperly formatted auth");
            assertThat(client.closedByServer(Duration.ofSeconds(3))).isTrue();
        }
    }

    @Test
    void joinBeforeLoginIsIgnored() throws IOException {
        try (RawIrcClient client = new RawIrcClient(sim.ircPort())) {
            client.send("JOIN #" + sim.channels().get(0).login());
            client.send("PING :still-here");
            assertThat(client.readLine()).isEqualTo(":tmi.twitch.tv PONG tmi.twitch.tv :still-here");
        }
    }

    private static void assertJoinBurst(List<String> lines, SimChannel channel) {
        String login = channel.login();
        IrcTestLine join = IrcTestLine.parse(lines.get(0));
        assertThat(join.command()).isEqualTo("JOIN");
        assertThat(join.channel()).isEqualTo(login);
        assertThat(join.prefix()).matches("(justinfan[0-9]+)!\\1@\\1\\.tmi\\.twitch\\.tv");
        assertThat(IrcTestLine.parse(lines.get(1)).command()).isEqualTo("353");
        assertThat(lines.get(1)).contains(" = #" + login + " :justinfan");
        assertThat(IrcTestLine.parse(lines.get(2)).command()).isEqualTo("366");
        assertThat(lines.get(2)).endsWith("#" + login + " :End of /NAMES list");
        IrcTestLine userState = IrcTestLine.parse(lines.get(3));
        assertThat(userState.command()).isEqualTo("USERSTATE");
        assertThat(userState.tags()).containsEntry("mod", "0").containsEntry("subscriber", "0");
        IrcTestLine roomState = IrcTestLine.parse(lines.get(4));
        assertThat(roomState.command()).isEqualTo("ROOMSTATE");
        assertThat(roomState.channel()).isEqualTo(login);
        assertThat(roomState.tags()).containsEntry("room-id", channel.id()).containsEntry("followers-only", "-1");
    }
}
