package dev.streamscout.job.detect;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.detect.CauseTags;
import java.util.Objects;
import java.util.Optional;

/**
 * A structured chat event reduced to what the spike detector needs: which channel, when, and the
 * cause tag it puts on moments around it. The job carries this instead of the whole {@link ChatEvent}
 * (whose free-form attribute map Flink could only serialize generically).
 *
 * @param channelId the channel (room id), the key
 * @param timestamp {@code tmi-sent-ts} of the event, milliseconds since the epoch
 * @param tag       one of the {@link CauseTags} constants
 */
public record CauseEvent(String channelId, long timestamp, String tag) {

    public CauseEvent {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(tag, "tag");
    }

    /** The cause carried by {@code event}, or empty if the event does not explain spikes (a single sub, bits). */
    public static Optional<CauseEvent> of(ChatEvent event) {
        if (event == null || event.channelId() == null) {
            return Optional.empty();
        }
        return CauseTags.of(event).map(tag -> new CauseEvent(event.channelId(), event.timestamp(), tag));
    }
}
