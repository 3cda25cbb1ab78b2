package dev.streamscout.twitch.irc;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the chat of many Twitch channels over as many connections as they need, within Twitch's
 * limits. This is what ingestion uses; {@link IrcClient} is the single-connection special case.
 *
 * <ul>
 *   <li>Channels are spread over connections, at most {@code channelsPerConnection} each (90 by
 *       default); a new connection is opened at most every {@code connectInterval} (2 s).</li>
 *   <li>One JOIN limiter per pool (one account): at most {@code joinLimit} JOINs per
 *       {@code joinWindow} (20 per 10 s) over all connections, rejoins included; every JOIN sent is
 *       in {@link #joinLog()}.</li>
 *   <li>Anonymous ({@code justinfan<digits>}, the same nick on every connection) or OAuth login
 *       (the token supplier is asked on each connect).</li>
 *   <li>A client PING every {@code pingInterval} (30 s) per connection; no PONG within
 *       {@code pongTimeout} (5 s) drops the connection.</li>
 *   <li>A lost connection is replaced after an exponential backoff with jitter (1 s doubling to
 *       60 s) and its channels are rejoined. A RECONNECT is handled make-before-break: a new
 *       connection is opened, rejoins the channels, and only when Twitch confirmed them (or after
 *       {@code handoverTimeout}) is the old one dropped, so no message is lost.</li>
 *   <li>Messages are deduplicated by {@code id} across all connections.</li>
 *   <li>NOTICEs: {@code msg_channel_suspended} marks the channel suspended and it is not rejoined;
 *       {@code msg_concurrent_channel_limit_reached} stops joining further channels on the
 *       account; a rejected login stops the pool (no retry can succeed with the same token) with an
 *       error that names the fix.</li>
 * </ul>
 *
 * <p>Callbacks run on the connections' reader threads and should be quick (hand off to a queue or
 * a Kafka producer); exceptions they throw are counted and logged and do not stop reading.
 */
public final class IrcConnectionPool implements AutoCloseable {

    /** Where the pool is in its life. */
    public enum State { NEW, RUNNING, LOGIN_FAILED, CLOSED }

    /** What one connection slot of the pool is doing. */
    public enum ConnectionState { CONNECTING, CONNECTED, WAITING_TO_RECONNECT }

    private static final Logger LOG = LoggerFactory.getLogger(IrcConnectionPool.class);
    private static final Pattern CHANNEL_LOGIN = Pattern.compile("[a-z0-9_]{1,25}");
    private static final long TICK_MS = 50;
    private static final long CLOSE_WAIT_MS = 1_500;
    private static final long MAX_JOIN_RETRY_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final IrcPoolSettings settings;
    private final IrcTransport transport;
    private final String nick;
    private final String poolName;
    private final CountingLineDecoder decoder = new CountingLineDecoder();
    private final ChatDispatcher dispatcher;
    private final Consumer<String> onLoginFailure;
    private final Backoff backoff;
    private final JoinRateLimiter joinLimiter;
    private final JoinLog joinLog = new JoinLog();
    private final IrcConnection.Listener connectionListener = new ConnectionEvents();

    // ---- state guarded by "this" ----
    private final Set<String> desired = new LinkedHashSet<>();
    private final Set<String> suspended = new LinkedHashSet<>();
    /** Channels Twitch confirmed at least once: the only ones rejoined once the account hit its channel limit. */
    private final Set<String> everConfirmed = new LinkedHashSet<>();
    /** Channels whose JOIN went unanswered, with how many times it was sent again. */
    private final Map<String, Integer> joinRetries = new java.util.HashMap<>();
    private final List<Slot> slots = new ArrayList<>();
    private int nextSlotId;
    private int nextConnectionId;
    private long lastConnectAtNanos;
    private boolean connectedOnce;
    private State state = State.NEW;
    private String loginFailure;
    private boolean channelLimitReached;
    private int roundRobin;
    private ScheduledExecutorService timer;

    // ---- counters ----
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder joinsSent = new LongAdder();
    private final LongAdder partsSent = new LongAdder();
    private final LongAdder pongTimeouts = new LongAdder();
    private final AtomicInteger connectionsOpen = new AtomicInteger();
    private final Map<String, LongAdder> notices = new ConcurrentHashMap<>();

    /** A group of at most {@code channelsPerConnection} channels served by one connection at a time. */
    private static final class Slot {
        final int id;
        final Set<String> channels = new LinkedHashSet<>();
        IrcConnection active;
        /** The new connection of a RECONNECT handover, until it takes over from {@link #active}. */
        IrcConnection replacement;
        boolean replacementWanted;
        long handoverDeadlineNanos;
        int failures;
        long nextAttemptNanos;

        Slot(int id) {
            this.id = id;
            this.nextAttemptNanos = System.nanoTime();
        }
    }

    public IrcConnectionPool(IrcPoolSettings settings, Consumer<ChatMessage> onChat, Consumer<ChatEvent> onEvent) {
        this(settings, onChat, onEvent, failure -> { });
    }

    /**
     * @param onLoginFailure told (once, with the error text) when Twitch rejects the login and the
     *                       pool stops; the same text is in {@link #loginFailure()}
     */
    public IrcConnectionPool(IrcPoolSettings settings, Consumer<ChatMessage> onChat, Consumer<ChatEvent> onEvent,
            Consumer<String> onLoginFailure) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dispatcher = new ChatDispatcher(Objects.requireNonNull(onChat, "onChat"),
                Objects.requireNonNull(onEvent, "onEvent"), settings.dedupeCapacity());
        this.onLoginFailure = Objects.requireNonNull(onLoginFailure, "onLoginFailure");
        this.transport = settings.endpoint().transport(settings.sslContext());
        this.nick = settings.login() != null ? settings.login().toLowerCase(Locale.ROOT)
                : "justinfan" + ThreadLocalRandom.current().nextInt(10_000, 100_000_000);
        this.poolName = "pool" + POOL_IDS.incrementAndGet();
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        this.joinLimiter = new JoinRateLimiter(settings.joinLimit(), settings.joinWindow().toMillis());
        slots.add(new Slot(nextSlotId++)); // one connection even without channels: it checks the login early
    }

    /** Starts connecting in the background; returns at once. */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("IrcConnectionPool already started (state " + state + ")");
        }
        state = State.RUNNING;
        LOG.info("Starting Twitch chat pool {} as {} ({})", poolName, nick, settings);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "irc-" + poolName + "-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Joins a channel (login with or without {@code #}) now or as soon as limits allow, and after every reconnect. */
    public void join(String channelLogin) {
        String channel = normalize(channelLogin);
        synchronized (this) {
            if (suspended.contains(channel)) {
                LOG.debug("Not joining #{}: Twitch reported it suspended", channel);
                return;
            }
            if (!desired.add(channel)) {
                return;
            }
            Slot slot = slotWithRoom();
            slot.channels.add(channel);
            for (IrcConnection c : connections(slot)) {
                if (c.registered()) {
                    c.pendingJoins.add(channel);
                }
            }
        }
    }

    /** Leaves a channel and stops rejoining it (also forgets that it was suspended). */
    public void part(String channelLogin) {
        String channel = normalize(channelLogin);
        List<IrcConnection> partOn = new ArrayList<>();
        List<IrcConnection> toClose = new ArrayList<>();
        synchronized (this) {
            suspended.remove(channel);
            if (!desired.remove(channel)) {
                return;
            }
            for (Slot slot : slots) {
                if (!slot.channels.remove(channel)) {
                    continue;
                }
                // Keep one connection for the pool; an emptied extra one is just closed (no PART needed).
                boolean closeSlot = slot.channels.isEmpty() && slots.size() > 1;
                for (IrcConnection c : connections(slot)) {
                    c.pendingJoins.remove(channel);
                    c.confirmed.remove(channel);
                    if (c.joinSent.remove(channel) != null && !closeSlot) {
                        partOn.add(c);
                    }
                }
                if (closeSlot) {
                    slots.remove(slot);
                    toClose.addAll(connections(slot));
                }
                break;
            }
        }
        for (IrcConnection c : partOn) {
            if (c.send("PART #" + channel)) {
                partsSent.increment();
            }
        }
        toClose.forEach(c -> c.close("no channels left on this connection"));
    }

    /** Channels the pool is asked to be in (joined, or to be joined), suspended ones excluded. */
    public synchronized Set<String> joinedChannels() {
        return Set.copyOf(desired);
    }

    /** Channels whose JOIN Twitch confirmed on the connection currently serving them. */
    public synchronized Set<String> confirmedChannels() {
        Set<String> confirmed = new LinkedHashSet<>();
        for (Slot slot : slots) {
            if (slot.active != null) {
                confirmed.addAll(slot.active.confirmed);
            }
            if (slot.replacement != null) {
                confirmed.addAll(slot.replacement.confirmed);
            }
        }
        return Set.copyOf(confirmed);
    }

    /** Channels Twitch reported suspended ({@code msg_channel_suspended}); they are not rejoined. */
    public synchronized Set<String> suspendedChannels() {
        return Set.copyOf(suspended);
    }

    /** Whether Twitch said the account is at its concurrent channel limit; no further channels are joined. */
    public synchronized boolean channelLimitReached() {
        return channelLimitReached;
    }

    public synchronized State state() {
        return state;
    }

    /** The error text when Twitch rejected the login (the pool then stopped). */
    public synchronized Optional<String> loginFailure() {
        return Optional.ofNullable(loginFailure);
    }

    /** Per connection slot, in the order slots were created. */
    public synchronized List<ConnectionState> connectionStates() {
        long now = System.nanoTime();
        List<ConnectionState> states = new ArrayList<>();
        for (Slot slot : slots) {
            if (slot.active != null && slot.active.registered()) {
                states.add(ConnectionState.CONNECTED);
            } else if (slot.active == null && slot.failures > 0 && slot.nextAttemptNanos - now > 0) {
                states.add(ConnectionState.WAITING_TO_RECONNECT);
            } else {
                states.add(ConnectionState.CONNECTING);
            }
        }
        return states;
    }

    /** Channels per connection slot, in slot order (the spread of channels over connections). */
    public synchronized List<Set<String>> channelsByConnection() {
        List<Set<String>> spread = new ArrayList<>();
        for (Slot slot : slots) {
            spread.add(Set.copyOf(slot.channels));
        }
        return spread;
    }

    /** The nick used on every connection ({@code justinfan...} when anonymous): the account of {@link #joinLog()}. */
    public String nick() {
        return nick;
    }

    /** Every JOIN sent, per account, with its time. */
    public JoinLog joinLog() {
        return joinLog;
    }

    public IrcPoolStats stats() {
        Map<String, Long> noticeCounts = new TreeMap<>();
        notices.forEach((k, v) -> noticeCounts.put(k, v.sum()));
        long parseErrors = decoder.rejected();
        long decoded = decoder.decoded();
        return new IrcPoolStats(connectionsOpen.get(), connectionsOpened.sum(), reconnects.sum(), joinsSent.sum(),
                partsSent.sum(), decoded + parseErrors, decoded, parseErrors, decoder.rejectedByReason(),
                dispatcher.chatMessages(), dispatcher.chatEvents(), dispatcher.duplicatesDropped(), dispatcher.rejected(),
                dispatcher.callbackFailures(), noticeCounts, pongTimeouts.sum());
    }

    /** Stops reading and reconnecting; returns within about 1.5 s. */
    @Override
    public void close() {
        List<IrcConnection> all;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            if (state != State.LOGIN_FAILED) {
                state = State.CLOSED;
            }
            all = allConnections();
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        all.forEach(c -> c.close("pool closed"));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
        for (IrcConnection c : all) {
            c.awaitClosed(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        synchronized (this) {
            state = State.CLOSED;
        }
    }

    // ---- the timer: connect, hand over, join, keep alive ----------------------------------------

    private void tick() {
        try {
            List<Runnable> io = new ArrayList<>();
            synchronized (this) {
                if (state != State.RUNNING) {
                    return;
                }
                long now = System.nanoTime();
                for (Slot slot : List.copyOf(slots)) {
                    openIfDue(slot, now);
                    handOverIfReady(slot, now, io);
                }
                retryUnanswered(now);
                collectJoins(io);
                for (IrcConnection c : allConnections()) {
                    io.add(() -> c.keepalive(System.nanoTime(), settings.pingInterval(), settings.pongTimeout()));
                }
            }
            // Socket writes happen outside the lock, so a slow peer never blocks the reader threads.
            io.forEach(Runnable::run);
        } catch (RuntimeException e) {
            LOG.error("Chat pool {} timer failed; continuing", poolName, e);
        }
    }

    private void openIfDue(Slot slot, long now) {
        if (slot.active == null && now - slot.nextAttemptNanos >= 0 && connectAllowed(now)) {
            slot.active = open(slot, now);
        } else if (slot.replacementWanted && slot.replacement == null && slot.active != null
                && now - slot.nextAttemptNanos >= 0 && connectAllowed(now)) {
            slot.replacement = open(slot, now);
        }
    }

    private boolean connectAllowed(long now) {
        return !connectedOnce || now - lastConnectAtNanos >= settings.connectInterval().toNanos();
    }

    private IrcConnection open(Slot slot, long now) {
        connectedOnce = true;
        lastConnectAtNanos = now;
        IrcConnection c = new IrcConnection(poolName + "-c" + slot.id + "-" + (nextConnectionId++), transport,
                settings.connectTimeout(), nick, settings.token(), decoder, connectionListener);
        c.start();
        return c;
    }

    /** Drops the old connection once the replacement has every channel confirmed, or at the deadline. */
    private void handOverIfReady(Slot slot, long now, List<Runnable> io) {
        IrcConnection next = slot.replacement;
        if (next == null || !next.registered()) {
            return;
        }
        boolean allConfirmed = next.confirmed.containsAll(slot.channels);
        if (!allConfirmed && now - slot.handoverDeadlineNanos < 0) {
            return;
        }
        IrcConnection old = slot.active;
        slot.active = next;
        slot.replacement = null;
        slot.replacementWanted = false;
        if (old != null) {
            LOG.info("Chat {}: {} took over {} channel(s) from {} ({}); closing the old connection", poolName, next,
                    slot.channels.size(), old, allConfirmed ? "all confirmed" : "handover timeout");
            io.add(() -> old.close("replaced after RECONNECT"));
        }
    }

    /**
     * Queues again the JOINs Twitch neither confirmed nor refused in time: it drops JOINs silently
     * when overloaded, and never answers one for a channel that does not exist, so the delay doubles
     * per retry (up to {@link #MAX_JOIN_RETRY_NANOS}) to keep dead channels from eating the JOIN budget.
     */
    private void retryUnanswered(long now) {
        for (IrcConnection c : allConnections()) {
            if (!c.registered() || c.isClosing()) {
                continue;
            }
            var it = c.joinSent.entrySet().iterator();
            while (it.hasNext()) {
                var sent = it.next();
                String channel = sent.getKey();
                if (c.confirmed.contains(channel) || !desired.contains(channel)) {
                    continue;
                }
                int retries = joinRetries.getOrDefault(channel, 0);
                long delay = Math.min(MAX_JOIN_RETRY_NANOS, settings.joinRetryAfter().toNanos() << Math.min(retries, 20));
                if (now - sent.getValue() >= delay) {
                    it.remove();
                    c.pendingJoins.add(channel);
                    joinRetries.put(channel, retries + 1);
                    LOG.info("Chat {}: no answer to JOIN #{} within {} s; sending it again", c, channel,
                            TimeUnit.NANOSECONDS.toSeconds(delay));
                }
            }
        }
    }

    /**
     * Takes JOIN permits from the one account-wide limiter and spreads them round-robin over the
     * connections that have channels waiting, so one connection's backlog does not starve another.
     */
    private void collectJoins(List<Runnable> io) {
        List<IrcConnection> waiting = new ArrayList<>();
        for (IrcConnection c : allConnections()) {
            if (c.registered() && !c.isClosing() && !c.pendingJoins.isEmpty()) {
                waiting.add(c);
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        int idle = 0;
        while (idle < waiting.size()) {
            IrcConnection c = waiting.get(Math.floorMod(roundRobin++, waiting.size()));
            String channel = nextJoinable(c);
            if (channel == null) {
                idle++;
                continue;
            }
            if (!joinLimiter.tryAcquire(System.nanoTime() / 1_000_000)) {
                return; // the rest waits for the window to move
            }
            idle = 0;
            c.pendingJoins.remove(channel);
            c.joinSent.put(channel, System.nanoTime());
            joinLog.record(nick, System.currentTimeMillis());
            joinsSent.increment();
            io.add(() -> c.send("JOIN #" + channel));
        }
    }

    /** The connection's next channel to join, skipping ones no longer wanted; null when none may be joined now. */
    private String nextJoinable(IrcConnection c) {
        var it = c.pendingJoins.iterator();
        while (it.hasNext()) {
            String channel = it.next();
            if (!desired.contains(channel)) {
                it.remove();
                continue;
            }
            if (channelLimitReached && !everConfirmed.contains(channel)) {
                continue; // the account is full: only channels we already had are rejoined
            }
            return channel;
        }
        return null;
    }

    // ---- what the connections report ------------------------------------------------------------

    private final class ConnectionEvents implements IrcConnection.Listener {

        @Override
        public void onOpened(IrcConnection c) {
            connectionsOpened.increment();
            connectionsOpen.incrementAndGet();
        }

        @Override
        public void onRegistered(IrcConnection c) {
            synchronized (IrcConnectionPool.this) {
                Slot slot = slotOf(c);
                if (slot == null || state != State.RUNNING) {
                    return;
                }
                if (slot.active == c) {
                    slot.failures = 0;
                }
                if (slot.replacement == c) {
                    slot.handoverDeadlineNanos = System.nanoTime() + settings.handoverTimeout().toNanos();
                }
                c.pendingJoins.addAll(slot.channels);
                LOG.info("Chat {} logged in as {} at {}; joining {} channel(s)", c, nick, settings.endpoint(),
                        slot.channels.size());
            }
        }

        @Override
        public void onEvent(IrcConnection c, IrcEvent event) {
            if (event instanceof Privmsg || event instanceof IrcEvent.UserNotice) {
                dispatcher.dispatch(event);
            } else if (event instanceof IrcEvent.RoomState room) {
                confirm(c, room.channelLogin());
            } else if (event instanceof IrcEvent.Notice notice) {
                onNotice(c, notice);
            } else if (event instanceof IrcEvent.Reconnect) {
                onReconnect(c);
            }
        }

        @Override
        public void onClosed(IrcConnection c, boolean wasRegistered, String why) {
            connectionsOpen.decrementAndGet();
            if (why.startsWith("no PONG")) {
                pongTimeouts.increment();
            }
            synchronized (IrcConnectionPool.this) {
                Slot slot = slotOf(c);
                if (slot == null || state != State.RUNNING) {
                    return; // a retired or closed connection
                }
                long now = System.nanoTime();
                if (slot.replacement == c) {
                    slot.replacement = null;
                    slot.failures++;
                    slot.nextAttemptNanos = now + TimeUnit.MILLISECONDS.toNanos(backoff.delayMs(slot.failures));
                    LOG.warn("Chat {}: the replacement connection failed ({}); the current one keeps serving", c, why);
                    return;
                }
                if (slot.replacement != null) {
                    // Twitch closed the old connection before the new one confirmed every channel: it takes over now.
                    slot.active = slot.replacement;
                    slot.replacement = null;
                    slot.replacementWanted = false;
                    LOG.info("Chat {} closed ({}); {} takes over", c, why, slot.active);
                    return;
                }
                slot.active = null;
                slot.replacementWanted = false;
                slot.failures = wasRegistered ? 1 : slot.failures + 1;
                long delayMs = backoff.delayMs(slot.failures);
                slot.nextAttemptNanos = now + TimeUnit.MILLISECONDS.toNanos(delayMs);
                reconnects.increment();
                LOG.warn("Chat {} to {} lost ({}); reconnecting in {} ms (attempt {})", c, settings.endpoint(), why,
                        delayMs, slot.failures);
            }
        }
    }

    private synchronized void confirm(IrcConnection c, String channel) {
        if (slotOf(c) != null && c.joinSent.containsKey(channel)) {
            c.confirmed.add(channel);
            everConfirmed.add(channel);
            joinRetries.remove(channel);
        }
    }

    private void onReconnect(IrcConnection c) {
        synchronized (this) {
            Slot slot = slotOf(c);
            if (slot == null || slot.active != c || state != State.RUNNING) {
                return;
            }
            LOG.info("Chat {}: Twitch asked to reconnect (maintenance); opening a new connection before leaving this one", c);
            if (!slot.replacementWanted) {
                slot.replacementWanted = true;
                slot.nextAttemptNanos = System.nanoTime();
                reconnects.increment();
            }
        }
    }

    private void onNotice(IrcConnection c, IrcEvent.Notice notice) {
        String msgId = notice.msgId() == null ? "none" : notice.msgId();
        notices.computeIfAbsent(msgId, k -> new LongAdder()).increment();
        if (notice.isLoginFailure()) {
            // Twitch answers a bad login before 001; the same words on a logged-in connection are not about us.
            if (!c.registered()) {
                failLogin(notice.text());
            } else {
                LOG.warn("Chat {}: ignoring a login-failure NOTICE on a logged-in connection: {}", c,
                        IrcParseException.truncate(notice.text()));
            }
            return;
        }
        String channel = notice.channelLogin();
        if (channel == null) {
            return;
        }
        if (msgId.startsWith("msg_channel_suspended")) {
            synchronized (this) {
                suspended.add(channel);
                desired.remove(channel);
                for (Slot slot : slots) {
                    if (slot.channels.remove(channel)) {
                        for (IrcConnection other : connections(slot)) {
                            other.pendingJoins.remove(channel);
                            other.joinSent.remove(channel);
                            other.confirmed.remove(channel);
                        }
                    }
                }
            }
            LOG.warn("Twitch reports #{} suspended ({}): \"{}\"; not joining it again", channel, msgId, notice.text());
        } else if (msgId.equals("msg_concurrent_channel_limit_reached")) {
            boolean first;
            synchronized (this) {
                first = !channelLimitReached;
                channelLimitReached = true;
                c.joinSent.remove(channel);
                if (desired.contains(channel)) {
                    c.pendingJoins.add(channel); // kept waiting; joined only if the pool is restarted with fewer channels
                }
            }
            if (first) {
                LOG.error("Twitch refused to join #{}: account {} is at its limit of concurrently joined channels "
                        + "(msg_concurrent_channel_limit_reached). No further channels will be joined on this account; "
                        + "the {} channel(s) already joined stay. Read chat anonymously (no twitch.irc.login) or "
                        + "monitor fewer channels.", channel, nick, everConfirmed.size());
            }
        } else if (msgId.equals("msg_banned") || msgId.startsWith("msg_channel_blocked")) {
            LOG.warn("Twitch NOTICE for #{} ({}): {}", channel, msgId, notice.text());
        }
    }

    private void failLogin(String text) {
        String error;
        List<IrcConnection> all;
        synchronized (this) {
            if (state != State.RUNNING) {
                return;
            }
            state = State.LOGIN_FAILED;
            error = "Twitch rejected the chat login as " + nick + " (\"" + text + "\"): the OAuth token is invalid, "
                    + "expired or lacks chat:read. Check the token file (TWITCH_TOKEN_FILE, default "
                    + "./secrets/twitch_user_tokens.json) or run `streamscout auth` to get a new token; "
                    + "or leave twitch.irc.login empty to read chat anonymously. Not retrying.";
            loginFailure = error;
            all = allConnections();
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        LOG.error(error);
        all.forEach(c -> c.close("login rejected"));
        try {
            onLoginFailure.accept(error);
        } catch (RuntimeException e) {
            LOG.warn("Login failure callback failed", e);
        }
    }

    // ---- bookkeeping -----------------------------------------------------------------------------

    /** The first slot with room (filling slots in order), or a new one. Caller holds the lock. */
    private Slot slotWithRoom() {
        for (Slot slot : slots) {
            if (slot.channels.size() < settings.channelsPerConnection()) {
                return slot;
            }
        }
        Slot slot = new Slot(nextSlotId++);
        slots.add(slot);
        return slot;
    }

    private Slot slotOf(IrcConnection c) {
        for (Slot slot : slots) {
            if (slot.active == c || slot.replacement == c) {
                return slot;
            }
        }
        return null;
    }

    private static List<IrcConnection> connections(Slot slot) {
        List<IrcConnection> list = new ArrayList<>(2);
        if (slot.active != null) {
            list.add(slot.active);
        }
        if (slot.replacement != null) {
            list.add(slot.replacement);
        }
        return list;
    }

    private List<IrcConnection> allConnections() {
        List<IrcConnection> all = new ArrayList<>();
        for (Slot slot : slots) {
            all.addAll(connections(slot));
        }
        return all;
    }

    static String normalize(String channelLogin) {
        if (channelLogin == null) {
            throw new IllegalArgumentException("channel login must not be null");
        }
        String channel = (channelLogin.startsWith("#") ? channelLogin.substring(1) : channelLogin).toLowerCase(Locale.ROOT);
        if (!CHANNEL_LOGIN.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a Twitch channel login: " + IrcParseException.truncate(channelLogin));
        }
        return channel;
    }
}
