package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Start, close and configuration of the simulator as a whole. */
class SimulatorLifecycleTest {

    @Test
    void closeIsPromptAndReleasesBothPorts() throws IOException {
        TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(500)).start();
        int ircPort = sim.ircPort();
        int httpPort = sim.httpPort();
        assertThat(sim.helixBase().toString()).isEqualTo("http://127.0.0.1:" + httpPort + "/helix");
        assertThat(sim.oauthBase().toString()).isEqualTo("http://127.0.0.1:" + httpPort + "/oauth2");
        RawIrcClient client = RawIrcClient.anonymous(ircPort);
        client.send("JOIN #" + sim.channels().get(0).login());
        client.readUntil(line -> line.contains(" PRIVMSG #"), Duration.ofSeconds(5));

        long begin = System.nanoTime();
        sim.close();
        long millis = (System.nanoTime() - begin) / 1_000_000;
        assertThat(millis).isLessThan(1_000);
        assertThat(client.closedByServer(Duration.ofSeconds(2))).isTrue();
        client.close();
        sim.close(); // idempotent

        for (int port : new int[] {ircPort, httpPort}) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void fixedPortsAreHonoured() throws IOException {
        int irc = freePortOutsideTheEphemeralRange(20_000);
        int http = freePortOutsideTheEphemeralRange(irc + 1);
        try (TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withIrcPort(irc).withHttpPort(http)
                .withTotalChatRatePerSecond(0)).start()) {
            assertThat(sim.ircPort()).isEqualTo(irc);
            assertThat(sim.httpPort()).isEqualTo(http);
        }
    }

    /**
     * A port that is free now and below Linux's ephemeral range (32768 and up): the simulator binds its
     * other listeners to port 0 before the fixed ones, and a just-released ephemeral port could be handed
     * straight to one of them.
     */
    private static int freePortOutsideTheEphemeralRange(int from) throws IOException {
        for (int port = from; port < 32_768; port++) {
            try (ServerSocket probe = new ServerSocket(port)) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free port between " + from + " and 32767");
    }

    @Test
    void settingsRejectNonsense() {
        SimulatorSettings defaults = SimulatorSettings.defaults();
        assertThat(defaults.channels()).isEqualTo(20);
        assertThat(defaults.totalChatRatePerSecond()).isEqualTo(60.0);
        assertThat(defaults.withSeed(5).withChannels(3).seed()).isEqualTo(5);
        assertThatThrownBy(() -> defaults.withChannels(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withIrcPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withTotalChatRatePerSecond(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withHypeEvery(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withClock(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void portsAreOnlyKnownAfterStart() {
        TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults());
        assertThat(sim.channels()).hasSize(20); // the world exists before the ports open
        assertThatThrownBy(sim::ircPort).isInstanceOf(IllegalStateException.class);
        sim.close();
        assertThatThrownBy(sim::start).isInstanceOf(IllegalStateException.class);
    }
}
