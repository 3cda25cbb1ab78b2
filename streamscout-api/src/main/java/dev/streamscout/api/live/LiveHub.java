package dev.streamscout.api.live;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans live events out to the connected clients. {@link #publish} never blocks: each subscriber has
 * a bounded queue, and one that is full is dropped and counted (its connection is then closed by its
 * pump), so a slow browser cannot hold back the feed or the other clients.
 *
 * <p>The hub also remembers the channels it has seen events for (id and login), so that a channel
 * that is live but not yet in the store can be subscribed to.
 */
public final class LiveHub {

    /** Events a client may fall behind by before it is dropped: about a minute of one channel's chat rate. */
    public static final int DEFAULT_QUEUE_CAPACITY = 256;

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);

    private final int queueCapacity;
    private final CopyOnWriteArrayList<LiveSubscription> subscribers = new CopyOnWriteArrayList<>();
    private final Map<String, String> loginsById = new ConcurrentHashMap<>();
    private final Map<String, String> idsByLogin = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public LiveHub() {
        this(DEFAULT_QUEUE_CAPACITY);
    }

    public LiveHub(int queueCapacity) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive, was " + queueCapacity);
        }
        this.queueCapacity = queueCapacity;
    }

    /** A new subscriber that receives the events {@code filter} accepts from now on. */
    public LiveSubscription subscribe(Predicate<LiveEvent> filter) {
        LiveSubscription subscription = new LiveSubscription(this, filter, queueCapacity);
        subscribers.add(subscription);
        return subscription;
    }

    /** Hands {@code event} to every subscriber that wants it; drops subscribers whose queue is full. */
    public void publish(LiveEvent event) {
        published.incrementAndGet();
        remember(event);
        for (LiveSubscription subscription : subscribers) {
            if (!subscription.wants(event)) {
                continue;
            }
            if (subscription.offer(event)) {
                delivered.incrementAndGet();
            } else if (subscription.end(LiveSubscription.End.TOO_SLOW)) {
                dropped.incrementAndGet();
                LOG.info("live client dropped: it fell {} events behind", queueCapacity);
            }
        }
    }

    /** Ends every subscription (the server is stopping). */
    public void closeAll() {
        for (LiveSubscription subscription : subscribers) {
            subscription.end(LiveSubscription.End.SERVER_STOPPED);
        }
    }

    /** The channel id for an id or login seen on an event, if any. */
    public Optional<String> knownChannel(String idOrLogin) {
        if (loginsById.containsKey(idOrLogin)) {
            return Optional.of(idOrLogin);
        }
        return Optional.ofNullable(idsByLogin.get(idOrLogin.toLowerCase(Locale.ROOT)));
    }

    /** The login last seen for a channel id, if any. */
    public Optional<String> loginOf(String channelId) {
        String login = loginsById.get(channelId);
        return login == null || login.isEmpty() ? Optional.empty() : Optional.of(login);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Events published so far. */
    public long publishedCount() {
        return published.get();
    }

    /** Events queued for a subscriber so far (one event to three clients counts three). */
    public long deliveredCount() {
        return delivered.get();
    }

    /** Subscribers dropped for falling behind. */
    public long droppedCount() {
        return dropped.get();
    }

    void remove(LiveSubscription subscription) {
        subscribers.remove(subscription);
    }

    private void remember(LiveEvent event) {
        if (event.login() == null || event.login().isEmpty()) {
            loginsById.putIfAbsent(event.channelId(), "");
            return;
        }
        String login = event.login().toLowerCase(Locale.ROOT);
        if (!login.equals(loginsById.put(event.channelId(), login))) {
            idsByLogin.put(login, event.channelId());
        }
    }
}
