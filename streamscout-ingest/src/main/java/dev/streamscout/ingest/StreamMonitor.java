package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.ingest.online.InMemoryOnlineState;
import dev.streamscout.ingest.online.OnlineState;
import dev.streamscout.store.StreamerDao;
import dev.streamscout.store.ViewerTimeseriesDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * Polls Twitch for live streams on a fixed delay, keeps the joined chat rooms in line with the
 * {@link ChannelPolicy}, and reports what changed.
 *
 * <p>Each poll asks Get Streams either for the global top (top-N mode) or, with {@code user_login}
 * filters, for the fixed or allowed channels, and then:
 * <ol>
 *   <li>refreshes each live stream in the {@link OnlineState} (with the online TTL) and emits ONLINE
 *       when it was not online before, VIEWERS otherwise; both carry the stream's archive video id
 *       (Get Videos, asked when the channel goes online and again while a lookup keeps failing) when
 *       {@link Builder#archiveVideos(ArchiveVideos)} is set;</li>
 *   <li>upserts its {@code streamers} row and writes one {@code viewer_timeseries} point per stream
 *       (one batch per poll);</li>
 *   <li>when the answer is authoritative (asked by login), ends at once every online channel that it
 *       does not list: OFFLINE, removed from the online state, marked offline in the table;</li>
 *   <li>parts the rooms the policy leaves, then joins the new ones.</li>
 * </ol>
 * In top-N mode a tracked stream missing from the ranking may have ended or only fallen below the
 * ranks fetched: it is asked for by login ({@link RankDropouts}), stays online (VIEWERS) while Twitch
 * lists it and ends (OFFLINE) when Twitch does not. The online TTL is the safety net for channels
 * nobody refreshes any more (a stopped monitor, shared Redis state): when one is not seen within the
 * TTL its online state expires, and the expiry (from the in-memory sweep or Redis keyspace
 * notifications) emits OFFLINE and marks it offline in the table.
 *
 * <p>A failed Twitch call changes nothing (it is not taken as "everything went offline", and the
 * online channels get another TTL): it is logged, counted in {@link #twitchApiErrors()}, and the
 * next poll tries again. A failing database,
 * online state or chat connection is logged and counted too and never stops polling.
 *
 * <p>This class schedules and coordinates; a poll is a {@link StreamPoll}, events come from the
 * {@link LifecycleReporter}, table writes go through {@link StreamerRecords} and room changes
 * through {@link ChatRoomChanges}.
 */
public final class StreamMonitor implements AutoCloseable {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(120);

    private static final Logger LOG = LoggerFactory.getLogger(StreamMonitor.class);

    private final ChannelPolicy policy;
    private final ChatRoomControl rooms;
    private final OnlineState online;
    private final Duration onlineTtl;
    private final Duration pollInterval;
    private final ArchiveVideoTracker archiveVideos;
    private final StreamerRecords records;
    private final LifecycleReporter reporter;
    private final ChatRoomChanges roomChanges;
    private final StreamPoll poll;

    private final AtomicLong polls = new AtomicLong();
    private volatile ScheduledExecutorService scheduler;

    private StreamMonitor(Builder b) {
        LiveStreams streams = Objects.requireNonNull(b.streams, "streams");
        this.rooms = Objects.requireNonNull(b.rooms, "rooms");
        Consumer<StreamLifecycleEvent> lifecycle = Objects.requireNonNull(b.lifecycle, "lifecycle");
        this.policy = Objects.requireNonNull(b.policy, "policy");
        this.online = Objects.requireNonNull(b.online, "onlineState");
        this.onlineTtl = requirePositive(b.onlineTtl, "onlineTtl");
        this.pollInterval = requirePositive(b.pollInterval, "pollInterval");
        Clock clock = Objects.requireNonNull(b.clock, "clock");
        this.archiveVideos = new ArchiveVideoTracker(b.archiveVideos);
        this.records = new StreamerRecords(b.streamers, b.viewers);
        this.reporter = new LifecycleReporter(online, onlineTtl, lifecycle, archiveVideos, records, clock);
        this.roomChanges = new ChatRoomChanges(rooms);
        this.poll = new StreamPoll(streams, policy, rooms, online, reporter, roomChanges, clock);
        online.onExpiry(reporter::expired);
    }

    /**
     * @param streams   where live streams come from (Helix Get Streams)
     * @param rooms     the chat connections
     * @param lifecycle receives lifecycle events (the Kafka publisher); may block briefly when Kafka is down
     */
    public static Builder builder(LiveStreams streams, ChatRoomControl rooms, Consumer<StreamLifecycleEvent> lifecycle) {
        return new Builder(streams, rooms, lifecycle);
    }

    /** Starts the online state's expiry watch, then polls now and every {@code pollInterval} on a daemon thread. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("stream monitor already started");
        }
        online.start();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stream-monitor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Stream monitor started: {}, polling every {}, online state {} with TTL {}",
                policy, pollInterval, online.describe(), onlineTtl);
    }

    /**
     * One poll: ask Twitch, publish lifecycle events, update the store, join and leave rooms.
     *
     * @return the room changes applied ({@link SelectionChange#NONE} when Twitch could not be asked)
     */
    public synchronized SelectionChange pollOnce() {
        polls.incrementAndGet();
        return poll.run();
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
        return poll.twitchApiErrors();
    }

    /** Failed polls since the last successful one. */
    public long consecutiveFailures() {
        return poll.consecutiveFailures();
    }

    /** Failed Get Videos calls ({@code twitch_video_lookup_errors_total}); the events went out without a video id. */
    public long videoLookupErrors() {
        return archiveVideos.lookupErrors();
    }

    /** Get Videos calls made. */
    public long videoLookups() {
        return archiveVideos.lookups();
    }

    /** When the last poll that reached Twitch ran, or null. */
    public Instant lastSuccessfulPoll() {
        return poll.lastSuccessfulPoll();
    }

    /** The error of the last failed poll, or null. */
    public String lastError() {
        return poll.lastError();
    }

    /** Failed {@code streamers} and {@code viewer_timeseries} writes. */
    public long storeErrors() {
        return records.errors();
    }

    /** Failed online-state calls (Redis unreachable). */
    public long onlineStateErrors() {
        return reporter.onlineStateErrors();
    }

    /** Failed joins and parts. */
    public long chatControlErrors() {
        return roomChanges.errors();
    }

    /** Channels that went offline because their online TTL ran out. */
    public long expiries() {
        return reporter.expiries();
    }

    /** Rooms joined now ({@code active_stream_count}). */
    public int activeStreamCount() {
        return rooms.joinedChannels().size();
    }

    /** The live streams the last successful poll monitored, most viewers first. */
    public List<StreamStatus> lastRanking() {
        return poll.lastObserved();
    }

    /** Channel ids currently online (from the online state). */
    public Set<String> onlineChannelIds() {
        return Set.copyOf(online.onlineChannels().keySet());
    }

    public ChannelPolicy policy() {
        return policy;
    }

    public OnlineState onlineState() {
        return online;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    /** Stops polling and the online state; a poll in progress may finish (up to 2 s). */
    @Override
    public void close() {
        ScheduledExecutorService s = scheduler; // not synchronized: a poll in progress holds the lock
        if (s != null) {
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
        try {
            online.close();
        } catch (RuntimeException e) {
            LOG.warn("Online state did not close cleanly: {}", e.toString());
        }
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }

    /** Assembles a monitor; everything but the three constructor arguments has a default. */
    public static final class Builder {
        private final LiveStreams streams;
        private final ChatRoomControl rooms;
        private final Consumer<StreamLifecycleEvent> lifecycle;
        private ChannelPolicy policy = ChannelPolicy.topStreams(ChannelSelection.defaults());
        private OnlineState online;
        private Duration onlineTtl = IngestSettings.DEFAULT_ONLINE_TTL;
        private StreamerDao streamers;
        private ViewerTimeseriesDao viewers;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Clock clock = Clock.systemUTC();
        private ArchiveVideos archiveVideos;

        private Builder(LiveStreams streams, ChatRoomControl rooms, Consumer<StreamLifecycleEvent> lifecycle) {
            this.streams = streams;
            this.rooms = rooms;
            this.lifecycle = lifecycle;
        }

        /** Top N or fixed list, allow and deny (default: top 5 / top 10, no lists). */
        public Builder policy(ChannelPolicy value) {
            this.policy = value;
            return this;
        }

        /** Where online state lives (default: in memory); the monitor closes it. */
        public Builder onlineState(OnlineState value) {
            this.online = value;
            return this;
        }

        /** How long a channel stays online after the last poll that saw it (default 6 min). */
        public Builder onlineTtl(Duration value) {
            this.onlineTtl = value;
            return this;
        }

        /** The {@code streamers} table, or null (default) to keep no record. */
        public Builder streamers(StreamerDao value) {
            this.streamers = value;
            return this;
        }

        /** The {@code viewer_timeseries} table, or null (default) to keep no history. */
        public Builder viewers(ViewerTimeseriesDao value) {
            this.viewers = value;
            return this;
        }

        /** Delay between the end of one poll and the start of the next (default 120 s). */
        public Builder pollInterval(Duration value) {
            this.pollInterval = value;
            return this;
        }

        /** Source of event and sample times (default UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Where to find each stream's archive video (Get Videos), or null (default) for events without one. */
        public Builder archiveVideos(ArchiveVideos value) {
            this.archiveVideos = value;
            return this;
        }

        public StreamMonitor build() {
            if (online == null) {
                online = new InMemoryOnlineState();
            }
            return new StreamMonitor(this);
        }
    }
}
