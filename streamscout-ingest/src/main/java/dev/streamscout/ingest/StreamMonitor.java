package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.ingest.online.InMemoryOnlineState;
import dev.streamscout.ingest.online.OnlineState;
import dev.streamscout.store.StreamerDao;
import dev.streamscout.store.ViewerSample;
import dev.streamscout.store.ViewerTimeseriesDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *       when it was not online before, VIEWERS otherwise;</li>
 *   <li>upserts its {@code streamers} row and writes one {@code viewer_timeseries} point per stream
 *       (one batch per poll);</li>
 *   <li>when the answer is authoritative (asked by login), ends at once every online channel that it
 *       does not list: OFFLINE, removed from the online state, marked offline in the table;</li>
 *   <li>parts the rooms the policy leaves, then joins the new ones.</li>
 * </ol>
 * In top-N mode a stream missing from the ranking may have ended or only fallen below the ranks
 * fetched, so it is left to its TTL: when a channel is not seen again within the TTL its online
 * state expires, and the expiry (from the in-memory sweep or Redis keyspace notifications) emits
 * OFFLINE and marks it offline in the table.
 *
 * <p>A failed Twitch call changes nothing (it is not taken as "everything went offline", and the
 * online channels get another TTL): it is logged, counted in {@link #twitchApiErrors()}, and the
 * next poll tries again. A failing database,
 * online state or chat connection is logged and counted too and never stops polling.
 */
public final class StreamMonitor implements AutoCloseable {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(120);

    private static final Logger LOG = LoggerFactory.getLogger(StreamMonitor.class);

    private final LiveStreams streams;
    private final ChannelPolicy policy;
    private final ChatRoomControl rooms;
    private final Consumer<StreamLifecycleEvent> lifecycle;
    private final OnlineState online;
    private final Duration onlineTtl;
    private final StreamerDao streamers;
    private final ViewerTimeseriesDao viewers;
    private final Duration pollInterval;
    private final Clock clock;

    /** Last sighting of each stream, by channel id: the login and title an OFFLINE event needs. */
    private final Map<String, StreamStatus> lastSeen = new ConcurrentHashMap<>();

    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong twitchApiErrors = new AtomicLong();
    private final AtomicLong consecutiveFailures = new AtomicLong();
    private final AtomicLong storeErrors = new AtomicLong();
    private final AtomicLong onlineStateErrors = new AtomicLong();
    private final AtomicLong chatControlErrors = new AtomicLong();
    private final AtomicLong expiries = new AtomicLong();
    private volatile List<StreamStatus> lastObserved = List.of();
    private volatile Instant lastSuccessfulPoll;
    private volatile String lastError;
    private volatile ScheduledExecutorService scheduler;

    private StreamMonitor(Builder b) {
        this.streams = Objects.requireNonNull(b.streams, "streams");
        this.rooms = Objects.requireNonNull(b.rooms, "rooms");
        this.lifecycle = Objects.requireNonNull(b.lifecycle, "lifecycle");
        this.policy = Objects.requireNonNull(b.policy, "policy");
        this.online = Objects.requireNonNull(b.online, "onlineState");
        this.onlineTtl = requirePositive(b.onlineTtl, "onlineTtl");
        this.streamers = b.streamers;
        this.viewers = b.viewers;
        this.pollInterval = requirePositive(b.pollInterval, "pollInterval");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        online.onExpiry(this::expired);
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
        boolean authoritative = policy.answersAreAuthoritative();
        List<StreamStatus> answer;
        try {
            answer = authoritative
                    ? streams.streamsByLogin(policy.loginsToLookUp())
                    : streams.topStreams(policy.topStreamsToFetch());
        } catch (RuntimeException e) {
            long n = twitchApiErrors.incrementAndGet();
            consecutiveFailures.incrementAndGet();
            lastError = e.toString();
            LOG.warn("Get Streams failed ({} errors so far); keeping the current rooms until the next poll: {}",
                    n, e.toString());
            keepOnlineThroughOutage();
            return SelectionChange.NONE;
        }
        Instant now = clock.instant();
        consecutiveFailures.set(0);
        lastSuccessfulPoll = now;
        List<StreamStatus> live = monitoredStreams(answer, authoritative);
        lastObserved = live;
        report(live, authoritative, now);
        SelectionChange change = policy.select(rooms.joinedChannels(), live);
        applyChange(change);
        return change;
    }

    /**
     * A poll that could not ask Twitch is no evidence that anything ended: the online channels get
     * another TTL, so an outage of Helix longer than the TTL does not end every stream at once.
     */
    private void keepOnlineThroughOutage() {
        try {
            online.onlineChannels().forEach((id, login) -> online.refresh(id, login, onlineTtl));
        } catch (RuntimeException e) {
            countOnlineStateError(e);
        }
    }

    /**
     * The streams this poll monitors: let through the allow and deny lists, one per channel id,
     * most viewers first; in top-N mode only the ranks that can be joined or kept.
     */
    private List<StreamStatus> monitoredStreams(List<StreamStatus> answer, boolean authoritative) {
        Map<String, StreamStatus> byId = new LinkedHashMap<>();
        for (StreamStatus s : policy.monitored(answer)) {
            if (s.channelId() != null && !s.channelId().isBlank()) {
                byId.putIfAbsent(s.channelId(), s);
            }
        }
        List<StreamStatus> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparingInt(StreamStatus::viewerCount).reversed());
        if (!policy.isFixed()) {
            // Denied channels were fetched extra to fill the ranks; lower ranks are never joined or kept.
            return List.copyOf(sorted.subList(0, Math.min(sorted.size(), policy.monitoredRanks())));
        }
        return List.copyOf(sorted);
    }

    private void report(List<StreamStatus> live, boolean authoritative, Instant now) {
        List<ViewerSample> samples = new ArrayList<>(live.size());
        for (StreamStatus s : live) {
            boolean isNew;
            try {
                isNew = online.refresh(s.channelId(), s.login(), onlineTtl);
            } catch (RuntimeException e) {
                countOnlineStateError(e);
                isNew = !lastSeen.containsKey(s.channelId());
            }
            lastSeen.put(s.channelId(), s);
            lifecycle.accept(isNew ? StreamLifecycleEvent.online(s, now) : StreamLifecycleEvent.viewers(s, now));
            store(() -> streamers.upsert(s, true, now), streamers, s.channelId());
            samples.add(new ViewerSample(s.channelId(), now, Math.max(0, s.viewerCount())));
        }
        store(() -> viewers.record(samples), viewers, "viewer samples");
        if (authoritative) {
            endVanished(live, now);
        }
    }

    /** Asked by login and not listed: the stream ended. */
    private void endVanished(List<StreamStatus> live, Instant now) {
        Set<String> liveIds = ConcurrentHashMap.newKeySet();
        live.forEach(s -> liveIds.add(s.channelId()));
        Map<String, String> onlineNow;
        try {
            onlineNow = online.onlineChannels();
        } catch (RuntimeException e) {
            countOnlineStateError(e);
            return;
        }
        for (Map.Entry<String, String> entry : onlineNow.entrySet()) {
            String id = entry.getKey();
            if (liveIds.contains(id)) {
                continue;
            }
            boolean wasOnline;
            try {
                wasOnline = online.remove(id);
            } catch (RuntimeException e) {
                countOnlineStateError(e);
                continue;
            }
            if (wasOnline) {
                ended(id, entry.getValue(), now);
            }
        }
    }

    /** Called by the online state when a channel was not seen within the TTL. */
    private void expired(String channelId, String login) {
        expiries.incrementAndGet();
        LOG.info("Channel {} ({}) not seen for {}: offline", login, channelId, onlineTtl);
        ended(channelId, login, clock.instant());
    }

    private void ended(String channelId, String loginOrNull, Instant now) {
        StreamStatus last = lastSeen.remove(channelId);
        String login = loginOrNull != null ? loginOrNull : last == null ? channelId : last.login();
        lifecycle.accept(StreamLifecycleEvent.offline(channelId, login, now));
        store(() -> streamers.markOffline(channelId, now), streamers, channelId);
    }

    private void store(Runnable write, Object dao, String what) {
        if (dao == null) {
            return;
        }
        try {
            write.run();
        } catch (RuntimeException e) {
            long n = storeErrors.incrementAndGet();
            LOG.warn("Could not store {} ({} store errors so far): {}", what, n, e.toString());
        }
    }

    private void countOnlineStateError(RuntimeException e) {
        long n = onlineStateErrors.incrementAndGet();
        LOG.warn("Online state ({}) failed ({} errors so far): {}", online.describe(), n, e.toString());
    }

    private void applyChange(SelectionChange change) {
        // Leave first so that the connections never hold more rooms than the policy allows.
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

    /** Failed polls since the last successful one. */
    public long consecutiveFailures() {
        return consecutiveFailures.get();
    }

    /** When the last poll that reached Twitch ran, or null. */
    public Instant lastSuccessfulPoll() {
        return lastSuccessfulPoll;
    }

    /** The error of the last failed poll, or null. */
    public String lastError() {
        return lastError;
    }

    /** Failed {@code streamers} and {@code viewer_timeseries} writes. */
    public long storeErrors() {
        return storeErrors.get();
    }

    /** Failed online-state calls (Redis unreachable). */
    public long onlineStateErrors() {
        return onlineStateErrors.get();
    }

    /** Failed joins and parts. */
    public long chatControlErrors() {
        return chatControlErrors.get();
    }

    /** Channels that went offline because their online TTL ran out. */
    public long expiries() {
        return expiries.get();
    }

    /** Rooms joined now ({@code active_stream_count}). */
    public int activeStreamCount() {
        return rooms.joinedChannels().size();
    }

    /** The live streams the last successful poll monitored, most viewers first. */
    public List<StreamStatus> lastRanking() {
        return lastObserved;
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

        public StreamMonitor build() {
            if (online == null) {
                online = new InMemoryOnlineState();
            }
            return new StreamMonitor(this);
        }
    }
}
