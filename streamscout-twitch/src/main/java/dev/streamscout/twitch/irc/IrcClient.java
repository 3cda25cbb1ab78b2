package dev.streamscout.twitch.irc;

import dev.streamscout.core.chat.ChatMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat connection to Twitch IRC that reads the chat of the channels it has joined and hands
 * every PRIVMSG to a callback as a {@link ChatMessage}.
 *
 * <p>On {@link #start()} it connects, requests the tags/commands/membership capabilities, logs in
 * ({@code PASS}/{@code NICK}, or anonymously as {@code justinfan<digits>}) and joins the channels
 * given to {@link #join(String)} (at most 20 JOINs per 10 s). It answers server PINGs, pings a
 * silent server itself, and when the connection drops (or the server sends RECONNECT) it connects
 * again with exponential backoff and jitter (1 s doubling to 60 s by default) and rejoins. Lines it
 * cannot parse are counted, logged (the first of each kind at WARN, truncated) and skipped; the
 * connection stays up. Messages whose {@code id} was seen recently are dropped. A rejected login
 * ("Login authentication failed") stops the client: retrying with the same token cannot succeed.
 *
 * <p>The callback runs on the reader thread: it should be quick (hand off to a queue or a Kafka
 * producer). Exceptions it throws are counted and logged, and do not stop the reader.
 */
public final class IrcClient implements AutoCloseable {

    /** Where the client is in its life. */
    public enum State { NEW, CONNECTING, CONNECTED, WAITING_TO_RECONNECT, AUTH_FAILED, CLOSED }

    static final String CAP_REQ = "CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership";
    private static final int JOINS_PER_WINDOW = 20;
    private static final long JOIN_WINDOW_MS = 10_000;
    private static final Pattern CHANNEL_LOGIN = Pattern.compile("[a-z0-9_]{1,25}");
    private static final long CLOSE_WAIT_MS = 1_500;

    private static final Logger LOG = LoggerFactory.getLogger(IrcClient.class);

    private final IrcClientSettings settings;
    private final Consumer<ChatMessage> onChat;
    private final IrcTransport transport;
    private final String nick;

    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final Queue<String> pendingJoins = new ConcurrentLinkedQueue<>();
    private final Set<String> pendingJoinSet = ConcurrentHashMap.newKeySet();
    private final JoinRateLimiter joinLimiter = new JoinRateLimiter(JOINS_PER_WINDOW, JOIN_WINDOW_MS);
    private final RecentIds recentIds;

    private final AtomicLong messagesReceived = new AtomicLong();
    private final AtomicLong linesReceived = new AtomicLong();
    private final AtomicLong malformedLines = new AtomicLong();
    private final AtomicLong duplicatesDropped = new AtomicLong();
    private final AtomicLong callbackFailures = new AtomicLong();
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final Map<String, AtomicLong> rejectedPrivmsgs = new ConcurrentHashMap<>();
    private final Set<String> warnedKinds = ConcurrentHashMap.newKeySet();

    private final Object lifecycle = new Object();
    private volatile State state = State.NEW;
    private volatile boolean closed;
    private volatile boolean authFailed;
    private volatile boolean reconnectRequested;
    private volatile boolean registered;
    /** Set when this side dropped the connection (dead keepalive, failed write), to log it once. */
    private volatile boolean droppedLocally;
    private volatile IrcTransport.Connection current;
    private volatile long lastLineAtNanos;
    private volatile long pingSentAtNanos;
    private Thread reader;
    private ScheduledExecutorService timer;

    /** Plain TCP. */
    public IrcClient(IrcClientSettings settings, Consumer<ChatMessage> onChat) {
        this(settings, onChat, new TcpIrcTransport());
    }

    public IrcClient(IrcClientSettings settings, Consumer<ChatMessage> onChat, IrcTransport transport) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onChat = Objects.requireNonNull(onChat, "onChat");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.nick = settings.login() != null ? settings.login().toLowerCase(Locale.ROOT)
                : "justinfan" + ThreadLocalRandom.current().nextInt(10_000, 100_000_000);
        this.recentIds = new RecentIds(settings.dedupeCapacity());
    }

    /** Connects in the background; returns at once. */
    public void start() {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("IrcClient already started (state " + state + ")");
            }
            state = State.CONNECTING;
            timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "irc-timer-" + nick));
            timer.scheduleWithFixedDelay(this::sendPendingJoins, 50, 100, TimeUnit.MILLISECONDS);
            timer.scheduleWithFixedDelay(this::keepalive, 250, 250, TimeUnit.MILLISECONDS);
            reader = daemon(this::run, "irc-reader-" + nick);
            reader.start();
        }
    }

    /** Joins a channel now (if connected) and after every reconnect. Channel login with or without '#'. */
    public void join(String channelLogin) {
        String channel = normalize(channelLogin);
        if (joined.add(channel)) {
            enqueueJoin(channel);
        }
    }

    /** Leaves a channel and stops rejoining it. */
    public void part(String channelLogin) {
        String channel = normalize(channelLogin);
        if (joined.remove(channel)) {
            IrcTransport.Connection conn = current;
            if (conn != null && registered) {
                send(conn, "PART #" + channel);
            }
        }
    }

    /** Channels this client is asked to be in (joined, or to be joined after a reconnect). */
    public Set<String> joinedChannels() {
        return Set.copyOf(joined);
    }

    /** Chat messages handed to the callback. */
    public long messagesReceived() {
        return messagesReceived.get();
    }

    /** Lines that were not valid IRC, skipped. */
    public long malformedLines() {
        return malformedLines.get();
    }

    /** PRIVMSGs dropped because their id was seen recently. */
    public long duplicatesDropped() {
        return duplicatesDropped.get();
    }

    /** PRIVMSGs that could not become a ChatMessage, by reason (e.g. "missing or garbled tmi-sent-ts"). */
    public Map<String, Long> rejectedMessages() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        rejectedPrivmsgs.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** All lines read from the server. */
    public long linesReceived() {
        return linesReceived.get();
    }

    /** Exceptions thrown by the chat callback. */
    public long callbackFailures() {
        return callbackFailures.get();
    }

    /** Connections opened so far (1 + reconnects). */
    public long connectionsOpened() {
        return connectionsOpened.get();
    }

    public State state() {
        return state;
    }

    /** The nick used to log in ({@code justinfan...} when anonymous). */
    public String nick() {
        return nick;
    }

    /** Stops reading and reconnecting; returns within about 1.5 s. */
    @Override
    public void close() {
        Thread readerThread;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            readerThread = reader;
        }
        IrcTransport.Connection conn = current;
        if (conn != null) {
            conn.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (readerThread != null) {
            readerThread.interrupt();
            try {
                readerThread.join(CLOSE_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (state != State.AUTH_FAILED) {
            state = State.CLOSED;
        }
    }

    // ---- connection loop ----------------------------------------------------------------------

    private void run() {
        int failures = 0;
        while (!closed) {
            state = State.CONNECTING;
            boolean wasRegistered = false;
            IrcTransport.Connection conn = null;
            try {
                conn = transport.open(settings.host(), settings.port(), settings.connectTimeout());
                current = conn;
                if (closed) {
                    break;
                }
                connectionsOpened.incrementAndGet();
                session(conn);
                if (!closed && !authFailed && !reconnectRequested) {
                    LOG.warn("IRC connection to {}:{} closed by the server", settings.host(), settings.port());
                }
            } catch (IOException e) {
                if (!closed && !authFailed && !reconnectRequested && !droppedLocally) {
                    LOG.warn("IRC connection to {}:{} failed: {}", settings.host(), settings.port(), e.toString());
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.error("IRC session with {}:{} failed unexpectedly", settings.host(), settings.port(), e);
                }
            } finally {
                wasRegistered = registered;
                registered = false;
                current = null;
                if (conn != null) {
                    conn.close();
                }
            }
            if (closed || authFailed) {
                break;
            }
            if (reconnectRequested) {
                // Twitch announced maintenance: reconnect at once, this is not a failure.
                reconnectRequested = false;
                failures = 0;
                continue;
            }
            failures = wasRegistered ? 1 : failures + 1;
            long delayMs = backoffMs(failures);
            state = State.WAITING_TO_RECONNECT;
            LOG.info("Reconnecting to {}:{} in {} ms (attempt {})", settings.host(), settings.port(), delayMs, failures);
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            }
        }
        state = authFailed ? State.AUTH_FAILED : State.CLOSED;
    }

    /** 1st failure: initial; each further one doubles, up to max; the actual delay is drawn from [d/2, d]. */
    long backoffMs(int failures) {
        long initial = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long delay = initial;
        for (int i = 1; i < failures && delay < max; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, max);
        return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    }

    private void session(IrcTransport.Connection conn) throws IOException {
        droppedLocally = false;
        lastLineAtNanos = System.nanoTime();
        pingSentAtNanos = 0;
        conn.sendLine(CAP_REQ);
        if (settings.oauthToken() != null) {
            String token = settings.oauthToken().get();
            if (token == null || token.isBlank()) {
                throw new IllegalStateException("the OAuth token supplier returned no token");
            }
            conn.sendLine("PASS " + (token.startsWith("oauth:") ? token : "oauth:" + token));
        }
        conn.sendLine("NICK " + nick);
        String line;
        while (!closed && (line = conn.readLine()) != null) {
            linesReceived.incrementAndGet();
            lastLineAtNanos = System.nanoTime();
            handle(conn, line);
        }
    }

    private void handle(IrcTransport.Connection conn, String line) throws IOException {
        IrcMessage m;
        try {
            m = IrcLineParser.parse(line);
        } catch (IrcParseException e) {
            malformedLines.incrementAndGet();
            logOnce("malformed:" + e.reason(), "Skipping malformed IRC line ({}): {}", e.reason(), IrcParseException.truncate(line));
            return;
        }
        switch (m.command()) {
            case "PRIVMSG" -> onPrivmsg(m);
            case "PING" -> conn.sendLine(IrcMessage.of("PONG", m.params().toArray(String[]::new)).toLine());
            case "001" -> onRegistered();
            case "RECONNECT" -> {
                LOG.info("Twitch asked to reconnect (server maintenance); reconnecting now");
                reconnectRequested = true;
                conn.close();
            }
            case "NOTICE" -> onNotice(conn, m);
            default -> {
                // CAP, 002-376, JOIN/PART echoes, ROOMSTATE, USERSTATE, USERNOTICE...: not needed here.
            }
        }
    }

    private void onRegistered() {
        registered = true;
        state = State.CONNECTED;
        LOG.info("Connected to Twitch chat at {}:{} as {}; joining {} channel(s)", settings.host(), settings.port(),
                nick, joined.size());
        joined.forEach(this::enqueueJoin);
    }

    private void onNotice(IrcTransport.Connection conn, IrcMessage m) {
        String text = Optional.ofNullable(m.trailing()).orElse("");
        boolean beforeLogin = !m.params().isEmpty() && m.params().get(0).equals("*");
        if (beforeLogin && (text.contains("Login authentication failed") || text.contains("Improperly formatted auth"))) {
            authFailed = true;
            LOG.error("Twitch rejected the chat login as {}: \"{}\". The OAuth token is invalid or expired: check the "
                    + "token file (TWITCH_TOKEN_FILE) or run `streamscout auth` to get a new token with chat:read. "
                    + "Not retrying.", nick, text);
            conn.close();
            return;
        }
        String msgId = m.tag("msg-id");
        if (msgId != null && (msgId.startsWith("msg_channel_suspended") || msgId.equals("msg_banned")
                || msgId.equals("msg_concurrent_channel_limit_reached"))) {
            LOG.warn("Twitch NOTICE for #{} ({}): {}", m.channel(), msgId, text);
        }
    }

    private void onPrivmsg(IrcMessage m) {
        Optional<Privmsg> parsed = PrivmsgMapper.toPrivmsg(m);
        if (parsed.isEmpty()) {
            reject("not a channel PRIVMSG with text", m);
            return;
        }
        Privmsg p = parsed.get();
        Optional<String> problem = p.problem();
        if (problem.isPresent()) {
            reject(problem.get(), m);
            return;
        }
        if (p.messageId() != null && !recentIds.firstSeen(p.messageId())) {
            duplicatesDropped.incrementAndGet();
            return;
        }
        ChatMessage chat = p.toChatMessage();
        messagesReceived.incrementAndGet();
        try {
            onChat.accept(chat);
        } catch (RuntimeException e) {
            callbackFailures.incrementAndGet();
            if (warnedKinds.add("callback")) {
                LOG.warn("Chat callback failed (further failures are counted, logged at DEBUG)", e);
            } else {
                LOG.debug("Chat callback failed", e);
            }
        }
    }

    private void reject(String reason, IrcMessage m) {
        rejectedPrivmsgs.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
        logOnce("rejected:" + reason, "Skipping PRIVMSG ({}): {}", reason, IrcParseException.truncate(m.toLine()));
    }

    private void logOnce(String kind, String format, Object... args) {
        if (warnedKinds.add(kind)) {
            LOG.warn(format + " (further ones are counted, logged at DEBUG)", args);
        } else {
            LOG.debug(format, args);
        }
    }

    // ---- timer tasks ----------------------------------------------------------------------------

    private void enqueueJoin(String channel) {
        if (pendingJoinSet.add(channel)) {
            pendingJoins.add(channel);
        }
    }

    private void sendPendingJoins() {
        IrcTransport.Connection conn = current;
        if (conn == null || !registered) {
            return;
        }
        long now = System.currentTimeMillis();
        String channel;
        while ((channel = pendingJoins.peek()) != null) {
            if (!joined.contains(channel)) {
                pendingJoins.poll();
                pendingJoinSet.remove(channel);
                continue;
            }
            if (!joinLimiter.tryAcquire(now)) {
                return; // the rest waits for the window to move
            }
            pendingJoins.poll();
            pendingJoinSet.remove(channel);
            if (!send(conn, "JOIN #" + channel)) {
                return; // the connection is going; the next 001 queues every channel again
            }
        }
    }

    private void keepalive() {
        IrcTransport.Connection conn = current;
        if (conn == null || !registered) {
            return;
        }
        long now = System.nanoTime();
        long sentAt = pingSentAtNanos;
        if (sentAt != 0) {
            if (lastLineAtNanos - sentAt >= 0) {
                pingSentAtNanos = 0; // the server answered (any line proves the connection is alive)
            } else if (now - sentAt > settings.pongTimeout().toNanos()) {
                LOG.warn("No answer from {}:{} within {} ms of our PING; reconnecting", settings.host(), settings.port(),
                        settings.pongTimeout().toMillis());
                pingSentAtNanos = 0;
                droppedLocally = true;
                conn.close();
            }
            return;
        }
        if (now - lastLineAtNanos > settings.pingInterval().toNanos()) {
            pingSentAtNanos = now;
            send(conn, "PING :tmi.twitch.tv");
        }
    }

    private boolean send(IrcTransport.Connection conn, String line) {
        try {
            conn.sendLine(line);
            return true;
        } catch (IOException e) {
            LOG.warn("Could not send to {}:{} ({}); reconnecting", settings.host(), settings.port(), e.toString());
            droppedLocally = true;
            conn.close();
            return false;
        }
    }

    private static String normalize(String channelLogin) {
        if (channelLogin == null) {
            throw new IllegalArgumentException("channel login must not be null");
        }
        String channel = (channelLogin.startsWith("#") ? channelLogin.substring(1) : channelLogin).toLowerCase(Locale.ROOT);
        if (!CHANNEL_LOGIN.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a Twitch channel login: " + IrcParseException.truncate(channelLogin));
        }
        return channel;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
