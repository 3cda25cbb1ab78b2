package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.ingest.online.OnlineState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of the {@link StreamMonitor}: ask Get Streams (by login when the policy's answers are
 * authoritative, the global top otherwise), keep the streams the policy monitors, add the tracked
 * channels that only fell below the ranks ({@link RankDropouts}), report them through the
 * {@link LifecycleReporter}, and apply the policy's room changes. A failed Twitch call changes
 * nothing but the error counters. Called by one thread at a time (the monitor's lock).
 */
final class StreamPoll {

    /** Logged under the monitor's name, which is what operators filter on. */
    private static final Logger LOG = LoggerFactory.getLogger(StreamMonitor.class);

    private final LiveStreams streams;
    private final ChannelPolicy policy;
    private final ChatRoomControl rooms;
    private final OnlineState online;
    private final LifecycleReporter reporter;
    private final ChatRoomChanges roomChanges;
    private final Clock clock;

    private final AtomicLong twitchApiErrors = new AtomicLong();
    private final AtomicLong consecutiveFailures = new AtomicLong();
    private volatile List<StreamStatus> lastObserved = List.of();
    private volatile Instant lastSuccessfulPoll;
    private volatile String lastError;

    StreamPoll(LiveStreams streams, ChannelPolicy policy, ChatRoomControl rooms, OnlineState online,
            LifecycleReporter reporter, ChatRoomChanges roomChanges, Clock clock) {
        this.streams = streams;
        this.policy = policy;
        this.rooms = rooms;
        this.online = online;
        this.reporter = reporter;
        this.roomChanges = roomChanges;
        this.clock = clock;
    }

    /** @return the room changes applied ({@link SelectionChange#NONE} when Twitch could not be asked) */
    SelectionChange run() {
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
            reporter.keepOnlineThroughOutage();
            return SelectionChange.NONE;
        }
        Instant now = clock.instant();
        consecutiveFailures.set(0);
        lastSuccessfulPoll = now;
        List<StreamStatus> live = monitoredStreams(answer, authoritative);
        lastObserved = live;
        reporter.report(authoritative ? live : withRankDropouts(answer, live, now), authoritative, now);
        SelectionChange change = policy.select(rooms.joinedChannels(), live);
        roomChanges.apply(change);
        return change;
    }

    /**
     * In top-N mode: the ranked streams plus the tracked channels that fell below the ranks but are still
     * live; those Twitch no longer reports live end now (see {@link RankDropouts}).
     */
    private List<StreamStatus> withRankDropouts(List<StreamStatus> answer, List<StreamStatus> ranked, Instant now) {
        RankDropouts.Outcome outcome;
        try {
            outcome = RankDropouts.check(online.onlineChannels(), ranked, policy.monitored(answer), streams);
        } catch (RuntimeException e) {
            long n = twitchApiErrors.incrementAndGet();
            lastError = e.toString();
            LOG.warn("Could not ask Twitch about channels that left the top ranks ({} errors so far); they stay"
                    + " online until the next poll: {}", n, e.toString());
            reporter.keepOnlineThroughOutage();
            return ranked;
        }
        reporter.endDropouts(outcome.ended(), now);
        if (outcome.stillLive().isEmpty()) {
            return ranked;
        }
        List<StreamStatus> all = new ArrayList<>(ranked);
        all.addAll(outcome.stillLive());
        return all;
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

    long twitchApiErrors() {
        return twitchApiErrors.get();
    }

    long consecutiveFailures() {
        return consecutiveFailures.get();
    }

    List<StreamStatus> lastObserved() {
        return lastObserved;
    }

    Instant lastSuccessfulPoll() {
        return lastSuccessfulPoll;
    }

    String lastError() {
        return lastError;
    }
}
