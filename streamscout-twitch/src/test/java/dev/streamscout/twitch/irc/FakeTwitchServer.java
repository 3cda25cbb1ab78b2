package dev.streamscout.twitch.irc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * Twitch's chat server as far as the pool needs it, on a real loopback socket (TCP or TLS):
 * answers the login, confirms JOINs (JOIN, 353, 366, USERSTATE, ROOMSTATE) or refuses them
 * (suspended channel, account channel limit), answers PINGs, relays chat to every connection
 * that joined the channel, and records when each JOIN and connection arrived. Tests drive faults:
 * drop every connection, send RECONNECT, reject a token, withhold PONGs.
 */
final class FakeTwitchServer implements AutoCloseable {

    /** One JOIN as received. */
    record JoinReceived(long atMillis, String nick, String channel, Conn connection) {}

    /** One client connection. */
    final class Conn {
        final int id;
        final long acceptedAtMillis;
        private final Socket socket;
        private final OutputStream out;
        final Set<String> joined = ConcurrentHashMap.newKeySet();
        volatile String nick;
        volatile String pass;
        volatile boolean open = true;
        volatile long closedAtMillis;

        Conn(int id, Socket socket) throws IOException {
            this.id = id;
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.acceptedAtMillis = System.currentTimeMillis();
        }

        void send(String... lines) {
            StringBuilder b = new StringBuilder();
            for (String line : lines) {
                b.append(line).append("\r\n");
            }
            try {
                synchronized (out) {
                    out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            if (open) {
                open = false;
                closedAtMillis = System.currentTimeMillis();
            }
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        private void serve() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    handle(this, line);
                }
            } catch (IOException ignored) {
                // closed by either side
            }
            if (open) {
                open = false;
                closedAtMillis = System.currentTimeMillis();
            }
        }

        @Override
        public String toString() {
            return "conn" + id + (open ? "" : "(closed)") + joined.size();
        }
    }

    private final ServerSocket server;
    private final AtomicInteger ids = new AtomicInteger();
    final List<Conn> connections = new CopyOnWriteArrayList<>();
    final List<JoinReceived> joins = new CopyOnWriteArrayList<>();
    final Set<String> suspended = ConcurrentHashMap.newKeySet();
    /** Channels whose next JOINs get no answer at all, with how many more to ignore (Twitch under load). */
    final java.util.Map<String, Integer> unanswered = new ConcurrentHashMap<>();
    final AtomicInteger logins = new AtomicInteger();
    volatile String rejectedToken;
    volatile boolean answerPings = true;
    /** Channels one account may have joined at once; -1 for no limit. */
    volatile int channelLimit = -1;

    FakeTwitchServer() throws IOException {
        this(null);
    }

    FakeTwitchServer(SSLContext tls) throws IOException {
        server = tls == null ? new ServerSocket(0, 100, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fake-twitch-accept");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Conn c = new Conn(ids.incrementAndGet(), s);
                connections.add(c);
                Thread t = new Thread(c::serve, "fake-twitch-conn" + c.id);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed, or a TLS client that gave up; keep accepting while open
            }
        }
    }

    private void handle(Conn c, String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("PASS ")) {
            c.pass = line.substring(5);
        } else if (upper.startsWith("NICK ")) {
            c.nick = line.substring(5).trim();
            logins.incrementAndGet();
            if (rejectedToken != null && ("oauth:" + rejectedToken).equals(c.pass)) {
                c.send(":tmi.twitch.tv NOTICE * :Login authentication failed");
                c.close();
                return;
            }
            c.send(":tmi.twitch.tv 001 " + c.nick + " :Welcome, GLHF!", ":tmi.twitch.tv 002 " + c.nick + " :Your host is tmi.twitch.tv",
                    ":tmi.twitch.tv 376 " + c.nick + " :>",
                    "@badge-info=;badges=;color=;display-name=" + c.nick + ";emote-sets=0;user-id=1;user-type= :tmi.twitch.tv GLOBALUSERSTATE");
        } else if (upper.startsWith("JOIN ")) {
            for (String target : line.substring(5).trim().split(",")) {
                join(c, target.startsWith("#") ? target.substring(1) : target);
            }
        } else if (upper.startsWith("PART ")) {
            c.joined.remove(line.substring(5).trim().replace("#", ""));
        } else if (upper.startsWith("PING")) {
            if (answerPings) {
                String arg = line.length() > 5 ? line.substring(5) : ":tmi.twitch.tv";
                c.send(":tmi.twitch.tv PONG tmi.twitch.tv " + arg);
            }
        } else if (upper.startsWith("CAP REQ")) {
            c.send(":tmi.twitch.tv CAP * ACK " + line.substring(8));
        }
    }

    private void join(Conn c, String channel) {
        joins.add(new JoinReceived(System.currentTimeMillis(), c.nick, channel, c));
        Integer ignore = unanswered.get(channel);
        if (ignore != null) {
            if (ignore <= 1) {
                unanswered.remove(channel);
            } else {
                unanswered.put(channel, ignore - 1);
            }
            return;
        }
        if (suspended.contains(channel)) {
            c.send("@msg-id=msg_channel_suspended :tmi.twitch.tv NOTICE #" + channel
                    + " :This channel does not exist or has been suspended.");
            return;
        }
        if (channelLimit >= 0 && joinedByAccount(c.nick) >= channelLimit) {
            c.send("@msg-id=msg_concurrent_channel_limit_reached :tmi.twitch.tv NOTICE #" + channel
                    + " :You have reached the maximum number of concurrent channels.");
            return;
        }
        c.joined.add(channel);
        c.send(":" + c.nick + "!" + c.nick + "@" + c.nick + ".tmi.twitch.tv JOIN #" + channel,
                ":" + c.nick + ".tmi.twitch.tv 353 " + c.nick + " = #" + channel + " :" + c.nick,
                ":" + c.nick + ".tmi.twitch.tv 366 " + c.nick + " #" + channel + " :End of /NAMES list",
                "@badge-info=;badges=;color=;display-name=" + c.nick + ";emote-sets=0;mod=0;subscriber=0;user-type= :tmi.twitch.tv USERSTATE #" + channel,
                "@emote-only=0;followers-only=-1;r9k=0;room-id=" + roomId(channel) + ";slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE #" + channel);
    }

    private int joinedByAccount(String nick) {
        Set<String> all = ConcurrentHashMap.newKeySet();
        for (Conn c : connections) {
            if (c.open && nick.equals(c.nick)) {
                all.addAll(c.joined);
            }
        }
        return all.size();
    }

    static String roomId(String channel) {
        return String.valueOf(Math.abs(channel.hashCode() % 1_000_000) + 1);
    }

    static String privmsg(String channel, String id, String text) {
        return "@badge-info=;badges=;color=;display-name=Viewer;emotes=;id=" + id + ";mod=0;room-id=" + roomId(channel)
                + ";subscriber=0;tmi-sent-ts=" + System.currentTimeMillis() + ";user-id=42;user-type="
                + " :viewer!viewer@viewer.tmi.twitch.tv PRIVMSG #" + channel + " :" + text;
    }

    /** Sends a chat line to every open connection that joined the channel; returns how many got it. */
    int chat(String channel, String id, String text) {
        int sent = 0;
        for (Conn c : connections) {
            if (c.open && c.joined.contains(channel)) {
                c.send(privmsg(channel, id, text));
                sent++;
            }
        }
        return sent;
    }

    List<Conn> open() {
        List<Conn> open = new ArrayList<>();
        for (Conn c : connections) {
            if (c.open) {
                open.add(c);
            }
        }
        return open;
    }

    void dropAll() {
        for (Conn c : connections) {
            c.close();
        }
    }

    /** Channels joined on open connections (each counted once). */
    Set<String> joinedChannels() {
        Set<String> all = ConcurrentHashMap.newKeySet();
        for (Conn c : open()) {
            all.addAll(c.joined);
        }
        return all;
    }

    /** Most JOINs the server received within any window of {@code windowMs}. */
    int maxJoinsInWindow(long windowMs) {
        List<Long> times = new ArrayList<>();
        for (JoinReceived j : joins) {
            times.add(j.atMillis());
        }
        times.sort(null);
        int max = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= windowMs) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropAll();
    }
}
