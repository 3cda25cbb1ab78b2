package dev.streamscout.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Which of a channel's moments to list: peak in {@code [from, to)}, optionally at least as intense as
 * {@code minIntensity} and of one {@code type}, and strictly older (in the list's order) than
 * {@code after}, the last moment of the previous page.
 *
 * @param channelId    broadcaster's user id
 * @param from         earliest peak (inclusive)
 * @param to           latest peak (exclusive)
 * @param minIntensity lowest intensity, null for any
 * @param type         {@link StoredMoment#CHAT_SPIKE} or {@link StoredMoment#VIEWER_DROP}, null for any
 * @param after        resume after this position, null for the first page
 */
public record MomentSearch(String channelId, Instant from, Instant to, Double minIntensity, String type,
        Position after) {

    public MomentSearch {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** The first page of a channel's moments in {@code [from, to)}, with no other filter. */
    public static MomentSearch of(String channelId, Instant from, Instant to) {
        return new MomentSearch(channelId, from, to, null, null, null);
    }

    /**
     * A place in the list's order (peak descending, then id descending).
     *
     * @param peakMs the moment's peak, epoch ms
     * @param id     the moment's id
     */
    public record Position(long peakMs, String id) {

        public Position {
            Objects.requireNonNull(id, "id");
        }

        public static Position of(StoredMoment m) {
            return new Position(m.peakMs(), m.id());
        }
    }
}
