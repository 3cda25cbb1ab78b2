package dev.streamscout.sim.irc;

import dev.streamscout.sim.SimulatorSettings;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Twitch chat server on 127.0.0.1, listening on four ports that share one session logic:
 * plain TCP, TLS (Twitch's 6697), WebSocket and WebSocket over TLS (Twitch's 443). It handles
 * login, capabilities, JOIN/PART (with Twitch's limits and NOTICEs), keepalive PINGs and the
 * generated chat of every joined channel, for any number of connections.
 */
public final class IrcServer implements ChatSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IrcServer.class);

    /** Which framing a listener speaks. */
    public enum Transport { TCP, TLS, WS, WSS }

    private record Listener(Transport transport, ServerSocket socket, Thread acceptor) {}

    private final World world;
    private final TokenRegistry tokens;
    private final ScheduledExecutorService scheduler;
    private final SimulatorSettings settings;
    private final IrcFaults faults = new IrcFaults();
    private final JoinLedger joins;
    private final Consumer<ChatLine> onSent;
    private final Set<IrcSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<IrcSession>> subscribers = new ConcurrentHashMap<>();
    private final Map<Transport, Listener> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger connectionNumbers = new AtomicInteger();
    private final AtomicLong connectionsAccepted = new AtomicLong();
    /** Malformed-line counts of connections that have gone away. */
    private final AtomicLong forgottenMalformed = new AtomicLong();
    private final Random duplicates;
    private volatile boolean running;

    /**
     * @param onSent called once per chat line, on a connection's writer thread, right after the
     *               line was first written to any connection (never for lines nobody received)
     */
    public IrcServer(World world, TokenRegistry tokens, ScheduledExecutorService scheduler, SimulatorSettings settings,
                     Consumer<ChatLine> onSent) {
        this.world = world;
        this.tokens = tokens;
        this.scheduler = scheduler;
        this.settings = settings;
        this.onSent = Objects.requireNonNull(onSent, "onSent");
        this.joins = new JoinLedger(settings.clock(), settings.joinRateLimit());
        this.duplicates = new Random(settings.seed() * 31 + 23);
    }

    public void start() throws IOException {
        running = true;
        try {
            listen(Transport.TCP, settings.ircPort(), socket -> new SocketLineTransport(socket, IrcSession.MAX_LINE_BYTES));
            listen(Transport.TLS, settings.ircTlsPort(), socket -> new SocketLineTransport(socket, IrcSession.MAX_LINE_BYTES));
            listen(Transport.WS, settings.webSocketPort(),
                    socket -> new WebSocketLineTransport(socket, IrcSession.MAX_LINE_BYTES));
            listen(Transport.WSS, settings.webSocketTlsPort(),
                    socket -> new WebSocketLineTransport(socket, IrcSession.MAX_LINE_BYTES));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void listen(Transport transport, int port, Function<Socket, LineTransport> framing) throws IOException {
        boolean tls = transport == Transport.TLS || transport == Transport.WSS;
        ServerSocket socket = tls
                ? SimTls.get().serverContext().getServerSocketFactory().createServerSocket()
                : new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        Thread acceptor = new Thread(() -> acceptLoop(socket, framing),
                "sim-irc-accept-" + transport.name().toLowerCase());
        acceptor.setDaemon(true);
        listeners.put(transport, new Listener(transport, socket, acceptor));
        acceptor.start();
    }

    public int port(Transport transport) {
        Listener listener = listeners.get(transport);
        if (listener == null) {
            throw new IllegalStateException("IRC server not started");
        }
        return listener.socket().getLocalPort();
    }

    /** Plain TCP port. */
    public int port() {
        return port(Transport.TCP);
    }

    public IrcFaults faults() {
        return faults;
    }

    public JoinLedger joins() {
        return joins;
    }

    public int connectionCount() {
        return sessions.size();
    }

    /** Connections accepted since start, on every listener. */
    public long connectionsAccepted() {
        return connectionsAccepted.get();
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
            double duplicateProbability = faults.duplicateProbability();
            for (IrcSession session : set) {
                boolean twice = duplicateProbability > 0 && nextDouble() < duplicateProbability;
                session.sendChat(line, twice);
            }
        }
    }

    private double nextDouble() {
        synchronized (duplicates) {
            return duplicates.nextDouble();
        }
    }

    /** Sends {@code PING :tmi.twitch.tv} to every connection (dropping those that never answered). */
    public void pingAll() {
        for (IrcSession session : List.copyOf(sessions)) {
            session.ping();
        }
    }

    /** Announces maintenance with {@code RECONNECT} and drops every current connection after the delay. */
    public void reconnectAll(Duration delay) {
        for (IrcSession session : List.copyOf(sessions)) {
            session.send(":tmi.twitch.tv RECONNECT");
            later(session::dropAfterQueued, Math.max(0, delay.toMillis()));
        }
    }

    /**
     * Drops every connection at once, as Twitch's side going away would: nothing queued is sent,
     * what was already written still arrives, and the client sees the connection end.
     */
    public void dropAll() {
        for (IrcSession session : List.copyOf(sessions)) {
            session.drop();
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

    /** Open connections per transport kind ({@code tcp}, {@code tls}, {@code ws}, {@code wss}). */
    public Map<String, Integer> connectionsByTransport() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        for (IrcSession session : sessions) {
            counts.merge(session.transportKind(), 1, Integer::sum);
        }
        return Map.copyOf(counts);
    }

    @Override
    public void close() {
        running = false;
        List<Thread> acceptors = new ArrayList<>();
        for (Listener listener : listeners.values()) {
            try {
                listener.socket().close();
            } catch (IOException e) {
                LOG.debug("closing IRC server socket", e);
            }
            acceptors.add(listener.acceptor());
        }
        for (IrcSession session : List.copyOf(sessions)) {
            session.close();
        }
        for (Thread acceptor : acceptors) {
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

    /** Whether the account may join {@code channel} without exceeding its concurrent channel limit. */
    boolean mayJoinAnother(String account, String channel) {
        int limit = settings.channelLimitPerAccount();
        if (limit == 0) {
            return true;
        }
        Set<String> channels = new HashSet<>();
        for (IrcSession session : sessions) {
            if (account.equals(session.account())) {
                channels.addAll(session.joinedChannels());
            }
        }
        return channels.contains(channel) || channels.size() < limit;
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

    /** A chat line reached a socket: reported once, however many connections or re-sends carried it. */
    void wrote(ChatLine line) {
        if (line.markSent()) {
            try {
                onSent.accept(line);
            } catch (RuntimeException e) {
                LOG.warn("sent-chat listener failed", e);
            }
        }
    }

    void closeLater(IrcSession session, long millis) {
        later(session::close, millis);
    }

    void later(Runnable task, long millis) {
        try {
            scheduler.schedule(task, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("simulator shutting down; task not scheduled");
        }
    }

    private static void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(50); // e.g. out of file descriptors: do not spin
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop(ServerSocket serverSocket, Function<Socket, LineTransport> framing) {
        while (running) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                connectionsAccepted.incrementAndGet();
                IrcSession session = new IrcSession(connectionNumbers.incrementAndGet(), framing.apply(socket), this,
                        tokens);
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
