package dev.streamscout.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A watched channel with the two activity figures the stream list shows beside its state.
 *
 * @param streamer               the channel's row in {@code streamers}
 * @param chatMessagesLastMinute messages in the channel's newest summarised minute, when that minute began
 *                               at most {@link ChannelQueries#RECENT_MINUTE} ago; 0 otherwise
 * @param lastMomentAt           peak of the channel's newest stored moment, null when it has none
 */
public record StreamOverview(Streamer streamer, int chatMessagesLastMinute, Instant lastMomentAt) {

    public StreamOverview {
        Objects.requireNonNull(streamer, "streamer");
    }
}
