package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TLS and WebSocket chat endpoints: the same sessions as plain TCP, over real sockets and the JDK's own clients. */
class ChatTransportsTest {

    private static TwitchSimulator sim;
    private static String channel;

    @BeforeAll
    static void start() {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withSeed(5).withTotalChatRatePerSecond(400)
                .withScheduleHypeMoments(false)).start();
        channel = sim.channels().get(0).login();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static SSLSocket tlsSocket(SSLContext context, String host) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, sim.tlsPort());
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // hostname checked against the SAN
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(5_000);
        return socket;
    }

    @Test
    void tlsPortSpeaksIrcWithTheSimulatorCertificateForBothHostNames() throws Exception {
        for (String host : List.of("127.0.0.1", "localhost")) {
            try (SSLSocket socket = tlsSocket(TwitchSimulator.clientTrustContext(), host)) {
                OutputStream out = socket.getOutputStream();
                out.write(("CAP REQ :twitch.tv/tags twitch.tv/commands\r\nNICK justinfan4242\r\nJOIN #" + channel
                        + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                List<String> lines = new ArrayList<>();
                String line;
                while ((line = in.readLine()) != null && !line.contains(" PRIVMSG #" + channel + " :")) {
                    lines.add(line);
                }
                assertThat(line).as("a chat line over TLS").isNotNull().startsWith("@");
                assertThat(lines).contains(":tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands",
                        ":tmi.twitch.tv 001 justinfan4242 :Welcome, GLHF!");
                assertThat(lines).anyMatch(l -> l.endsWith("ROOMSTATE #" + channel));
                assertThat(socket.getSession().getPeerCertificates()[0].equals(
                        TwitchSimulator.trustStore().getCertificate("streamscout-sim"))).isTrue();
            }
        }
        assertThat(sim.ircConnectionsAccepted()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void droppedTlsConnectionDeliversEverythingReportedThenEndsCleanly() throws Exception {
        try (TwitchSimulator own = new TwitchSimulator(SimulatorSettings.defaults().withSeed(8)
                .withTotalChatRatePerSecond(600).withScheduleHypeMoments(false)).start()) {
            SentChatLog log = own.recordSentChat();
            SSLSocket socket = (SSLSocket) TwitchSimulator.clientTrustContext().getSocketFactory()
                    .createSocket("127.0.0.1", own.tlsPort());
            try (socket) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(("CAP REQ :twitch.tv/tags\r\nNICK justinfan5\r\nJOIN #"
                        + own.channels().get(0).login() + "\r\n").getBytes(StandardCharsets.UTF_8));
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                List<String> ids = new ArrayList<>();
                long dropAt = System.nanoTime() + 700_000_000L;
                boolean dropped = false;
                String line;
                while ((line = in.readLine()) != null) { // an SSLException here would fail the test
                    if (line.contains(" PRIVMSG #")) {
                        ids.add(IrcTestLine.parse(line).tags().get("id"));
                    }
                    if (!dropped && System.nanoTime() > dropAt) {
                        own.dropIrcConnections();
                        dropped = true;
                    }
                }
                assertThat(dropped).isTrue();
                assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
                assertThat(log.messageIds()).containsExactlyElementsOf(ids);
            }
        }
    }

    @Test
    void tlsIsRefusedByAClientThatDoesNotTrustTheTestCertificate() throws Exception {
        SSLContext defaults = SSLContext.getDefault();
        try (SSLSocket socket = tlsSocket(defaults, "127.0.0.1")) {
            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
    }

    /** Collects text frames from the JDK WebSocket client, splitting each into its IRC lines. */
    private static final class Collector implements WebSocket.Listener {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        volatile int framesWithSeveralLines;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                String[] split = message.split("\r\n");
                if (split.length > 1) {
                    framesWithSeveralLines++;
                }
                assertThat(message).endsWith("\r\n");
                for (String line : split) {
                    lines.add(line);
                }
            }
            webSocket.request(1);
            return null;
        }

        String await(String fragment) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.contains(fragment)) {
                    return line;
                }
            }
            throw new AssertionError("no line containing " + fragment);
        }
    }

    private static void chatOverJdkWebSocket(HttpClient client, java.net.URI uri) throws Exception {
        Collector collector = new Collector();
        WebSocket socket = client.newWebSocketBuilder().subprotocols("irc").buildAsync(uri, collector)
                .get(5, TimeUnit.SECONDS);
        assertThat(socket.getSubprotocol()).isEqualTo("irc");
        socket.sendText("CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership", true).get();
        // Two lines in one frame, the second without its CRLF: both are read.
        socket.sendText("PASS oauth:anything\r\nNICK justinfan777", true).get();
        assertThat(collector.await(" 001 ")).isEqualTo(":tmi.twitch.tv 001 justinfan777 :Welcome, GLHF!");
        collector.await("GLOBALUSERSTATE");
        socket.sendText("JOIN #" + channel, true).get();
        assertThat(collector.await("ROOMSTATE")).endsWith("ROOMSTATE #" + channel);
        String privmsg = collector.await(" PRIVMSG #" + channel + " :");
        assertThat(IrcTestLine.parse(privmsg).tags()).containsKeys("id", "room-id", "tmi-sent-ts");
        socket.sendText("PING :probe", true).get();
        assertThat(collector.await("PONG")).isEqualTo(":tmi.twitch.tv PONG tmi.twitch.tv :probe");
        assertThat(collector.framesWithSeveralLines).as("several lines per frame, as Twitch sends them").isPositive();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    @Test
    void webSocketSpeaksIrcInTextFramesWithTheJdkClient() throws Exception {
        chatOverJdkWebSocket(HttpClient.newHttpClient(), sim.webSocketUri());
        assertThat(sim.webSocketUri().toString()).startsWith("ws://127.0.0.1:").endsWith("/");
    }

    @Test
    void secureWebSocketWorksWithTheTrustContext() throws Exception {
        chatOverJdkWebSocket(HttpClient.newBuilder().sslContext(TwitchSimulator.clientTrustContext()).build(),
                sim.secureWebSocketUri());
        assertThat(sim.secureWebSocketUri().getScheme()).isEqualTo("wss");
    }

    @Test
    void handshakeFollowsRfc6455AndBadUpgradesAreRefused() throws Exception {
        int port = sim.webSocketUri().getPort();
        try (RawWebSocketClient client = new RawWebSocketClient(port)) {
            // The RFC's own example key and accept value.
            String head = client.handshake("dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13\r\n");
            assertThat(head).startsWith("HTTP/1.1 101 ").contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        }
        try (RawWebSocketClient client = new RawWebSocketClient(port)) {
            String head = client.handshake("dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 8\r\n");
            assertThat(head).startsWith("HTTP/1.1 426 ").contains("Sec-WebSocket-Version: 13");
        }
        try (RawWebSocketClient client = new RawWebSocketClient(port)) {
            assertThat(client.handshake("not-a-key", "Sec-WebSocket-Version: 13\r\n")).startsWith("HTTP/1.1 400 ");
        }
    }

    @Test
    void fragmentsPingsBinaryAndCloseAreHandled() throws Exception {
        long malformedBefore = sim.malformedIrcLines();
        try (RawWebSocketClient client = new RawWebSocketClient(sim.webSocketUri().getPort())) {
            client.handshake();
            // A command split over three frames, with a ping in between.
            client.sendFrame(false, 0x1, "NICK just".getBytes(StandardCharsets.UTF_8), true);
            client.sendFrame(true, 0x9, "are you there".getBytes(StandardCharsets.UTF_8), true);
            client.sendFrame(false, 0x0, "infan55".getBytes(StandardCharsets.UTF_8), true);
            client.sendFrame(true, 0x0, new byte[0], true);
            RawWebSocketClient.Frame pong = client.readFrame();
            assertThat(pong.opcode()).isEqualTo(0xA);
            assertThat(pong.text()).isEqualTo("are you there");
            assertThat(pong.masked()).isFalse();
            assertThat(client.readTextUntil(" 376 ")).contains(":tmi.twitch.tv 001 justinfan55 :Welcome, GLHF!");

            client.sendFrame(true, 0x2, new byte[] {1, 2, 3}, true); // IRC is text: counted, connection kept
            client.sendText("PING :still");
            assertThat(client.readTextUntil("PONG")).contains(":tmi.twitch.tv PONG tmi.twitch.tv :still");
            assertThat(sim.malformedIrcLines()).isEqualTo(malformedBefore + 1);

            client.sendFrame(true, 0x8, new byte[] {0x03, (byte) 0xE8}, true);
            RawWebSocketClient.Frame close = client.readFrame();
            assertThat(close.opcode()).isEqualTo(0x8);
            assertThat(close.closeCode()).isEqualTo(1000);
            assertThat(client.readFrame()).as("TCP closed after the close handshake").isNull();
        }
    }

    @Test
    void unmaskedClientFramesFailTheConnectionWithProtocolError() throws Exception {
        try (RawWebSocketClient client = new RawWebSocketClient(sim.webSocketUri().getPort())) {
            client.handshake();
            client.sendFrame(true, 0x1, "NICK justinfan1".getBytes(StandardCharsets.UTF_8), false);
            RawWebSocketClient.Frame close = client.readFrame();
            assertThat(close.opcode()).isEqualTo(0x8);
            assertThat(close.closeCode()).isEqualTo(1002);
        }
    }

    @Test
    void dropAndReconnectReachWebSocketClientsToo() throws Exception {
        try (TwitchSimulator own = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false)).start();
             RawWebSocketClient ws = new RawWebSocketClient(own.webSocketUri().getPort());
             RawIrcClient tcp = RawIrcClient.anonymous(own.ircPort())) {
            ws.handshake();
            ws.sendText("NICK justinfan9");
            ws.readTextUntil("376");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (own.ircConnectionCount() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(own.ircConnectionsByTransport()).containsEntry("ws", 1).containsEntry("tcp", 1);
            own.sendReconnect(Duration.ofMillis(100));
            assertThat(ws.readTextUntil("RECONNECT")).contains(":tmi.twitch.tv RECONNECT\r\n");
            RawWebSocketClient.Frame frame;
            do {
                frame = ws.readFrame();
            } while (frame != null && frame.opcode() != 0x8);
            assertThat(frame).as("a close frame after RECONNECT").isNotNull();
            assertThat(frame.closeCode()).isEqualTo(1001);
            assertThat(tcp.closedByServer(Duration.ofSeconds(3))).isTrue();
        }
    }
}
