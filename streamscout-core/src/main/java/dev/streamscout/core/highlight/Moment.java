package dev.streamscout.core.highlight;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A moment worth clipping, as a detector reports it, with everything needed to explain why it fired.
 *
 * <p>Times are epoch milliseconds in event time (from {@code tmi-sent-ts}, or the log's timestamps in
 * offline analysis). The identity of a moment is its channel and peak second, so a replay of the same
 * chat yields the same id.
 *
 * <p>The list fields are never null (null becomes an empty list) and hold no nulls, so the record is
 * safe to serialize with Flink's POJO serializer and Jackson alike.
 *
 * @param channelId      broadcaster's user id
 * @param channelLogin   broadcaster's login (may be null when only the id is known)
 * @param startMs        first second of the elevated chat
 * @param peakMs         the second with the highest intensity
 * @param endMs          the second at which the moment was confirmed (chat had dropped back, or the
 *                       detector stopped holding); equals {@code peakMs} when it fired at once
 * @param messageCount   messages in the detection window at the peak
 * @param baselineMean   the channel's baseline the peak was compared with, in the detector's unit
 *                       (messages per window for {@code seed}, messages per second for {@code default})
 * @param baselineStddev the baseline's spread in the same unit (seed); null where the profile has none
 *                       (default)
 * @param intensity      the detector's score at the peak; higher is stronger; comparable within a profile
 * @param profile        which detector profile produced it, e.g. {@code seed} or {@code default}
 * @param rate           messages per second in the detection window at the peak
 * @param uniqueChatters distinct chatters in the explanation window around the peak
 * @param topTokens      the most frequent words around the peak, most frequent first
 * @param topEmotes      the most frequent emotes around the peak, most frequent first
 * @param sampleMessages up to {@value #MAX_SAMPLES} chat lines from around the peak
 * @param causeTags      structured events that happened around the moment, e.g. {@code raid},
 *                       {@code gift_sub_bomb}, {@code announcement}
 * @param type           what kind of moment: {@value #TYPE_CHAT_SPIKE} (default) or {@value #TYPE_VIEWER_DROP}
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
        @JsonProperty("baseline_stddev") Double baselineStddev,
        @JsonProperty("intensity") double intensity,
        @JsonProperty("profile") String profile,
        @JsonProperty("rate") double rate,
        @JsonProperty("unique_chatters") int uniqueChatters,
        @JsonProperty("top_tokens") List<String> topTokens,
        @JsonProperty("top_emotes") List<String> topEmotes,
        @JsonProperty("sample_messages") List<String> sampleMessages,
        @JsonProperty("cause_tags") List<String> causeTags,
        @JsonProperty("type") String type) {

    public static final String TYPE_CHAT_SPIKE = "chat_spike";
    public static final String TYPE_VIEWER_DROP = "viewer_drop";
    /** Most sample messages a moment carries. */
    public static final int MAX_SAMPLES = 5;

    public Moment {
        topTokens = clean(topTokens, Integer.MAX_VALUE);
        topEmotes = clean(topEmotes, Integer.MAX_VALUE);
        sampleMessages = clean(sampleMessages, MAX_SAMPLES);
        causeTags = clean(causeTags, Integer.MAX_VALUE);
        type = type == null || type.isBlank() ? TYPE_CHAT_SPIKE : type;
    }

    /**
     * A chat spike without explanation fields (rate from the window count over its span, no unique
     * chatters, no tokens, samples or causes): what the seed profile and older callers produce.
     */
    public Moment(String channelId, String channelLogin, long startMs, long peakMs, long endMs, int messageCount,
            double baselineMean, Double baselineStddev, double intensity, String profile) {
        this(channelId, channelLogin, startMs, peakMs, endMs, messageCount, baselineMean, baselineStddev, intensity,
                profile, messageCount / (double) Math.max(1L, (endMs - startMs) / 1000L + 1), 0, List.of(), List.of(),
                List.of(), List.of(), TYPE_CHAT_SPIKE);
    }

    /** Stable id: the same channel and peak second always give the same id. */
    @JsonProperty("id")
    public String id() {
        return momentId(channelId, peakMs);
    }

    public static String momentId(String channelId, long peakMs) {
        return channelId + ":" + Math.floorDiv(peakMs, 1000L);
    }

    /** This moment with other cause tags (the rest unchanged). */
    public Moment withCauseTags(List<String> tags) {
        return new Moment(channelId, channelLogin, startMs, peakMs, endMs, messageCount, baselineMean, baselineStddev,
                intensity, profile, rate, uniqueChatters, topTokens, topEmotes, sampleMessages, tags, type);
    }

    private static List<String> clean(List<String> values, int max) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).limit(max).toList();
    }
}
