package dev.streamscout.store;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.stream.StreamStatus;
import java.time.Duration;
import java.time.Instant;

/** Named instants and tiny builders so tests read like the scenario. */
final class StoreFixtures {

    static final Instant NOON = Instant.parse("2026-01-11T12:00:00Z");
    static final Instant ONE_MINUTE_LATER = NOON.plus(Duration.ofMinutes(1));
    static final Instant TWO_MINUTES_LATER = NOON.plus(Duration.ofMinutes(2));
    static final Instant ONE_HOUR_LATER = NOON.plus(Duration.ofHours(1));
    static final Instant STREAM_START = NOON.minus(Duration.ofHours(3));

    private StoreFixtures() {}

    /** A created clip of a moment peaking at {@code peak} (with milliseconds, to check precision). */
    static Clip clip(String channelId, Instant peak) {
        long peakMs = peak.toEpochMilli();
        String momentId = Moment.momentId(channelId, peakMs);
        String clipId = "Clip" + channelId + peak.getEpochSecond();
        return new Clip(momentId, clipId, channelId, "login_" + channelId, peakMs, peakMs + 1_234,
                "https://clips.twitch.tv/" + clipId, "https://clips.twitch.tv/" + clipId + "/edit",
                "Hype at " + peak, 4.75, 87, ClipStatus.CREATED, null);
    }

    /** A moment that could not be clipped: most optional columns are null. */
    static Clip failedClip(String channelId, Instant peak) {
        long peakMs = peak.toEpochMilli();
        return new Clip(Moment.momentId(channelId, peakMs), null, channelId, null, peakMs, peakMs + 5,
                null, null, "title", 2.5, 12, ClipStatus.FAILED, "403 Forbidden: clips are disabled");
    }

    static StreamStatus stream(String channelId, int viewers) {
        return new StreamStatus(channelId, "login_" + channelId, "Name " + channelId, viewers,
                STREAM_START, "Title of " + channelId, "Just Chatting");
    }
}
