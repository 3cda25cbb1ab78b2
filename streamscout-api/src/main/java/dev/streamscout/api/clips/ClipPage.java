package dev.streamscout.api.clips;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code GET /v1.0/clip}: the clips, newest peak first, and how many there are. */
public record ClipPage(@JsonProperty("data") List<ClipView> data, @JsonProperty("count") int count) {

    public static ClipPage of(List<ClipView> data) {
        return new ClipPage(List.copyOf(data), data.size());
    }
}
