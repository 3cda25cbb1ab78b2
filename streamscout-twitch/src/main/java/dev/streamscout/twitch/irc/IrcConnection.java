package dev.streamscout.twitch.irc;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One physical chat connection: opens the transport, requests the capabilities, logs in, reads
 * and decodes lines on its own thread, answers server PINGs, and keeps its own client PING/PONG
 * deadline. Which channels to join, and when, is the {@link IrcConnectionPool}'s business; the pool
 * learns what happens through {@link Listener}. A connection is used once: after it closes, the
 * pool opens a new one.
 */
final class IrcConnection {

    static final String CAP_REQ = "CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership";
    static final String CLIENT_PING = "PING :tmi.twitch.tv";

    private static final Logger LOG = LoggerFactory.getLogger(IrcConnection.class);

    /** What the pool hears from a connection. Called on the connection's reader thread. */
    interface Listener {
        /** The transport is open (counted as an opened connection); login follows. */
        void onOpened(IrcConnection connection);

        /** 001 arrived: the login was accepted and JOINs may be sent. */
        void onRegistered(IrcConnection connection);

        /** Any decoded line other than PING/PONG/001, which the connection handles itself. */
        void onEvent(IrcConnection connection, IrcEvent event);

        /** The connection is gone (server close, error, dead keepalive, or {@link #close()}). */
        void onClosed(IrcConnection connection, boolean wasRegistered, String why);
    }

    private final String name;
    private final IrcTransport transport;
    private final Duration connectTimeout;
    private final String nick;
    private final Supplier<String> token;
    private final CountingLineDecoder decoder;
    private final Listener listener;

    // Channel bookkeeping, guarded by the pool's lock (the pool is the only one touching them).
    /** Channels this connection still has to JOIN, in order. */
    final Set<String> pendingJoins = new LinkedHashSet<>();
    /** Channels a JOIN was sent for on this connection, with when (System.nanoTime()). */
    final Map<String, Long> joinSent = new LinkedHashMap<>();
    /** Channels whose JOIN Twitch confirmed (ROOMSTATE) on this connection. */
    final Set<String> confirmed = new LinkedHashSet<>();

    private volatile IrcTransport.Connection socket;
    private volatile boolean registered;
    private volatile boolean closing;
    private volatile String closeReason;
    private volatile long lastPingSentNanos;
    private volatile long pongDueNanos;
    private Thread reader;

    IrcConnection(String name, IrcTransport transport, Duration connectTimeout, String nick, Supplier<String> token,
            CountingLineDecoder decoder, Listener listener) {
        this.name = name;
        this.transport = transport;
        this.connectTimeout = connectTimeout;
        this.nick = nick;
        this.token = token;
        this.decoder = decoder;
        this.listener = listener;
    }

    /** Connects and logs in on a new daemon thread; returns at once. */
    void start() {
        reader = new Thread(this::run, "irc-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    String name() {
        return name;
    }

    boolean registered() {
        return registered;
    }

    boolean isClosing() {
        return closing;
    }

    /** Sends a line; on failure the connection is closed (the reader then reports it) and false is returned. */
    boolean send(String line) {
        IrcTransport.Connection s = socket;
        if (s == null || closing) {
            return false;
        }
        try {
            s.sendLine(line);
            return true;
        } catch (IOException e) {
            close("send failed: " + e);
            return false;
        }
    }

    /**
     * Client keepalive, called periodically by the pool: PING every {@code interval}; no PONG within
     * {@code timeout} means the connection is dead, so it is closed (and the pool replaces it).
     */
    void keepalive(long nowNanos, Duration interval, Duration timeout) {
        if (!registered || closing) {
            return;
        }
        long due = pongDueNanos;
        if (due != 0 && nowNanos - due > 0) {
            LOG.warn("IRC {}: no PONG within {} ms of our PING; dropping the connection", name, timeout.toMillis());
            close("no PONG within " + timeout.toMillis() + " ms");
            return;
        }
        if (nowNanos - lastPingSentNanos >= interval.toNanos()) {
            lastPingSentNanos = nowNanos;
            if (due == 0) {
                pongDueNanos = nowNanos + timeout.toNanos();
            }
            send(CLIENT_PING);
        }
    }

    /** Closes the connection; the reader thread then reports {@link Listener#onClosed}. Idempotent. */
    void close(String why) {
        if (!closing) {
            closeReason = why;
            closing = true;
        }
        IrcTransport.Connection s = socket;
        if (s != null) {
            s.close();
        }
        Thread t = reader;
        if (t != null && s == null) {
            t.interrupt(); // still connecting: do not wait for the connect timeout
        }
    }

    /** Waits up to {@code millis} for the reader thread to end. */
    void awaitClosed(long millis) {
        Thread t = reader;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        String why = "closed by the server";
        try {
            IrcTransport.Connection s = transport.open(connectTimeout);
            socket = s;
            if (closing) {
                s.close();
                return;
            }
            listener.onOpened(this);
            login(s);
            String line;
            while ((line = s.readLine()) != null) {
                Optional<IrcEvent> event = decoder.decode(line);
                if (event.isPresent()) {
                    handle(s, event.get());
                }
            }
        } catch (IOException e) {
            why = e.toString();
        } catch (RuntimeException e) {
            // A bug in a callback or here must end this connection cleanly, not kill the pool.
            why = "unexpected failure: " + e;
            if (!closing) {
                LOG.error("IRC {}: unexpected failure; dropping the connection", name, e);
            }
        } finally {
            IrcTransport.Connection s = socket;
            if (s != null) {
                s.close();
            }
            boolean wasRegistered = registered;
            registered = false;
            closing = true;
            listener.onClosed(this, wasRegistered, closeReason != null ? closeReason : why);
        }
    }

    private void login(IrcTransport.Connection s) throws IOException {
        s.sendLine(CAP_REQ);
        if (token != null) {
            String t = token.get();
            if (t == null || t.isBlank()) {
                throw new IOException("the OAuth token supplier returned no token");
            }
            s.sendLine("PASS " + (t.startsWith("oauth:") ? t : "oauth:" + t));
        }
        s.sendLine("NICK " + nick);
    }

    private void handle(IrcTransport.Connection s, IrcEvent event) throws IOException {
        if (event instanceof IrcEvent.Ping ping) {
            s.sendLine(ping.reply());
        } else if (event instanceof IrcEvent.Pong) {
            pongDueNanos = 0;
        } else if (event instanceof IrcEvent.Welcome) {
            if (!registered) {
                lastPingSentNanos = System.nanoTime();
                registered = true;
                listener.onRegistered(this);
            }
        } else {
            listener.onEvent(this, event);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
