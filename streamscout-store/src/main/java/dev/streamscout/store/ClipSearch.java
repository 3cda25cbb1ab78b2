package dev.streamscout.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Which clips {@code GET /v1.0/clip} lists: peak in {@code [start, end)}, optionally of one broadcaster
 * and at least {@code minIntensity} strong, strictly after {@code after} in the list's order (peak
 * descending, then moment id descending).
 *
 * @param start        earliest peak (inclusive)
 * @param end          latest peak (exclusive)
 * @param broadcaster  channel id or login (any case), null for every channel
 * @param minIntensity lowest intensity, null for any
 * @param after        the last clip of the previous page, null for the first page
 */
public record ClipSearch(Instant start, Instant end, String broadcaster, Double minIntensity, Position after) {

    public ClipSearch {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /**
     * A place in the list's order.
     *
     * @param peakMs   the clip's peak, epoch ms
     * @param momentId the clip's moment id
     */
    public record Position(long peakMs, String momentId) {
        public Position {
            Objects.requireNonNull(momentId, "momentId");
        }
    }
}
