package dev.streamscout.sim.irc;

import dev.streamscout.sim.chat.ChatLine;
import dev.streamscout.sim.chat.ChatSink;
import dev.streamscout.sim.world.TokenRegistry;
import dev.streamscout.sim.world.World;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain-TCP Twitch chat server on 127.0.0.1: login, capabilities, JOIN/PART, keepalive PINGs
 * and the generated PRIVMSG stream of every joined channel, for any number of connections.
 */
public final class IrcServer implements ChatSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IrcServer.class);
    /** Time a refused or reconnecting client gets to read its last lines before the socket closes. */
    private static final long CLOSE_GRACE_MILLIS = 200;

    private final World world;
    private final TokenRegistry tokens;
    private final ScheduledExecutorService scheduler;
    private final int requestedPort;
    private final Set<IrcSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<IrcSession>> subscribers = new ConcurrentHashMap<>();
    private final AtomicInteger connectionNumbers = new AtomicInteger();
    /** Malformed-line counts of connections that have gone away. */
    private final AtomicLong forgottenMalformed = new AtomicLong();
    private ServerSocket serverSocket;
    private Thread acceptor;
    private volatile boolean running;

    public IrcServer(World world, TokenRegistry tokens, ScheduledExecutorService scheduler, int port) {
        this.world = world;
        this.tokens = tokens;
        this.scheduler = scheduler;
        this.requestedPort = port;
    }

    public void start() throws IOException {
        serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 100);
        running = true;
        acceptor = new Thread(this::acceptLoop, "sim-irc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public int connectionCount() {
        return sessions.size();
    }

    @Override
    public Set<String> joinedChannels() {
        Set<String> joined = new HashSet<>();
        subscribers.forEach((login, set) -> {
            if (!set.isEmpty()) {
                joined.add(login);
            }
        });
        return joined;
    }

    @Override
    public void publish(ChatLine line) {
        Set<IrcSession> set = subscribers.get(line.channelLogin());
        if (set != null) {
            for (IrcSession session : set) {
                session.sendChat(line);
            }
        }
    }

    /** Sends {@code PING :tmi.twitch.tv} to every connection (closing those that never answered). */
    public void pingAll() {
        for (IrcSession session : List.copyOf(sessions)) {
            session.ping();
        }
    }

    /** Announces maintenance with {@code RECONNECT} and closes every current connection after the delay. */
    public void reconnectAll(Duration delay) {
        for (IrcSession session : List.copyOf(sessions)) {
            session.send(":tmi.twitch.tv RECONNECT");
            closeLater(session, Math.max(0, delay.toMillis()));
        }
    }

    /** Drops every connection at once, without a word, like a network failure. */
    public void dropAll() {
        for (IrcSession session : List.copyOf(sessions)) {
            session.close();
        }
    }

    /** Lines that connections sent but were not IRC (counted, ignored). */
    public long malformedLines() {
        long total = 0;
        for (IrcSession session : sessions) {
            total += session.malformedLines();
        }
        return total + forgottenMalformed.get();
    }

    @Override
    public void close() {
        running = false;
        if (serverSocket != null) {
            try {
                serverSocket.close();
            } catch (IOException e) {
                LOG.debug("closing IRC server socket", e);
            }
        }
        dropAll();
        if (acceptor != null) {
            try {
                acceptor.join(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    World world() {
        return world;
    }

    void subscribe(String channelLogin, IrcSession session) {
        subscribers.computeIfAbsent(channelLogin, k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void unsubscribe(String channelLogin, IrcSession session) {
        Set<IrcSession> set = subscribers.get(channelLogin);
        if (set != null) {
            set.remove(session);
        }
    }

    void forget(IrcSession session) {
        if (sessions.remove(session)) {
            forgottenMalformed.addAndGet(session.malformedLines());
        }
        for (Set<IrcSession> set : subscribers.values()) {
            set.remove(session);
        }
    }

    void closeSoon(IrcSession session) {
        closeLater(session, CLOSE_GRACE_MILLIS);
    }

    private void closeLater(IrcSession session, long millis) {
        try {
            scheduler.schedule(session::close, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            session.close(); // the simulator is shutting down anyway
        }
    }

    private static void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(50); // e.g. out of file descriptors: do not spin
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                IrcSession session = new IrcSession(connectionNumbers.incrementAndGet(), socket, this, tokens);
                sessions.add(session);
                if (!running) {
                    session.close();
                    return;
                }
                session.start();
            } catch (IOException e) {
                if (running) {
                    LOG.warn("IRC accept failed", e);
                    pauseAfterAcceptFailure();
                }
            }
        }
    }
}
