package dev.streamscout.twitch.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TLS and WebSocket transports on real loopback sockets: a TLS server with a certificate made by
 * keytool for this run, and a scripted RFC 6455 server whose frames carry several lines, half a
 * line, or one message in fragments.
 */
class IrcTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration CONNECT = Duration.ofSeconds(5);

    private final List<ChatMessage> chat = new CopyOnWriteArrayList<>();
    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    private IrcConnectionPool pool;
    private AutoCloseable server;

    @AfterEach
    void tearDown() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tlsPoolReadsChatFromAServerItTrusts() throws Exception {
        FakeTwitchServer tls = new FakeTwitchServer(TestTls.server(TestTls.LOCALHOST));
        server = tls;
        pool = new IrcConnectionPool(IrcPoolSettings.anonymous(IrcEndpoint.tls("localhost", tls.port()))
                .withSslContext(TestTls.clientTrusting(TestTls.LOCALHOST)), chat::add, events::add);
        pool.join("pajlada");
        pool.start();
        await().atMost(WAIT).until(() -> pool.confirmedChannels().contains("pajlada"));
        tls.chat("pajlada", "t1", "over TLS \uD83D\uDD12");
        await().atMost(WAIT).until(() -> chat.size() == 1);
        assertThat(chat.get(0).message()).isEqualTo("over TLS \uD83D\uDD12");
        assertThat(pool.stats().connectionsOpened()).isEqualTo(1);
    }

    @Test
    void tlsRefusesACertificateForAnotherHostName() throws Exception {
        FakeTwitchServer other = new FakeTwitchServer(TestTls.server(TestTls.OTHER_HOST));
        server = other;
        TlsIrcTransport transport = new TlsIrcTransport("127.0.0.1", other.port(), TestTls.clientTrusting(TestTls.OTHER_HOST));
        assertThatThrownBy(() -> transport.open(CONNECT)).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("subject alternative");
        TlsIrcTransport byName = new TlsIrcTransport("localhost", other.port(), TestTls.clientTrusting(TestTls.OTHER_HOST));
        assertThatThrownBy(() -> byName.open(CONNECT)).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void tlsRefusesAnUntrustedCertificate() throws Exception {
        FakeTwitchServer selfSigned = new FakeTwitchServer(TestTls.server(TestTls.LOCALHOST));
        server = selfSigned;
        TlsIrcTransport jdkTrust = new TlsIrcTransport("localhost", selfSigned.port(), null);
        assertThatThrownBy(() -> jdkTrust.open(CONNECT)).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void webSocketFramesMayCarrySeveralLinesOrPartOfOne() throws Exception {
        TestWebSocketServer ws = new TestWebSocketServer(null);
        server = ws;
        runWebSocketSession(ws, IrcEndpoint.webSocket(URI.create("ws://127.0.0.1:" + ws.port() + "/")), null);
    }

    @Test
    void secureWebSocketTrustsTheInjectedContext() throws Exception {
        TestWebSocketServer wss = new TestWebSocketServer(TestTls.server(TestTls.LOCALHOST));
        server = wss;
        runWebSocketSession(wss, IrcEndpoint.webSocket(URI.create("wss://localhost:" + wss.port())),
                TestTls.clientTrusting(TestTls.LOCALHOST));
    }

    private void runWebSocketSession(TestWebSocketServer ws, IrcEndpoint endpoint, javax.net.ssl.SSLContext ctx) throws Exception {
        pool = new IrcConnectionPool(IrcPoolSettings.anonymous(endpoint).withSslContext(ctx), chat::add, events::add);
        pool.join("forsen");
        pool.start();
        TestWebSocketServer.Session s = ws.accept();
        assertThat(s.expectLine()).isEqualTo(IrcConnection.CAP_REQ);
        String nick = s.expectLine().substring(5);
        assertThat(nick).isEqualTo(pool.nick());
        // The whole welcome in one frame.
        s.sendLines(":tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands twitch.tv/membership",
                ":tmi.twitch.tv 001 " + nick + " :Welcome, GLHF!", ":tmi.twitch.tv 376 " + nick + " :>");
        assertThat(s.expectLine()).isEqualTo("JOIN #forsen");
        s.sendLines(":" + nick + "!" + nick + "@" + nick + ".tmi.twitch.tv JOIN #forsen",
                "@emote-only=0;followers-only=-1;r9k=0;room-id=22484632;slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE #forsen");
        await().atMost(WAIT).until(() -> pool.confirmedChannels().contains("forsen"));

        String one = FakeTwitchServer.privmsg("forsen", "w1", "first \uD83D\uDC49 line") + "\r\n";
        String two = FakeTwitchServer.privmsg("forsen", "w2", "split across frames") + "\r\n";
        String three = FakeTwitchServer.privmsg("forsen", "w3", "fragmented message") + "\r\n";
        int cut = two.length() / 2;
        s.sendText(one + two.substring(0, cut));   // a line and a half
        s.sendText(two.substring(cut));             // the other half
        s.sendFragmented(three.substring(0, 10), three.substring(10, 40), three.substring(40));
        s.sendLines("PING :tmi.twitch.tv");
        await().atMost(WAIT).until(() -> chat.size() == 3);
        assertThat(chat).extracting(ChatMessage::message).containsExactly("first \uD83D\uDC49 line", "split across frames",
                "fragmented message");
        assertThat(s.expectLine()).isEqualTo("PONG :tmi.twitch.tv");
        assertThat(pool.stats().parseErrors()).isZero();

        // The server closing the WebSocket is a lost connection: the pool reconnects and rejoins.
        s.close();
        TestWebSocketServer.Session again = ws.accept();
        assertThat(again.expectLine()).isEqualTo(IrcConnection.CAP_REQ);
    }
}
