package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.ingest.online.OnlineState;
import dev.streamscout.store.ViewerSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns what the monitor saw into lifecycle events against the {@link OnlineState}: a stream not
 * online before goes ONLINE, one already online gets VIEWERS (both with its archive video from the
 * {@link ArchiveVideoTracker}), and a stream that ended, vanished from an authoritative answer or
 * expired from the online state goes OFFLINE; every one of them is also written through
 * {@link StreamerRecords}. A failing online state is logged and counted, never thrown.
 */
final class LifecycleReporter {

    /** Logged under the monitor's name, which is what operators filter on (see docs/operations.md). */
    private static final Logger LOG = LoggerFactory.getLogger(StreamMonitor.class);

    private final OnlineState online;
    private final Duration onlineTtl;
    private final Consumer<StreamLifecycleEvent> lifecycle;
    private final ArchiveVideoTracker archiveVideos;
    private final StreamerRecords records;
    private final Clock clock;

    /** Last sighting of each stream, by channel id: the login and title an OFFLINE event needs. */
    private final Map<String, StreamStatus> lastSeen = new ConcurrentHashMap<>();
    private final AtomicLong onlineStateErrors = new AtomicLong();
    private final AtomicLong expiries = new AtomicLong();

    LifecycleReporter(OnlineState online, Duration onlineTtl, Consumer<StreamLifecycleEvent> lifecycle,
            ArchiveVideoTracker archiveVideos, StreamerRecords records, Clock clock) {
        this.online = online;
        this.onlineTtl = onlineTtl;
        this.lifecycle = lifecycle;
        this.archiveVideos = archiveVideos;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Refreshes and reports every live stream, writes one batch of viewer samples, and, when the
     * answer was authoritative (asked by login), ends every online channel it does not list.
     */
    void report(List<StreamStatus> live, boolean authoritative, Instant now) {
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
            if (isNew) {
                try (MDC.MDCCloseable channel = MDC.putCloseable("channel", s.login())) {
                    LOG.info("Channel {} ({}) is live: online, {} viewers", s.login(), s.channelId(), s.viewerCount());
                }
            }
            lifecycle.accept(isNew ? StreamLifecycleEvent.online(s, now, archiveVideos.wentOnline(s))
                    : StreamLifecycleEvent.viewers(s, now, archiveVideos.stillOnline(s)));
            records.live(s, now);
            samples.add(new ViewerSample(s.channelId(), now, Math.max(0, s.viewerCount())));
        }
        records.viewerSamples(samples);
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

    /** Channels (id to login) that left the top ranks and that Twitch no longer lists live: they end now. */
    void endDropouts(Map<String, String> ended, Instant now) {
        ended.forEach((id, login) -> {
            boolean wasOnline;
            try {
                wasOnline = online.remove(id);
            } catch (RuntimeException e) {
                countOnlineStateError(e);
                return;
            }
            if (wasOnline) {
                try (MDC.MDCCloseable channel = MDC.putCloseable("channel", login)) {
                    LOG.info("Channel {} ({}) is no longer live: offline", login, id);
                }
                ended(id, login, now);
            }
        });
    }

    /**
     * A poll that could not ask Twitch is no evidence that anything ended: the online channels get
     * another TTL, so an outage of Helix longer than the TTL does not end every stream at once.
     */
    void keepOnlineThroughOutage() {
        try {
            online.onlineChannels().forEach((id, login) -> online.refresh(id, login, onlineTtl));
        } catch (RuntimeException e) {
            countOnlineStateError(e);
        }
    }

    /** Called by the online state when a channel was not seen within the TTL. */
    void expired(String channelId, String login) {
        expiries.incrementAndGet();
        try (MDC.MDCCloseable channel = MDC.putCloseable("channel", login)) {
            LOG.info("Channel {} ({}) not seen for {}: offline", login, channelId, onlineTtl);
        }
        ended(channelId, login, clock.instant());
    }

    private void ended(String channelId, String loginOrNull, Instant now) {
        StreamStatus last = lastSeen.remove(channelId);
        archiveVideos.wentOffline(channelId);
        String login = loginOrNull != null ? loginOrNull : last == null ? channelId : last.login();
        lifecycle.accept(StreamLifecycleEvent.offline(channelId, login, now));
        records.offline(channelId, now);
    }

    private void countOnlineStateError(RuntimeException e) {
        long n = onlineStateErrors.incrementAndGet();
        LOG.warn("Online state ({}) failed ({} errors so far): {}", online.describe(), n, e.toString());
    }

    long onlineStateErrors() {
        return onlineStateErrors.get();
    }

    long expiries() {
        return expiries.get();
    }
}
