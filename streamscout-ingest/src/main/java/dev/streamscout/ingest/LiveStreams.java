package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamStatus;
import java.util.Collection;
import java.util.List;

/**
 * Which streams are live: Helix Get Streams in production ({@link HelixLiveStreams}).
 *
 * <p>Both methods throw a {@link RuntimeException} when Twitch cannot be asked; the monitor counts
 * it ({@code twitch_api_errors_total}) and tries again on the next poll.
 */
public interface LiveStreams {

    /**
     * @param limit how many streams at most
     * @return live streams ordered by viewers, most first
     */
    List<StreamStatus> topStreams(int limit);

    /**
     * @param logins channel logins (any number; asked for in batches of 100)
     * @return the live ones among them, in no particular order; an offline login is simply absent
     */
    List<StreamStatus> streamsByLogin(Collection<String> logins);
}
