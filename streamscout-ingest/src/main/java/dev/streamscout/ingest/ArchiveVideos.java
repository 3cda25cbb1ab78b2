package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamStatus;
import java.util.Optional;

/**
 * Where a live stream's archive video (its VOD) is found: Helix Get Videos in production
 * ({@link HelixArchiveVideos}). The monitor asks once when a channel goes online and puts the id on
 * the ONLINE lifecycle event, so that the job can link moments to their place in the VOD.
 *
 * <p>May throw a {@link RuntimeException} when Twitch cannot be asked; the monitor counts it and goes
 * online without a video id.
 */
public interface ArchiveVideos {

    /** @return the id of the video recording this stream, or empty when it has none (VODs switched off) */
    Optional<String> archiveVideoId(StreamStatus stream);
}
