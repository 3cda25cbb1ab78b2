package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamStatus;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive video of each online stream, for the monitor's lifecycle events. Looked up when a
 * channel goes online; a lookup that failed (Twitch unreachable, an error status) is tried again at
 * the next polls until it gets an answer, while "this stream has no archive" is an answer and is
 * kept. A failure never holds anything up: it is logged, counted ({@link #lookupErrors()}) and the
 * event goes out without a video id.
 */
final class ArchiveVideoTracker {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveVideoTracker.class);

    /** An answer from Twitch: the video id, or {@code null} for none. */
    private record Answer(String videoId) {}

    private final ArchiveVideos videos;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong lookupErrors = new AtomicLong();

    /** @param videos where to look, or {@code null} to never look (events carry no video id) */
    ArchiveVideoTracker(ArchiveVideos videos) {
        this.videos = videos;
    }

    /** The channel went online: asks for its archive, forgetting what was known of an earlier stream. */
    String wentOnline(StreamStatus stream) {
        answers.remove(stream.channelId());
        return videoIdOf(stream);
    }

    /** Still online: the known video id, or another try when the last lookup failed. */
    String stillOnline(StreamStatus stream) {
        Answer known = answers.get(stream.channelId());
        return known != null ? known.videoId() : videoIdOf(stream);
    }

    void wentOffline(String channelId) {
        answers.remove(channelId);
    }

    private String videoIdOf(StreamStatus stream) {
        if (videos == null) {
            return null;
        }
        lookups.incrementAndGet();
        try {
            Optional<String> id = videos.archiveVideoId(stream);
            answers.put(stream.channelId(), new Answer(id.orElse(null)));
            return id.orElse(null);
        } catch (RuntimeException e) {
            long n = lookupErrors.incrementAndGet();
            LOG.warn("Get Videos for {} ({}) failed ({} errors so far); its moments get no VOD link until a later"
                    + " poll finds the video: {}", stream.login(), stream.channelId(), n, e.toString());
            return null;
        }
    }

    /** Get Videos calls made. */
    long lookups() {
        return lookups.get();
    }

    /** Get Videos calls that failed ({@code twitch_video_lookup_errors_total}). */
    long lookupErrors() {
        return lookupErrors.get();
    }
}
