package dev.streamscout.sim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A scripted stretch during which one channel's chat rate is multiplied and its messages turn
 * emote-heavy. These are the ground truth that detected moments are evaluated against.
 *
 * @param channelId    broadcaster user id
 * @param channelLogin broadcaster login
 * @param start        first instant of the moment (inclusive)
 * @param end          last instant of the moment (exclusive)
 * @param multiplier   factor applied to the channel's normal chat rate
 */
public record HypeMoment(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("channel") String channelLogin,
        @JsonProperty("start") Instant start,
        @JsonProperty("end") Instant end,
        @JsonProperty("multiplier") double multiplier) {

    public HypeMoment {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(channelLogin, "channelLogin");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start: " + start + " .. " + end);
        }
        if (!(multiplier > 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be positive: " + multiplier);
        }
    }

    /** Whether {@code instant} falls inside {@code [start, end)}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    @JsonIgnore
    public Duration duration() {
        return Duration.between(start, end);
    }
}
