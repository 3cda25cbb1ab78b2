package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.store.StreamerDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the top live streams on a fixed delay, keeps the joined chat rooms in line with
 * {@link ChannelSelection}, and reports what changed.
 *
 * <p>Each poll fetches the top {@code leaveThreshold} streams (anything ranked lower is left anyway)
 * and then:
 * <ol>
 *   <li>emits a lifecycle event per stream: ONLINE the first time it appears, VIEWERS on every later
 *       poll while it stays, OFFLINE when it is gone from the polled ranking (it ended, or fell so
 *       far that it is no longer monitored);</li>
 *   <li>upserts the {@code streamers} row of each stream and marks the vanished ones offline
 *       (when a DAO is given);</li>
 *   <li>parts the rooms the selection leaves, then joins the new ones.</li>
 * </ol>
 * A failed Twitch call changes nothing (it is not taken as "everything went offline"): it is logged,
 * counted in {@link #twitchApiErrors()}, and the next poll tries again. A failing database or chat
 * connection is logged and counted too and never stops polling.
 */
public final class StreamMonitor implements AutoCloseable {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(120);

    private static final Logger LOG = LoggerFactory.getLogger(StreamMonitor.class);

    private final TopStreamsSource streams;
    private final ChannelSelection selection;
    private final ChatRoomControl rooms;
    private final Consumer<StreamLifecycleEvent> lifecycle;
    private final StreamerDao streamers;
    private final Duration pollInterval;
    private final Clock clock;

    /** Streams seen in the previous successful poll, by channel id. Guarded by {@code this}. */
    private final Map<String, StreamStatus> known = new HashMap<>();

    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong twitchApiErrors = new AtomicLong();
    private final AtomicLong storeErrors = new AtomicLong();
    private final AtomicLong chatControlErrors = new AtomicLong();
    private volatile List<StreamStatus> lastRanking = List.of();
    private volatile ScheduledExecutorService scheduler;

    /**
     * @param streams      where the ranking comes from (Helix Get Streams)
     * @param selection    join/leave thresholds
     * @param rooms        the chat connection
     * @param lifecycle    receives lifecycle events (the Kafka publisher); must not block
     * @param streamers    the {@code streamers} table, or {@code null} to keep no record
     * @param pollInterval delay between the end of one poll and the start of the next
     * @param clock        source of event times
     */
    public StreamMonitor(TopStreamsSource streams, ChannelSelection selection, ChatRoomControl rooms,
            Consumer<StreamLifecycleEvent> lifecycle, StreamerDao streamers, Duration pollInterval, Clock clock) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.streamers = streamers;
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, was " + pollInterval);
        }
    }

    /** Polls now and then every {@code pollInterval} on a daemon thread, until {@link #close()}. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("stream monitor already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stream-monitor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Stream monitor started: {}, polling every {}", selection, pollInterval);
    }

    /**
     * One poll: fetch the ranking, publish lifecycle events, update the store, join and leave rooms.
     *
     * @return the room changes applied ({@link SelectionChange#NONE} when Twitch could not be asked)
     */
    public synchronized SelectionChange pollOnce() {
        polls.incrementAndGet();
        List<StreamStatus> ranking;
        try {
            ranking = List.copyOf(streams.topStreams(selection.leaveThreshold()));
        } catch (RuntimeException e) {
            long n = twitchApiErrors.incrementAndGet();
            LOG.warn("Get Streams failed ({} errors so far); keeping the current rooms until the next poll: {}",
                    n, e.toString());
            return SelectionChange.NONE;
        }
        lastRanking = ranking;
        Instant now = clock.instant();
        reportLifecycle(ranking, now);
        SelectionChange change = selection.select(rooms.joinedChannels(), ranking);
        applyChange(change);
        return change;
    }

    private void reportLifecycle(List<StreamStatus> ranking, Instant now) {
        Map<String, StreamStatus> current = new LinkedHashMap<>();
        for (StreamStatus s : ranking) {
            if (s != null && s.channelId() != null && !s.channelId().isBlank()) {
                current.putIfAbsent(s.channelId(), s);
            }
        }
        for (StreamStatus s : current.values()) {
            lifecycle.accept(known.containsKey(s.channelId())
                    ? StreamLifecycleEvent.viewers(s, now)
                    : StreamLifecycleEvent.online(s, now));
            store(() -> streamers.upsert(s, true, now), s.channelId());
        }
        for (StreamStatus gone : known.values()) {
            if (!current.containsKey(gone.channelId())) {
                lifecycle.accept(StreamLifecycleEvent.offline(gone.channelId(), gone.login(), now));
                store(() -> streamers.markOffline(gone.channelId(), now), gone.channelId());
            }
        }
        known.clear();
        known.putAll(current);
    }

    private void store(Runnable write, String channelId) {
        if (streamers == null) {
            return;
        }
        try {
            write.run();
        } catch (RuntimeException e) {
            long n = storeErrors.incrementAndGet();
            LOG.warn("Could not update streamer {} ({} store errors so far): {}", channelId, n, e.toString());
        }
    }

    private void applyChange(SelectionChange change) {
        // Leave first so that the connection never holds more rooms than the thresholds allow.
        for (String login : change.leave()) {
            try {
                rooms.part(login);
                LOG.info("Left chat of {}", login);
            } catch (RuntimeException e) {
                chatControlErrors.incrementAndGet();
                LOG.warn("Could not leave chat of {}: {}", login, e.toString());
            }
        }
        for (String login : change.join()) {
            try {
                rooms.join(login);
                LOG.info("Joined chat of {}", login);
            } catch (RuntimeException e) {
                chatControlErrors.incrementAndGet();
                LOG.warn("Could not join chat of {} (will retry next poll): {}", login, e.toString());
            }
        }
    }

    private void pollQuietly() {
        try {
            pollOnce();
        } catch (RuntimeException e) { // a scheduled task that throws is never run again
            LOG.error("Stream monitor poll failed; polling goes on", e);
        }
    }

    /** Polls run so far (successful or not). */
    public long polls() {
        return polls.get();
    }

    /** Failed Get Streams calls ({@code twitch_api_errors_total}). */
    public long twitchApiErrors() {
        return twitchApiErrors.get();
    }

    /** Failed {@code streamers} writes. */
    public long storeErrors() {
        return storeErrors.get();
    }

    /** Failed joins and parts. */
    public long chatControlErrors() {
        return chatControlErrors.get();
    }

    /** Rooms joined now ({@code active_stream_count}). */
    public int activeStreamCount() {
        return rooms.joinedChannels().size();
    }

    /** The ranking of the last successful poll. */
    public List<StreamStatus> lastRanking() {
        return lastRanking;
    }

    /** Channel ids currently considered online. */
    public synchronized Set<String> onlineChannelIds() {
        return Set.copyOf(known.keySet());
    }

    /** Stops polling; a poll in progress may finish (up to 2 s). */
    @Override
    public void close() {
        ScheduledExecutorService s = scheduler; // not synchronized: a poll in progress holds the lock
        if (s == null) {
            return;
        }
        s.shutdown();
        try {
            if (!s.awaitTermination(2, TimeUnit.SECONDS)) {
                s.shutdownNow();
            }
        } catch (InterruptedException e) {
            s.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
