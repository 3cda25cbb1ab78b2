package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.store.StreamerDao;
import dev.streamscout.twitch.auth.AppTokenProvider;
import dev.streamscout.twitch.helix.HelixClient;
import dev.streamscout.twitch.helix.HelixException;
import dev.streamscout.twitch.irc.IrcClient;
import dev.streamscout.twitch.irc.IrcClientSettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest side of StreamScout: watches the top streams, sits in the chats of the top ones, and
 * publishes chat messages and stream lifecycle events to Kafka.
 *
 * <pre>
 *   Helix Get Streams ──► StreamMonitor ──► join/part ──► IrcClient ──► ChatPublisher ──► chat-messages
 *                              └──────────► LifecyclePublisher ─────────────────────────► stream-lifecycle
 *                              └──────────► streamers table (optional)
 * </pre>
 *
 * <p>Chat is read anonymously (read-only {@code justinfan} login); the app access token is used for
 * Helix only. {@link #close()} returns within about five seconds: polling stops, the chat
 * connection closes, and the producers flush what they hold.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofMillis(1_500);

    private final IngestSettings settings;
    private final StreamerDao streamers;
    // Written under the lock in start(), read without it by the metric getters.
    private volatile ChatPublisher chat;
    private volatile LifecyclePublisher lifecycle;
    private volatile IrcClient irc;
    private volatile StreamMonitor monitor;
    private boolean started;
    private boolean closed;

    /**
     * @param settings  what to connect to
     * @param streamers the {@code streamers} table, or {@code null} to keep no record
     */
    public IngestService(IngestSettings settings, StreamerDao streamers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.streamers = streamers;
    }

    /**
     * Connects to Kafka and chat and starts polling (the first poll runs at once).
     *
     * @throws IllegalStateException when already started or closed
     * @throws RuntimeException      when a part cannot start; whatever started is closed again
     */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("ingest service can be started only once");
        }
        started = true;
        LOG.info("Starting ingest: {}", settings);
        try {
            chat = ChatPublisher.create(settings.kafkaBootstrapServers(), settings.chatTopic());
            lifecycle = LifecyclePublisher.create(settings.kafkaBootstrapServers(), settings.lifecycleTopic());
            chat.warmUp();
            lifecycle.warmUp();

            HttpClient http = HttpClient.newBuilder().connectTimeout(HelixClient.DEFAULT_REQUEST_TIMEOUT).build();
            AppTokenProvider appToken = new AppTokenProvider(
                    settings.oauthBase(), settings.clientId(), settings.clientSecret(), http);
            HelixClient helix = new HelixClient(settings.helixBase(), settings.clientId(), appToken, http);

            irc = new IrcClient(IrcClientSettings.anonymous(settings.ircHost(), settings.ircPort()), chat::publish);
            irc.start();

            monitor = new StreamMonitor(limit -> topStreams(helix, appToken, limit),
                    new ChannelSelection(settings.joinThreshold(), settings.leaveThreshold()),
                    new IrcChatRooms(irc), lifecycle::publish, streamers, settings.pollInterval(), Clock.systemUTC());
            monitor.start();
        } catch (RuntimeException e) {
            LOG.error("Ingest failed to start: {}", e.toString());
            shutdown();
            throw e;
        }
    }

    /** Get Streams; a 401 drops the cached app token so that the next poll fetches a fresh one. */
    private static List<StreamStatus> topStreams(
            HelixClient helix, AppTokenProvider appToken, int limit) {
        try {
            return helix.getTopStreams(limit);
        } catch (HelixException e) {
            if (e.status() == 401) {
                appToken.invalidate();
            }
            throw e;
        }
    }

    /** Chat messages Kafka acknowledged. */
    public long chatMessagesPublished() {
        ChatPublisher c = chat;
        return c == null ? 0 : c.published();
    }

    /** Chat messages that could not be published. */
    public long chatMessagesFailed() {
        ChatPublisher c = chat;
        return c == null ? 0 : c.failed();
    }

    /** Lifecycle events Kafka acknowledged. */
    public long lifecycleEventsPublished() {
        LifecyclePublisher l = lifecycle;
        return l == null ? 0 : l.published();
    }

    /** Failed Get Streams calls ({@code twitch_api_errors_total}). */
    public long twitchApiErrors() {
        StreamMonitor m = monitor;
        return m == null ? 0 : m.twitchApiErrors();
    }

    /** Logins of the chats joined now ({@code active_stream_count} is its size). */
    public Set<String> joinedChannels() {
        IrcClient i = irc;
        return i == null ? Set.of() : Set.copyOf(i.joinedChannels());
    }

    /** The monitor, for metrics and for forcing a poll; null before {@link #start()}. */
    public StreamMonitor monitor() {
        return monitor;
    }

    /** Stops polling, leaves chat and flushes the producers; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long begin = System.nanoTime();
        shutdown();
        LOG.info("Ingest stopped in {} ms ({} chat messages published, {} failed)",
                Duration.ofNanos(System.nanoTime() - begin).toMillis(), chatMessagesPublished(), chatMessagesFailed());
    }

    /** Closes in dependency order: nothing new is produced once the producers close. */
    private void shutdown() {
        if (monitor != null) {
            monitor.close();
        }
        if (irc != null) {
            try {
                irc.close();
            } catch (RuntimeException e) {
                LOG.warn("Chat connection did not close cleanly: {}", e.toString());
            }
        }
        if (chat != null) {
            chat.close(PRODUCER_CLOSE_TIMEOUT);
        }
        if (lifecycle != null) {
            lifecycle.close(PRODUCER_CLOSE_TIMEOUT);
        }
    }
}
