package dev.streamscout.twitch.irc;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

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
 * <p>This class coordinates; the parts are {@link ChannelSlots} (channels over connections),
 * {@link JoinScheduler} (JOIN limit and retries), {@link ConnectionLifecycle} (connect, backoff,
 * handover), {@link ChatDispatcher} (dedupe and callbacks) and {@link NoticeReactions}. They share
 * the pool's lock; socket writes happen outside it.
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
    private static final long TICK_MS = 50;
    private static final long CLOSE_WAIT_MS = 1_500;
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final IrcPoolSettings settings;
    private final String nick;
    private final String poolName;
    private final CountingLineDecoder decoder = new CountingLineDecoder();
    private final ChatDispatcher dispatcher;
    private final Consumer<String> onLoginFailure;
    private final LongAdder partsSent = new LongAdder();

    // ---- state guarded by "this" (the parts below included) ----
    private final ChannelSlots channels;
    private final JoinScheduler joins;
    private final ConnectionLifecycle lifecycle;
    private final NoticeReactions notices;
    private State state = State.NEW;
    private String loginFailure;
    private ScheduledExecutorService timer;

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
        IrcTransport transport = settings.endpoint().transport(settings.sslContext());
        this.nick = settings.login() != null ? settings.login().toLowerCase(Locale.ROOT)
                : "justinfan" + ThreadLocalRandom.current().nextInt(10_000, 100_000_000);
        this.poolName = "pool" + POOL_IDS.incrementAndGet();
        this.channels = new ChannelSlots(settings.channelsPerConnection());
        this.joins = new JoinScheduler(nick, settings);
        this.lifecycle = new ConnectionLifecycle(settings, transport, nick, poolName, decoder, new ConnectionEvents());
        this.notices = new NoticeReactions(this, channels, joins, nick, this::failLogin);
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
        String channel = ChannelSlots.normalize(channelLogin);
        synchronized (this) {
            if (channels.isSuspended(channel)) {
                try (MDC.MDCCloseable tag = MDC.putCloseable("channel", channel)) {
                    LOG.debug("Not joining #{}: Twitch reported it suspended", channel);
                }
                return;
            }
            channels.add(channel);
        }
    }

    /** Leaves a channel and stops rejoining it (also forgets that it was suspended). */
    public void part(String channelLogin) {
        String channel = ChannelSlots.normalize(channelLogin);
        ChannelSlots.Removal removal;
        synchronized (this) {
            removal = channels.remove(channel);
        }
        for (IrcConnection c : removal.partOn()) {
            if (c.send("PART #" + channel)) {
                partsSent.increment();
            }
        }
        removal.toClose().forEach(c -> c.close("no channels left on this connection"));
    }

    /** Channels the pool is asked to be in (joined, or to be joined), suspended ones excluded. */
    public synchronized Set<String> joinedChannels() {
        return channels.wanted();
    }

    /** Channels whose JOIN Twitch confirmed on the connection currently serving them. */
    public synchronized Set<String> confirmedChannels() {
        return channels.confirmed();
    }

    /** Channels Twitch reported suspended ({@code msg_channel_suspended}); they are not rejoined. */
    public synchronized Set<String> suspendedChannels() {
        return channels.suspendedChannels();
    }

    /** Whether Twitch said the account is at its concurrent channel limit; no further channels are joined. */
    public synchronized boolean channelLimitReached() {
        return joins.channelLimitReached();
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
        for (ConnectionSlot slot : channels.slots()) {
            states.add(lifecycle.stateOf(slot, now));
        }
        return states;
    }

    /** Channels per connection slot, in slot order (the spread of channels over connections). */
    public synchronized List<Set<String>> channelsByConnection() {
        return channels.spread();
    }

    /** The nick used on every connection ({@code justinfan...} when anonymous): the account of {@link #joinLog()}. */
    public String nick() {
        return nick;
    }

    /** Every JOIN sent, per account, with its time. */
    public JoinLog joinLog() {
        return joins.joinLog();
    }

    public IrcPoolStats stats() {
        long parseErrors = decoder.rejected();
        long decoded = decoder.decoded();
        return new IrcPoolStats(lifecycle.connectionsOpen(), lifecycle.connectionsOpened(), lifecycle.reconnects(),
                joins.joinsSent(), partsSent.sum(), decoded + parseErrors, decoded, parseErrors,
                decoder.rejectedByReason(), dispatcher.chatMessages(), dispatcher.chatEvents(),
                dispatcher.duplicatesDropped(), dispatcher.rejected(), dispatcher.callbackFailures(), notices.counts(),
                lifecycle.pongTimeouts());
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
            all = channels.allConnections();
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
                for (ConnectionSlot slot : channels.slots()) {
                    lifecycle.openIfDue(slot, now);
                    lifecycle.handOverIfReady(slot, now, io);
                }
                joins.retryUnanswered(now, channels);
                joins.collectJoins(channels, io);
                for (IrcConnection c : channels.allConnections()) {
                    io.add(() -> c.keepalive(System.nanoTime(), settings.pingInterval(), settings.pongTimeout()));
                }
            }
            // Socket writes happen outside the lock, so a slow peer never blocks the reader threads.
            io.forEach(Runnable::run);
        } catch (RuntimeException e) {
            LOG.error("Chat pool {} timer failed; continuing", poolName, e);
        }
    }

    // ---- what the connections report ------------------------------------------------------------

    private final class ConnectionEvents implements IrcConnection.Listener {

        @Override
        public void onOpened(IrcConnection c) {
            lifecycle.opened();
        }

        @Override
        public void onRegistered(IrcConnection c) {
            synchronized (IrcConnectionPool.this) {
                ConnectionSlot slot = channels.slotOf(c);
                if (slot != null && state == State.RUNNING) {
                    lifecycle.registered(slot, c);
                }
            }
        }

        @Override
        public void onEvent(IrcConnection c, IrcEvent event) {
            if (event instanceof Privmsg || event instanceof IrcEvent.UserNotice) {
                dispatcher.dispatch(event);
            } else if (event instanceof IrcEvent.RoomState room) {
                confirm(c, room.channelLogin());
            } else if (event instanceof IrcEvent.Notice notice) {
                notices.on(c, notice);
            } else if (event instanceof IrcEvent.Reconnect) {
                onReconnect(c);
            }
        }

        @Override
        public void onClosed(IrcConnection c, boolean wasRegistered, String why) {
            lifecycle.ended(why);
            synchronized (IrcConnectionPool.this) {
                ConnectionSlot slot = channels.slotOf(c);
                if (slot != null && state == State.RUNNING) { // else a retired or closed connection
                    lifecycle.closed(slot, c, wasRegistered, why);
                }
            }
        }
    }

    private synchronized void confirm(IrcConnection c, String channel) {
        if (channels.slotOf(c) != null && c.joinSent.containsKey(channel)) {
            joins.confirmed(c, channel);
        }
    }

    private synchronized void onReconnect(IrcConnection c) {
        ConnectionSlot slot = channels.slotOf(c);
        if (slot != null && slot.active == c && state == State.RUNNING) {
            lifecycle.reconnectRequested(slot, c);
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
            all = channels.allConnections();
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
}
