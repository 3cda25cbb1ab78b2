package dev.streamscout.twitch.helix;

import dev.streamscout.core.stream.StreamStatus;
import java.util.List;
import java.util.Optional;

/**
 * One page of Get Streams.
 *
 * @param streams live streams on this page, ordered by viewer count (descending)
 * @param cursor  the {@code after} cursor for the next page, or {@code null} on the last page
 */
public record StreamsPage(List<StreamStatus> streams, String cursor) {

    public StreamsPage {
        streams = List.copyOf(streams);
        cursor = cursor == null || cursor.isEmpty() ? null : cursor;
    }

    public Optional<String> nextCursor() {
        return Optional.ofNullable(cursor);
    }
}
