package dev.streamscout.core.highlight;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A moment where chat erupted, as the detector reports it.
 *
 * <p>Times are epoch milliseconds in event time (from {@code tmi-sent-ts}). The identity of a
 * moment is its channel and peak second, so a replay of the same chat yields the same id.
 *
 * @param channelId      broadcaster's user id
 * @param channelLogin   broadcaster's login (may be null when only the id is known)
 * @param startMs        first second of the elevated chat
 * @param peakMs         the second with the highest activity
 * @param endMs          last second of the elevated chat (equals {@code peakMs} when fired at once)
 * @param messageCount   messages in the detection window at the peak
 * @param baselineMean   the baseline mean the window was compared with
 * @param baselineStddev the baseline standard deviation
 * @param intensity      how far above the baseline, in standard deviations
 * @param profile        which detector profile produced it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Moment(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("channel") String channelLogin,
        @JsonProperty("start_ms") long startMs,
        @JsonProperty("peak_ms") long peakMs,
        @JsonProperty("end_ms") long endMs,
        @JsonProperty("message_count") int messageCount,
        @JsonProperty("baseline_mean") double baselineMean,
        @JsonProperty("baseline_stddev") double baselineStddev,
        @JsonProperty("intensity") double intensity,
        @JsonProperty("profile") String profile) {

    /** Stable id: the same channel and peak second always give the same id. */
    @JsonProperty("id")
    public String id() {
        return momentId(channelId, peakMs);
    }

    public static String momentId(String channelId, long peakMs) {
        return channelId + ":" + Math.floorDiv(peakMs, 1000L);
    }
}
