package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamStatus;
import java.util.List;

/** The most-watched live streams right now; Helix Get Streams in production ({@code helix::getTopStreams}). */
@FunctionalInterface
public interface TopStreamsSource {

    /**
     * @param limit how many streams at most
     * @return live streams ordered by viewers, most first
     * @throws RuntimeException when Twitch cannot be asked; the monitor counts it and tries again next poll
     */
    List<StreamStatus> topStreams(int limit);
}
