package dev.streamscout.twitch.irc;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of each slot's connection: opening one when due (at most one new connection per
 * {@code connectInterval}), the exponential backoff after a loss, and the make-before-break
 * handover after a RECONNECT (the old connection is dropped once the replacement has every channel
 * confirmed, or at {@code handoverTimeout}). The connections keep their own PING/PONG deadline;
 * this counts the ones that missed it. Not thread-safe except the counters: the pool calls it
 * holding its lock.
 */
final class ConnectionLifecycle {

    /** Logged under the pool's name, which is what operators filter on. */
    private static final Logger LOG = LoggerFactory.getLogger(IrcConnectionPool.class);

    private final IrcPoolSettings settings;
    private final IrcTransport transport;
    private final String nick;
    private final String poolName;
    private final CountingLineDecoder decoder;
    private final IrcConnection.Listener listener;
    private final Backoff backoff;
    private int nextConnectionId;
    private long lastConnectAtNanos;
    private boolean connectedOnce;

    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder pongTimeouts = new LongAdder();
    private final AtomicInteger connectionsOpen = new AtomicInteger();

    ConnectionLifecycle(IrcPoolSettings settings, IrcTransport transport, String nick, String poolName,
            CountingLineDecoder decoder, IrcConnection.Listener listener) {
        this.settings = settings;
        this.transport = transport;
        this.nick = nick;
        this.poolName = poolName;
        this.decoder = decoder;
        this.listener = listener;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
    }

    /** Opens the slot's connection, or its RECONNECT replacement, when its time came and pacing allows. */
    void openIfDue(ConnectionSlot slot, long now) {
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

    private IrcConnection open(ConnectionSlot slot, long now) {
        connectedOnce = true;
        lastConnectAtNanos = now;
        IrcConnection c = new IrcConnection(poolName + "-c" + slot.id + "-" + (nextConnectionId++), transport,
                settings.connectTimeout(), nick, settings.token(), decoder, listener);
        c.start();
        return c;
    }

    /** Drops the old connection once the replacement has every channel confirmed, or at the deadline. */
    void handOverIfReady(ConnectionSlot slot, long now, List<Runnable> io) {
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

    /** A transport opened (called on the connection's thread, without the lock). */
    void opened() {
        connectionsOpened.increment();
        connectionsOpen.incrementAndGet();
    }

    /** A connection ended (called on the connection's thread, without the lock). */
    void ended(String why) {
        connectionsOpen.decrementAndGet();
        if (why.startsWith("no PONG")) {
            pongTimeouts.increment();
        }
    }

    /** The login was accepted: the connection queues its slot's channels for joining. */
    void registered(ConnectionSlot slot, IrcConnection c) {
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

    /** A connection of the slot closed: the replacement takes over, or the slot waits out a backoff. */
    void closed(ConnectionSlot slot, IrcConnection c, boolean wasRegistered, String why) {
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

    /** Twitch sent RECONNECT to the slot's active connection: a replacement is opened next. */
    void reconnectRequested(ConnectionSlot slot, IrcConnection c) {
        LOG.info("Chat {}: Twitch asked to reconnect (maintenance); opening a new connection before leaving this one", c);
        if (!slot.replacementWanted) {
            slot.replacementWanted = true;
            slot.nextAttemptNanos = System.nanoTime();
            reconnects.increment();
        }
    }

    IrcConnectionPool.ConnectionState stateOf(ConnectionSlot slot, long now) {
        if (slot.active != null && slot.active.registered()) {
            return IrcConnectionPool.ConnectionState.CONNECTED;
        } else if (slot.active == null && slot.failures > 0 && slot.nextAttemptNanos - now > 0) {
            return IrcConnectionPool.ConnectionState.WAITING_TO_RECONNECT;
        }
        return IrcConnectionPool.ConnectionState.CONNECTING;
    }

    int connectionsOpen() {
        return connectionsOpen.get();
    }

    long connectionsOpened() {
        return connectionsOpened.sum();
    }

    long reconnects() {
        return reconnects.sum();
    }

    long pongTimeouts() {
        return pongTimeouts.sum();
    }
}
