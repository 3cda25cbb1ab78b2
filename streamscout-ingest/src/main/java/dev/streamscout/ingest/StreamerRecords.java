package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.store.StreamerDao;
import dev.streamscout.store.ViewerSample;
import dev.streamscout.store.ViewerTimeseriesDao;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor's writes to the {@code streamers} and {@code viewer_timeseries} tables. Either table
 * may be absent (null DAO: nothing kept). A failed write is logged and counted, never thrown: the
 * next poll writes again.
 */
final class StreamerRecords {

    /** Logged under the monitor's name, which is what operators filter on. */
    private static final Logger LOG = LoggerFactory.getLogger(StreamMonitor.class);

    private final StreamerDao streamers;
    private final ViewerTimeseriesDao viewers;
    private final AtomicLong errors = new AtomicLong();

    StreamerRecords(StreamerDao streamers, ViewerTimeseriesDao viewers) {
        this.streamers = streamers;
        this.viewers = viewers;
    }

    /** Upserts the stream's {@code streamers} row as online. */
    void live(StreamStatus s, Instant now) {
        store(() -> streamers.upsert(s, true, now), streamers, s.channelId());
    }

    /** One poll's viewer counts, as one batch. */
    void viewerSamples(List<ViewerSample> samples) {
        store(() -> viewers.record(samples), viewers, "viewer samples");
    }

    void offline(String channelId, Instant now) {
        store(() -> streamers.markOffline(channelId, now), streamers, channelId);
    }

    /** Failed writes so far. */
    long errors() {
        return errors.get();
    }

    private void store(Runnable write, Object dao, String what) {
        if (dao == null) {
            return;
        }
        try {
            write.run();
        } catch (RuntimeException e) {
            long n = errors.incrementAndGet();
            LOG.warn("Could not store {} ({} store errors so far): {}", what, n, e.toString());
        }
    }
}
