package dev.streamscout.ingest.online;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Which channels are online, each for a time-to-live after the last poll that saw it.
 *
 * <p>The monitor refreshes a channel on every sighting ({@link #refresh}); a channel that is not
 * seen again within the TTL expires, and the expiry listener hears of it (channel id, login), which
 * is how the monitor learns that a stream ended when Twitch's answer could not say so itself. A
 * channel known to have ended is removed at once with {@link #remove}, which does not call the
 * listener.
 *
 * <p>Implementations: {@link InMemoryOnlineState} (one process) and {@link RedisOnlineState}
 * (shared, with keyspace-expiry notifications). Thread-safe.
 */
public interface OnlineState extends AutoCloseable {

    /**
     * Marks a channel online for another {@code ttl}.
     *
     * @return true when it was not online before (a new stream), false for a refresh
     */
    boolean refresh(String channelId, String login, Duration ttl);

    /**
     * Forgets a channel now, without calling the expiry listener.
     *
     * @return true when it was online
     */
    boolean remove(String channelId);

    /** Whether the channel is online now. */
    boolean isOnline(String channelId);

    /** The channels online now: channel id → login. */
    Map<String, String> onlineChannels();

    /**
     * Sets who hears of expired channels (channel id, login). Called at most once per expiry, on a
     * thread of the implementation; it must not block for long.
     */
    void onExpiry(BiConsumer<String, String> listener);

    /** Starts watching for expiries. */
    void start();

    /** Whether the backing store answers (always true in memory). */
    boolean isHealthy();

    /** A short description for logs and {@code /health}. */
    String describe();

    @Override
    void close();
}
