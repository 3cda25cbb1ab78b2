package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.twitch.helix.HelixClient;
import dev.streamscout.twitch.helix.HelixVideo;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ArchiveVideos} over Helix Get Videos: the channel's newest archive, taken only when it was
 * created within {@link #START_TOLERANCE} of the stream's start. A channel that stopped saving VODs
 * still lists the archives of earlier streams; linking a moment into one of those would point at
 * the wrong broadcast, so such an answer counts as "no video".
 */
public final class HelixArchiveVideos implements ArchiveVideos {

    /** Twitch creates the archive as the broadcast starts; seconds to a few minutes apart in practice. */
    static final Duration START_TOLERANCE = Duration.ofMinutes(10);

    private final HelixClient helix;

    public HelixArchiveVideos(HelixClient helix) {
        this.helix = Objects.requireNonNull(helix, "helix");
    }

    @Override
    public Optional<String> archiveVideoId(StreamStatus stream) {
        return helix.getLatestArchive(stream.channelId())
                .filter(video -> sameBroadcast(video, stream.startedAt()))
                .map(HelixVideo::id);
    }

    static boolean sameBroadcast(HelixVideo video, Instant streamStartedAt) {
        if (video.createdAt() == null || streamStartedAt == null) {
            return false; // no way to tell which broadcast it recorded
        }
        return Duration.between(streamStartedAt, video.createdAt()).abs().compareTo(START_TOLERANCE) <= 0;
    }
}
