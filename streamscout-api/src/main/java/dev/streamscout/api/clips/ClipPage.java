package dev.streamscout.api.clips;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code GET /v1.0/clip}: the clips, newest peak first, how many there are on this page, and the
 * cursor of the next page ({@code null} on the last; always present, so clients can test for it).
 */
public record ClipPage(@JsonProperty("data") List<ClipView> data, @JsonProperty("count") int count,
        @JsonProperty("next_cursor") String nextCursor) {

    public static ClipPage of(List<ClipView> data) {
        return of(data, null);
    }

    public static ClipPage of(List<ClipView> data, String nextCursor) {
        return new ClipPage(List.copyOf(data), data.size(), nextCursor);
    }
}
