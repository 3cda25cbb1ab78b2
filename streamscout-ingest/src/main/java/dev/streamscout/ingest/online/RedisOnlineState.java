package dev.streamscout.ingest.online;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.params.SetParams;

/**
 * {@link OnlineState} in Redis, so that several monitors (or a restarted one) share it, with offline
 * detection from keyspace notifications (seed 000: "Redis for managing online streamer state with
 * TTL-based expiration; Redis keyspace notifications for offline detection").
 *
 * <p>Layout, under a key prefix ({@code streamscout:} by default):
 * <ul>
 *   <li>{@code <prefix>online:<channelId>} = login, with a {@code PX} time-to-live refreshed on every
 *       sighting. {@code SET ... GET} refreshes it and says in the same round trip whether it existed,
 *       i.e. whether the stream is new;</li>
 *   <li>{@code <prefix>channels}, a hash channel id → login without expiry. An expired key has no value
 *       left, so this is where the login of an ended stream is found; and {@code HDEL} returning 1 is
 *       the claim that lets exactly one of several subscribers report the expiry.</li>
 * </ul>
 *
 * <p>Expiries arrive on {@code __keyevent@<db>__:expired}, which Redis only publishes when
 * {@code notify-keyspace-events} contains {@code E} and {@code x}. {@link #start()} adds those flags
 * to the server's current setting with {@code CONFIG SET} (keeping the others); where {@code CONFIG}
 * is disabled (some managed services) it logs that the setting must be made by hand and goes on,
 * and expiries are then still found by the reconciliation below.
 *
 * <p>A subscriber that was disconnected misses notifications, so on every (re)subscription the hash
 * is reconciled: any channel whose key no longer exists is reported as expired. The same runs
 * every {@code reconcileInterval} as a safety net (Redis expires keys lazily and by sampling; the
 * event is published when it actually deletes the key).
 */
public final class RedisOnlineState implements OnlineState {

    public static final String DEFAULT_PREFIX = "streamscout:";
    public static final Duration DEFAULT_RECONCILE_INTERVAL = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(RedisOnlineState.class);
    private static final Duration RESUBSCRIBE_DELAY = Duration.ofSeconds(1);

    private final URI url;
    private final String prefix;
    private final String onlinePrefix;
    private final String channelsKey;
    private final int db;
    private final Duration reconcileInterval;
    private final JedisPooled redis;
    private volatile BiConsumer<String, String> listener = (id, login) -> { };
    private volatile boolean closed;
    private volatile boolean subscribed;
    private volatile String lastError;
    private volatile JedisPubSub subscription;
    private volatile Jedis subscriberConnection;
    private final CountDownLatch firstSubscription = new CountDownLatch(1);
    private Thread subscriber;
    private ScheduledExecutorService reconciler;

    /**
     * @param url    {@code redis://[:password@]host:port[/db]}
     * @param prefix prefix of every key this state writes (tests use a unique one)
     */
    public RedisOnlineState(URI url, String prefix) {
        this(url, prefix, DEFAULT_RECONCILE_INTERVAL);
    }

    public RedisOnlineState(URI url, String prefix, Duration reconcileInterval) {
        this.url = Objects.requireNonNull(url, "url");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.onlinePrefix = prefix + "online:";
        this.channelsKey = prefix + "channels";
        this.db = dbIndex(url);
        this.reconcileInterval = Objects.requireNonNull(reconcileInterval, "reconcileInterval");
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("REDIS_URL must look like redis://host:6379/0, was " + masked(url));
        }
        this.redis = new JedisPooled(url);
    }

    /** Reads {@code redis://host:port/db}; the database index defaults to 0. */
    static int dbIndex(URI url) {
        String path = url.getPath();
        if (path == null || path.length() <= 1) {
            return 0;
        }
        try {
            return Integer.parseInt(path.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the path of REDIS_URL must be a database number (/0), was " + path);
        }
    }

    private String key(String channelId) {
        return onlinePrefix + channelId;
    }

    @Override
    public boolean refresh(String channelId, String login, Duration ttl) {
        String previous = redis.setGet(key(channelId), login, SetParams.setParams().px(ttl.toMillis()));
        redis.hset(channelsKey, channelId, login);
        return previous == null;
    }

    @Override
    public boolean remove(String channelId) {
        // DEL publishes "del", not "expired": the subscribers do not report this one.
        long keys = redis.del(key(channelId));
        redis.hdel(channelsKey, channelId);
        return keys > 0;
    }

    @Override
    public boolean isOnline(String channelId) {
        return redis.exists(key(channelId));
    }

    @Override
    public Map<String, String> onlineChannels() {
        Map<String, String> channels = new HashMap<>();
        redis.hgetAll(channelsKey).forEach((id, login) -> {
            if (redis.exists(key(id))) {
                channels.put(id, login);
            }
        });
        return Map.copyOf(channels);
    }

    @Override
    public void onExpiry(BiConsumer<String, String> newListener) {
        this.listener = Objects.requireNonNull(newListener, "listener");
    }

    /**
     * Enables expiry notifications if needed, subscribes on a daemon thread and waits up to five
     * seconds for the subscription, so that no expiry after this call is missed.
     *
     * @throws IllegalStateException when Redis cannot be reached at all
     */
    @Override
    public synchronized void start() {
        if (subscriber != null) {
            return;
        }
        try {
            redis.ping();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Redis at " + masked(url) + " is unreachable (REDIS_URL): " + e.getMessage(), e);
        }
        enableExpiryNotifications();
        subscriber = new Thread(this::subscribeLoop, "redis-online-expiry");
        subscriber.setDaemon(true);
        subscriber.start();
        reconciler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redis-online-reconcile");
            t.setDaemon(true);
            return t;
        });
        reconciler.scheduleWithFixedDelay(this::reconcileQuietly, reconcileInterval.toMillis(),
                reconcileInterval.toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (!firstSubscription.await(5, TimeUnit.SECONDS)) {
                LOG.warn("Subscribing to Redis expiry events takes longer than 5 s; going on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void enableExpiryNotifications() {
        try (Jedis admin = new Jedis(url)) {
            String flags = admin.configGet("notify-keyspace-events").getOrDefault("notify-keyspace-events", "");
            String wanted = withExpiryFlags(flags);
            if (!wanted.equals(flags)) {
                admin.configSet("notify-keyspace-events", wanted);
                LOG.info("Redis notify-keyspace-events changed from '{}' to '{}' for offline detection", flags, wanted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not enable Redis expiry notifications ({}); set notify-keyspace-events to include 'Ex'"
                    + " on the server, or offline detection waits for the reconciliation every {}",
                    e.getMessage(), reconcileInterval);
        }
    }

    /** The server's flags plus {@code E} (keyevent channel) and {@code x} (expired), unless already implied. */
    static String withExpiryFlags(String flags) {
        String result = flags == null ? "" : flags;
        if (result.indexOf('E') < 0) {
            result += "E";
        }
        // 'A' is the alias of "g$lshzxet", which includes x.
        if (result.indexOf('x') < 0 && result.indexOf('A') < 0) {
            result += "x";
        }
        return result;
    }

    private void subscribeLoop() {
        String channel = "__keyevent@" + db + "__:expired";
        while (!closed) {
            try (Jedis connection = new Jedis(url)) {
                subscriberConnection = connection;
                JedisPubSub pubSub = new JedisPubSub() {
                    @Override
                    public void onSubscribe(String subscribedChannel, int count) {
                        subscribed = true;
                        lastError = null;
                        firstSubscription.countDown();
                        // Anything that expired while no one listened is found now.
                        reconcileQuietly();
                    }

                    @Override
                    public void onMessage(String fromChannel, String expiredKey) {
                        if (expiredKey.startsWith(onlinePrefix)) {
                            expired(expiredKey.substring(onlinePrefix.length()));
                        }
                    }
                };
                subscription = pubSub;
                if (closed) {
                    break;
                }
                connection.subscribe(pubSub, channel); // blocks until unsubscribed or disconnected
            } catch (RuntimeException e) {
                if (!closed) {
                    lastError = e.getMessage();
                    LOG.warn("Redis expiry subscription lost ({}); resubscribing in {}", e.getMessage(), RESUBSCRIBE_DELAY);
                }
            } finally {
                subscribed = false;
                subscriberConnection = null;
            }
            if (!closed) {
                sleepQuietly(RESUBSCRIBE_DELAY);
            }
        }
        firstSubscription.countDown();
    }

    /**
     * Reports channels whose key is gone but which are still in the hash (missed notifications).
     *
     * @return how many were reported
     */
    public int reconcile() {
        int reported = 0;
        for (String id : redis.hkeys(channelsKey)) {
            if (!redis.exists(key(id)) && expired(id)) {
                reported++;
            }
        }
        return reported;
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            LOG.warn("Reconciling Redis online state failed: {}", e.toString());
        }
    }

    /** Claims the expiry (first HDEL wins) and tells the listener; false when someone else had it. */
    private boolean expired(String channelId) {
        try {
            if (redis.exists(key(channelId))) {
                return false; // seen again meanwhile: still online
            }
            String login = redis.hget(channelsKey, channelId);
            if (redis.hdel(channelsKey, channelId) == 0) {
                return false;
            }
            listener.accept(channelId, login);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Handling the expiry of channel {} failed: {}", channelId, e.toString());
            return false;
        }
    }

    @Override
    public boolean isHealthy() {
        if (!subscribed) {
            return false;
        }
        try {
            return "PONG".equalsIgnoreCase(redis.ping());
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            return false;
        }
    }

    @Override
    public String describe() {
        return "redis " + masked(url) + " (prefix " + prefix + ", "
                + (subscribed ? "subscribed to expiries" : "not subscribed" + (lastError == null ? "" : ": " + lastError))
                + ")";
    }

    @Override
    public void close() {
        closed = true;
        JedisPubSub pubSub = subscription;
        if (pubSub != null && subscribed) {
            try {
                pubSub.unsubscribe();
            } catch (RuntimeException e) {
                LOG.debug("Unsubscribing from Redis failed", e);
            }
        }
        Jedis connection = subscriberConnection;
        if (connection != null) {
            try {
                connection.disconnect();
            } catch (RuntimeException e) {
                LOG.debug("Disconnecting the Redis subscriber failed", e);
            }
        }
        Thread t;
        synchronized (this) {
            t = subscriber;
            if (reconciler != null) {
                reconciler.shutdownNow();
            }
        }
        if (t != null) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        redis.close();
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String masked(URI url) {
        return url.toString().replaceAll("//[^@/]*@", "//****@");
    }
}
