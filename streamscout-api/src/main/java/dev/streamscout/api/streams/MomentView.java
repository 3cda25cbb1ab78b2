package dev.streamscout.api.streams;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.streamscout.store.ClipOutcome;
import dev.streamscout.store.StoredMoment;
import java.time.Instant;
import java.util.List;

/**
 * A moment as {@code GET /streams/{id}/moments} shows it (and the live feed's {@code moment_peak}
 * event): what happened, why the detector flagged it, and what became of its clip.
 */
public record MomentView(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("start") Instant start,
        @JsonProperty("peak") Instant peak,
        @JsonProperty("end") Instant end,
        @JsonProperty("intensity") double intensity,
        @JsonProperty("baseline_mean") double baselineMean,
        @JsonProperty("baseline_stddev") Double baselineStddev,
        @JsonProperty("rate") double rate,
        @JsonProperty("message_count") int messageCount,
        @JsonProperty("unique_chatters") int uniqueChatters,
        @JsonProperty("top_tokens") List<String> topTokens,
        @JsonProperty("top_emotes") List<String> topEmotes,
        @JsonProperty("sample_messages") List<SampleMessage> sampleMessages,
        @JsonProperty("cause_tags") List<String> causeTags,
        @JsonProperty("profile") String profile,
        @JsonProperty("vod_url") String vodUrl,
        @JsonProperty("vod_offset_seconds") Long vodOffsetSeconds,
        @JsonProperty("clip") ClipSummaryView clip) {

    /** @param clip the moment's clip outcome, null when none is stored */
    public static MomentView of(StoredMoment m, ClipOutcome clip) {
        return new MomentView(m.id(), m.type(), Instant.ofEpochMilli(m.startMs()), Instant.ofEpochMilli(m.peakMs()),
                Instant.ofEpochMilli(m.endMs()), m.intensity(), m.baselineMean(), m.baselineStddev(), m.rate(),
                m.messageCount(), m.uniqueChatters(), m.topTokens(), m.topEmotes(),
                m.sampleMessages().stream().map(SampleMessage::parse).toList(), m.causeTags(), m.profile(),
                m.vodUrl(), m.vodOffsetSeconds(), ClipSummaryView.of(clip));
    }
}
