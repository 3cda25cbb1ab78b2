package dev.streamscout.ingest.online;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OnlineState} in this process: a map of deadlines swept on a timer (every
 * {@code sweepInterval}), so an expiry is noticed at most one sweep late.
 */
public final class InMemoryOnlineState implements OnlineState {

    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryOnlineState.class);

    private record Entry(String login, Instant expiresAt) {}

    private final Clock clock;
    private final Duration sweepInterval;
    private final Map<String, Entry> online = new HashMap<>(); // guarded by this
    private volatile BiConsumer<String, String> listener = (id, login) -> { };
    private ScheduledExecutorService sweeper;

    public InMemoryOnlineState() {
        this(Clock.systemUTC(), DEFAULT_SWEEP_INTERVAL);
    }

    /** With an explicit clock and sweep interval; {@link #sweep()} may also be called directly. */
    public InMemoryOnlineState(Clock clock, Duration sweepInterval) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sweepInterval = Objects.requireNonNull(sweepInterval, "sweepInterval");
    }

    @Override
    public synchronized boolean refresh(String channelId, String login, Duration ttl) {
        Instant now = clock.instant();
        Entry previous = online.put(channelId, new Entry(login, now.plus(ttl)));
        return previous == null || !previous.expiresAt().isAfter(now);
    }

    @Override
    public synchronized boolean remove(String channelId) {
        Entry removed = online.remove(channelId);
        return removed != null && removed.expiresAt().isAfter(clock.instant());
    }

    @Override
    public synchronized boolean isOnline(String channelId) {
        Entry e = online.get(channelId);
        return e != null && e.expiresAt().isAfter(clock.instant());
    }

    @Override
    public synchronized Map<String, String> onlineChannels() {
        Instant now = clock.instant();
        Map<String, String> channels = new HashMap<>();
        online.forEach((id, e) -> {
            if (e.expiresAt().isAfter(now)) {
                channels.put(id, e.login());
            }
        });
        return Map.copyOf(channels);
    }

    @Override
    public void onExpiry(BiConsumer<String, String> newListener) {
        this.listener = Objects.requireNonNull(newListener, "listener");
    }

    @Override
    public synchronized void start() {
        if (sweeper != null) {
            return;
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "online-state-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, sweepInterval.toMillis(), sweepInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Removes the expired channels and tells the listener; returns how many expired. */
    public int sweep() {
        List<Map.Entry<String, Entry>> expired = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            var it = online.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Entry> e = it.next();
                if (!e.getValue().expiresAt().isAfter(now)) {
                    expired.add(Map.entry(e.getKey(), e.getValue()));
                    it.remove();
                }
            }
        }
        // Outside the lock: the listener publishes and writes to the database.
        for (Map.Entry<String, Entry> e : expired) {
            listener.accept(e.getKey(), e.getValue().login());
        }
        return expired.size();
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) { // a scheduled task that throws is never run again
            LOG.warn("Online-state expiry listener failed; sweeping goes on", e);
        }
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public String describe() {
        return "in memory";
    }

    @Override
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }
}
