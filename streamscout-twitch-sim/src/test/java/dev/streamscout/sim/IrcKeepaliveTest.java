package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server PINGs, closing silent clients, strict logins and RECONNECT. */
class IrcKeepaliveTest {

    private static SimulatorSettings quiet() {
        return SimulatorSettings.defaults().withTotalChatRatePerSecond(0).withScheduleHypeMoments(false);
    }

    @Test
    void serverPingsAndClosesAClientThatNeverAnswers() throws IOException {
        try (TwitchSimulator sim = new TwitchSimulator(quiet().withServerPingInterval(Duration.ofMillis(300))).start();
             RawIrcClient answering = RawIrcClient.anonymous(sim.ircPort());
             RawIrcClient silent = RawIrcClient.anonymous(sim.ircPort())) {
            for (int i = 0; i < 3; i++) {
                assertThat(answering.readLine()).isEqualTo("PING :tmi.twitch.tv");
                answering.send("PONG :tmi.twitch.tv");
            }
            assertThat(silent.closedByServer(Duration.ofSeconds(3))).isTrue();
            answering.send("PING :alive");
            assertThat(answering.readUntil(l -> l.startsWith(":tmi.twitch.tv PONG"), Duration.ofSeconds(2)))
                    .last().isEqualTo(":tmi.twitch.tv PONG tmi.twitch.tv :alive");
        }
    }

    @Test
    void strictModeRefusesTokensItDidNotIssue() throws IOException {
        try (TwitchSimulator sim = new TwitchSimulator(quiet().withAcceptAnyToken(false)).start();
             RawIrcClient client = new RawIrcClient(sim.ircPort())) {
            client.send("PASS oauth:madeuptoken");
            client.send("NICK someone");
            assertThat(client.readLine()).isEqualTo(":tmi.twitch.tv NOTICE * :Login authentication failed");
            assertThat(client.closedByServer(Duration.ofSeconds(3))).isTrue();
        }
    }

    @Test
    void reconnectIsAnnouncedThenTheConnectionCloses() throws IOException {
        try (TwitchSimulator sim = new TwitchSimulator(quiet()).start();
             RawIrcClient client = RawIrcClient.anonymous(sim.ircPort())) {
            sim.sendReconnect(Duration.ofMillis(200));
            List<String> lines = client.readUntil(l -> l.contains("RECONNECT"), Duration.ofSeconds(3));
            assertThat(lines).last().isEqualTo(":tmi.twitch.tv RECONNECT");
            assertThat(client.closedByServer(Duration.ofSeconds(3))).isTrue();
        }
    }
}
