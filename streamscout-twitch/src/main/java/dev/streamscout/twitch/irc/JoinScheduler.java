package dev.streamscout.twitch.irc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Decides which queued JOINs go out now: one account-wide {@link JoinRateLimiter} shared round-robin
 * by the connections, JOINs Twitch left unanswered queued again with a growing delay, and, once the
 * account hit its concurrent channel limit, only channels confirmed before are rejoined. Every JOIN
 * sent is recorded in the {@link JoinLog}. Not thread-safe: the pool calls it holding its lock.
 */
final class JoinScheduler {

    /** Logged under the pool's name, which is what operators filter on. */
    private static final Logger LOG = LoggerFactory.getLogger(IrcConnectionPool.class);
    private static final long MAX_JOIN_RETRY_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final String nick;
    private final Duration joinRetryAfter;
    private final JoinRateLimiter limiter;
    private final JoinLog joinLog = new JoinLog();
    private final LongAdder joinsSent = new LongAdder();
    /** Channels Twitch confirmed at least once: the only ones rejoined once the account hit its channel limit. */
    private final Set<String> everConfirmed = new LinkedHashSet<>();
    /** Channels whose JOIN went unanswered, with how many times it was sent again. */
    private final Map<String, Integer> joinRetries = new HashMap<>();
    private boolean channelLimitReached;
    private int roundRobin;

    JoinScheduler(String nick, IrcPoolSettings settings) {
        this.nick = nick;
        this.joinRetryAfter = settings.joinRetryAfter();
        this.limiter = new JoinRateLimiter(settings.joinLimit(), settings.joinWindow().toMillis());
    }

    /**
     * Queues again the JOINs Twitch neither confirmed nor refused in time: it drops JOINs silently
     * when overloaded, and never answers one for a channel that does not exist, so the delay doubles
     * per retry (up to {@link #MAX_JOIN_RETRY_NANOS}) to keep dead channels from eating the JOIN budget.
     */
    void retryUnanswered(long now, ChannelSlots channels) {
        for (IrcConnection c : channels.allConnections()) {
            if (!c.registered() || c.isClosing()) {
                continue;
            }
            var it = c.joinSent.entrySet().iterator();
            while (it.hasNext()) {
                var sent = it.next();
                String channel = sent.getKey();
                if (c.confirmed.contains(channel) || !channels.isWanted(channel)) {
                    continue;
                }
                int retries = joinRetries.getOrDefault(channel, 0);
                long delay = Math.min(MAX_JOIN_RETRY_NANOS, joinRetryAfter.toNanos() << Math.min(retries, 20));
                if (now - sent.getValue() >= delay) {
                    it.remove();
                    c.pendingJoins.add(channel);
                    joinRetries.put(channel, retries + 1);
                    try (MDC.MDCCloseable tag = MDC.putCloseable("channel", channel)) {
                        LOG.info("Chat {}: no answer to JOIN #{} within {} s; sending it again", c, channel,
                                TimeUnit.NANOSECONDS.toSeconds(delay));
                    }
                }
            }
        }
    }

    /**
     * Takes JOIN permits from the one account-wide limiter and spreads them round-robin over the
     * connections that have channels waiting, so one connection's backlog does not starve another.
     * The JOINs themselves are added to {@code io}, to be sent outside the pool's lock.
     */
    void collectJoins(ChannelSlots channels, List<Runnable> io) {
        List<IrcConnection> waiting = new ArrayList<>();
        for (IrcConnection c : channels.allConnections()) {
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
            String channel = nextJoinable(c, channels);
            if (channel == null) {
                idle++;
                continue;
            }
            if (!limiter.tryAcquire(System.nanoTime() / 1_000_000)) {
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
    private String nextJoinable(IrcConnection c, ChannelSlots channels) {
        var it = c.pendingJoins.iterator();
        while (it.hasNext()) {
            String channel = it.next();
            if (!channels.isWanted(channel)) {
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

    /** Twitch confirmed the JOIN (ROOMSTATE) on a connection that sent it. */
    void confirmed(IrcConnection c, String channel) {
        c.confirmed.add(channel);
        everConfirmed.add(channel);
        joinRetries.remove(channel);
    }

    /**
     * Twitch refused the JOIN because the account is full: the channel stays queued (joined only if
     * the pool is restarted with fewer channels). True the first time the limit is hit.
     */
    boolean limitReached(IrcConnection c, String channel, boolean stillWanted) {
        boolean first = !channelLimitReached;
        channelLimitReached = true;
        c.joinSent.remove(channel);
        if (stillWanted) {
            c.pendingJoins.add(channel);
        }
        return first;
    }

    boolean channelLimitReached() {
        return channelLimitReached;
    }

    /** How many channels Twitch ever confirmed: those that stay when the account is full. */
    int everConfirmedCount() {
        return everConfirmed.size();
    }

    JoinLog joinLog() {
        return joinLog;
    }

    long joinsSent() {
        return joinsSent.sum();
    }
}
