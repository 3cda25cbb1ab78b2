package dev.streamscout.twitch.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.core.chat.ChatMessage;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IrcClient against a real ServerSocket playing Twitch's side of "A real session" (PROTOCOL.md). */
class IrcClientTest {

    private static final String LOGIN = "streamscoutbot";
    private static final String TOKEN = "rfx2uswqe8l4g1mkagrvg5tv0ks3";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<ChatMessage> chat = new CopyOnWriteArrayList<>();
    private ScriptedIrcServer server;
    private IrcClient client;

    @AfterEach
    void tearDown() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private IrcClientSettings settings(String login) {
        IrcClientSettings s = login == null ? IrcClientSettings.anonymous("127.0.0.1", server.port())
                : IrcClientSettings.authenticated("127.0.0.1", server.port(), login, () -> TOKEN);
        return s.withBackoff(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    private static String privmsg(String id, long ts, String text) {
        return "@badge-info=;badges=;color=#0000FF;display-name=JuN1oRRRR;emotes=25:0-4;flags=;id=" + id
                + ";mod=0;room-id=11148817;subscriber=0;tmi-sent-ts=" + ts + ";turbo=0;user-id=29803735;user-type="
                + " :jun1orrrr!jun1orrrr@jun1orrrr.tmi.twitch.tv PRIVMSG #pajlada :" + text;
    }

    /** Server side of a successful login, as Twitch sends it. */
    private static void welcome(ScriptedIrcServer.Session s, String nick) throws IOException {
        s.send(":tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands twitch.tv/membership",
                ":tmi.twitch.tv 001 " + nick + " :Welcome, GLHF!",
                ":tmi.twitch.tv 002 " + nick + " :Your host is tmi.twitch.tv",
                ":tmi.twitch.tv 003 " + nick + " :This server is rather new",
                ":tmi.twitch.tv 004 " + nick + " :-",
                ":tmi.twitch.tv 375 " + nick + " :-",
                ":tmi.twitch.tv 372 " + nick + " :You are in a maze of twisty passages, all alike.",
                ":tmi.twitch.tv 376 " + nick + " :>",
                "@badge-info=;badges=;color=;display-name=" + nick + ";emote-sets=0;user-id=1;user-type= :tmi.twitch.tv GLOBALUSERSTATE");
    }

    private static void confirmJoin(ScriptedIrcServer.Session s, String nick, String channel) throws IOException {
        s.send(":" + nick + "!" + nick + "@" + nick + ".tmi.twitch.tv JOIN #" + channel,
                ":" + nick + ".tmi.twitch.tv 353 " + nick + " = #" + channel + " :" + nick,
                ":" + nick + ".tmi.twitch.tv 366 " + nick + " #" + channel + " :End of /NAMES list",
                "@badge-info=;badges=;color=;display-name=" + nick + ";emote-sets=0;mod=0;subscriber=0;user-type= :tmi.twitch.tv USERSTATE #" + channel,
                "@emote-only=0;followers-only=-1;r9k=0;room-id=11148817;slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE #" + channel);
    }

    @Test
    void fullSessionWithPingMalformedDuplicateAndReconnect() throws Exception {
        server = new ScriptedIrcServer();
        client = new IrcClient(settings(LOGIN), chat::add);
        client.join("#PajLada");
        client.start();

        ScriptedIrcServer.Session s1 = server.accept();
        assertThat(s1.expectLine()).isEqualTo("CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership");
        assertThat(s1.expectLine()).isEqualTo("PASS oauth:" + TOKEN);
        assertThat(s1.expectLine()).isEqualTo("NICK " + LOGIN);
        welcome(s1, LOGIN);
        assertThat(s1.expectLine()).isEqualTo("JOIN #pajlada");
        confirmJoin(s1, LOGIN, "pajlada");
        await().atMost(WAIT).until(() -> client.state() == IrcClient.State.CONNECTED);

        // Two chat lines in one write.
        s1.send(privmsg("m1", 1594545155039L, "Kappa dank cam"), privmsg("m2", 1594545155040L, "\u0001ACTION Kappa waves\u0001"));
        await().atMost(WAIT).until(() -> chat.size() == 2);
        assertThat(chat.get(0)).isEqualTo(new ChatMessage("11148817", "pajlada", "29803735", "jun1orrrr", "JuN1oRRRR",
                "Kappa dank cam", 1594545155039L, List.of("Kappa"), "m1"));
        assertThat(chat.get(1).message()).isEqualTo("Kappa waves");
        assertThat(chat.get(1).emotes()).containsExactly("Kappa");

        s1.send("PING :tmi.twitch.tv");
        assertThat(s1.expectLine()).isEqualTo("PONG :tmi.twitch.tv");

        // Malformed lines are skipped and counted; a duplicate id is dropped; the connection stays up.
        s1.send("@badges=;color=;display-name=ZZZi;emotes=;flags=;id=75bb6b6b;mod=0;room-id=36029255;turbo",
                ":a!@b PING xD",
                privmsg("m1", 1594545155039L, "Kappa dank cam"),
                "@room-id=11148817;user-id=1;id=m9 :x!x@x.tmi.twitch.tv PRIVMSG #pajlada :no timestamp",
                privmsg("m3", 1594545155041L, "still here"));
        await().atMost(WAIT).until(() -> chat.size() == 3);
        assertThat(chat.get(2).message()).isEqualTo("still here");
        assertThat(client.malformedLines()).isEqualTo(2);
        assertThat(client.duplicatesDropped()).isEqualTo(1);
        assertThat(client.rejectedMessages()).isEqualTo(Map.of("PRIVMSG missing or garbled tmi-sent-ts", 1L));
        assertThat(client.messagesReceived()).isEqualTo(3);

        // The server drops the socket: the client reconnects, logs in again and rejoins.
        s1.close();
        ScriptedIrcServer.Session s2 = server.accept();
        assertThat(s2.expectLine()).startsWith("CAP REQ");
        assertThat(s2.expectLine()).isEqualTo("PASS oauth:" + TOKEN);
        assertThat(s2.expectLine()).isEqualTo("NICK " + LOGIN);
        welcome(s2, LOGIN);
        assertThat(s2.expectLine()).isEqualTo("JOIN #pajlada");
        confirmJoin(s2, LOGIN, "pajlada");
        s2.send(privmsg("m4", 1594545155042L, "after reconnect"));
        await().atMost(WAIT).until(() -> chat.size() == 4);
        assertThat(client.connectionsOpened()).isEqualTo(2);

        client.join("forsen");
        assertThat(s2.expectLine()).isEqualTo("JOIN #forsen");
        client.part("pajlada");
        assertThat(s2.expectLine()).isEqualTo("PART #pajlada");
        assertThat(client.joinedChannels()).containsExactly("forsen");

        long start = System.nanoTime();
        client.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(client.state()).isEqualTo(IrcClient.State.CLOSED);
        await().atMost(WAIT).until(s2::clientClosed);
    }

    @Test
    void anonymousLoginSendsNoPass() throws Exception {
        server = new ScriptedIrcServer();
        client = new IrcClient(settings(null), chat::add);
        client.start();
        ScriptedIrcServer.Session s = server.accept();
        assertThat(s.expectLine()).startsWith("CAP REQ");
        String nick = s.expectLine();
        assertThat(nick).matches("NICK justinfan\\d+").isEqualTo("NICK " + client.nick());
    }

    @Test
    void rejectedLoginStopsRetrying() throws Exception {
        server = new ScriptedIrcServer();
        client = new IrcClient(settings(LOGIN), chat::add);
        client.start();
        ScriptedIrcServer.Session s = server.accept();
        s.expectLine();
        s.expectLine();
        s.expectLine();
        s.send(":tmi.twitch.tv NOTICE * :Login authentication failed");
        s.close();
        await().atMost(WAIT).until(() -> client.state() == IrcClient.State.AUTH_FAILED);
        try {
            server.accept(1_000);
            throw new AssertionError("client reconnected after a rejected login");
        } catch (SocketTimeoutException expected) {
            assertThat(client.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void reconnectCommandOpensANewConnectionAndRejoins() throws Exception {
        server = new ScriptedIrcServer();
        client = new IrcClient(settings(LOGIN), chat::add);
        client.join("pajlada");
        client.start();
        ScriptedIrcServer.Session s1 = server.accept();
        for (int i = 0; i < 3; i++) {
            s1.expectLine();
        }
        welcome(s1, LOGIN);
        assertThat(s1.expectLine()).isEqualTo("JOIN #pajlada");
        s1.send(":tmi.twitch.tv RECONNECT");

        ScriptedIrcServer.Session s2 = server.accept();
        for (int i = 0; i < 3; i++) {
            s2.expectLine();
        }
        welcome(s2, LOGIN);
        assertThat(s2.expectLine()).isEqualTo("JOIN #pajlada");
        assertThat(client.connectionsOpened()).isEqualTo(2);
    }

    @Test
    void silentServerIsPingedAndDroppedWhenItDoesNotAnswer() throws Exception {
        server = new ScriptedIrcServer();
        client = new IrcClient(settings(LOGIN).withKeepalive(Duration.ofMillis(400), Duration.ofMillis(400)), chat::add);
        client.start();
        ScriptedIrcServer.Session s1 = server.accept();
        for (int i = 0; i < 3; i++) {
            s1.expectLine();
        }
        welcome(s1, LOGIN);
        assertThat(s1.expectLine()).isEqualTo("PING :tmi.twitch.tv");
        s1.send(":tmi.twitch.tv PONG tmi.twitch.tv :tmi.twitch.tv");
        assertThat(s1.expectLine()).isEqualTo("PING :tmi.twitch.tv"); // still the same connection, pinged again
        // No answer this time: the client gives up on the connection and opens a new one.
        ScriptedIrcServer.Session s2 = server.accept();
        assertThat(s2.expectLine()).startsWith("CAP REQ");
        assertThat(client.connectionsOpened()).isEqualTo(2);
    }

    @Test
    void failingCallbackDoesNotStopTheReaderAndSplitWritesAreJoined() throws Exception {
        server = new ScriptedIrcServer();
        client = new IrcClient(settings(LOGIN), msg -> {
            if (msg.message().equals("boom")) {
                throw new IllegalStateException("downstream failure");
            }
            chat.add(msg);
        });
        client.start();
        ScriptedIrcServer.Session s = server.accept();
        for (int i = 0; i < 3; i++) {
            s.expectLine();
        }
        welcome(s, LOGIN);
        s.send(privmsg("b1", 1L, "boom"));
        byte[] line = (privmsg("b2", 2L, "👉 split across writes") + "\r\n").getBytes(StandardCharsets.UTF_8);
        int cut = line.length - 20; // inside the multi-byte text
        s.sendRaw(java.util.Arrays.copyOfRange(line, 0, cut));
        Thread.sleep(100);
        s.sendRaw(java.util.Arrays.copyOfRange(line, cut, line.length));
        await().atMost(WAIT).until(() -> chat.size() == 1);
        assertThat(chat.get(0).message()).isEqualTo("👉 split across writes");
        assertThat(client.callbackFailures()).isEqualTo(1);
    }

    @Test
    void closeIsPromptWhileWaitingToReconnect() throws Exception {
        server = new ScriptedIrcServer();
        int port = server.port();
        server.close(); // nothing listens: every attempt is refused
        server = null;
        client = new IrcClient(IrcClientSettings.anonymous("127.0.0.1", port)
                .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60)), chat::add);
        client.start();
        await().atMost(WAIT).until(() -> client.state() == IrcClient.State.WAITING_TO_RECONNECT);
        long start = System.nanoTime();
        client.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(client.state()).isEqualTo(IrcClient.State.CLOSED);
    }

    @Test
    void backoffDoublesWithJitterUpToTheMaximum() {
        Backoff c = new Backoff(IrcClientSettings.DEFAULT_INITIAL_BACKOFF, IrcClientSettings.DEFAULT_MAX_BACKOFF);
        for (int i = 0; i < 200; i++) {
            assertThat(c.delayMs(1)).isBetween(500L, 1_000L);
            assertThat(c.delayMs(3)).isBetween(2_000L, 4_000L);
            assertThat(c.delayMs(7)).isBetween(30_000L, 60_000L);
            assertThat(c.delayMs(50)).isBetween(30_000L, 60_000L);
        }
    }

    @Test
    void channelNamesAreValidated() {
        IrcClient c = new IrcClient(IrcClientSettings.anonymous("127.0.0.1", 6667), m -> { });
        for (String bad : new String[] {"", "#", "a b", "a,b", "x\r\nPRIVMSG #y :spam", "toolongtoolongtoolongtoolong"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.join(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        c.join("#Forsen");
        assertThat(c.joinedChannels()).containsExactly("forsen");
    }
}
