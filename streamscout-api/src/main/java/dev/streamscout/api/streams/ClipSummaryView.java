package dev.streamscout.api.streams;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.streamscout.store.ClipOutcome;

/** The clip outcome shown with a moment; see {@code GET /v1.0/clip} for the fields. */
public record ClipSummaryView(
        @JsonProperty("status") String status,
        @JsonProperty("clip_id") String clipId,
        @JsonProperty("url") String url,
        @JsonProperty("edit_url") String editUrl,
        @JsonProperty("failure_reason") String failureReason) {

    /** Null in, null out: a moment without a stored clip outcome shows {@code "clip": null}. */
    public static ClipSummaryView of(ClipOutcome clip) {
        return clip == null ? null : new ClipSummaryView(clip.status().name(), clip.clipId(), clip.url(),
                clip.editUrl(), clip.failureReason());
    }
}
