package dev.streamscout.app.analyze;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.streamscout.core.highlight.Moment;
import java.util.List;

/**
 * One line of {@code analyze} output: where a moment is in its recording, how strong it is, and why.
 *
 * @param source          the chat file's name without folders and extensions
 * @param channel         channel login (or id) the moment belongs to
 * @param peakOffsetS     peak, seconds from the VOD start
 * @param startOffsetS    start of the elevated chat, seconds from the VOD start
 * @param endOffsetS      second the moment was confirmed, seconds from the VOD start
 * @param intensity       the detector's score (higher = stronger)
 * @param peakMs          the peak in the log's own time (epoch ms for logs with real times)
 * @param sourceDurationS seconds from the VOD start to the last message of the source (for detections per hour)
 */
public record DetectionRow(
        @JsonProperty("source") String source,
        @JsonProperty("channel") String channel,
        @JsonProperty("peak_offset_s") long peakOffsetS,
        @JsonProperty("start_offset_s") long startOffsetS,
        @JsonProperty("end_offset_s") long endOffsetS,
        @JsonProperty("intensity") double intensity,
        @JsonProperty("profile") String profile,
        @JsonProperty("type") String type,
        @JsonProperty("rate") double rate,
        @JsonProperty("baseline") double baseline,
        @JsonProperty("message_count") int messageCount,
        @JsonProperty("unique_chatters") int uniqueChatters,
        @JsonProperty("top_tokens") List<String> topTokens,
        @JsonProperty("top_emotes") List<String> topEmotes,
        @JsonProperty("cause_tags") List<String> causeTags,
        @JsonProperty("sample_messages") List<String> sampleMessages,
        @JsonProperty("peak_ms") long peakMs,
        @JsonProperty("source_duration_s") long sourceDurationS) {

    /** CSV header, in column order. */
    public static final List<String> COLUMNS = List.of("source", "channel", "peak_offset_s", "start_offset_s",
            "end_offset_s", "intensity", "profile", "type", "rate", "baseline", "message_count", "unique_chatters",
            "top_tokens", "top_emotes", "cause_tags", "sample_messages", "peak_ms", "source_duration_s");

    static DetectionRow of(String source, Moment m, long vodStartMs, long sourceDurationS) {
        return new DetectionRow(source, m.channelLogin() != null ? m.channelLogin() : m.channelId(),
                offset(m.peakMs(), vodStartMs), offset(m.startMs(), vodStartMs), offset(m.endMs(), vodStartMs),
                m.intensity(), m.profile(), m.type(), m.rate(), m.baselineMean(), m.messageCount(), m.uniqueChatters(),
                m.topTokens(), m.topEmotes(), m.causeTags(), m.sampleMessages(), m.peakMs(), sourceDurationS);
    }

    private static long offset(long ms, long vodStartMs) {
        return Math.floorDiv(ms - vodStartMs, 1000L);
    }
}
