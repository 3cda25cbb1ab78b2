package dev.streamscout.api.clips;

import dev.streamscout.api.params.PeakCursor;
import dev.streamscout.store.ClipSearch;

/**
 * The opaque {@code cursor} of {@code GET /v1.0/clip}: the position (peak, moment id) of the last clip of
 * the previous page, as a {@link PeakCursor} with its own prefix {@code c1:}, so that a moment cursor
 * is refused here and the other way round.
 */
public final class ClipCursor {

    static final String PARAMETER = PeakCursor.PARAMETER;
    private static final PeakCursor FORMAT = new PeakCursor("c1:");

    private ClipCursor() {}

    public static String encode(ClipSearch.Position position) {
        return FORMAT.encode(position.peakMs(), position.momentId());
    }

    /** @throws dev.streamscout.api.problem.InvalidParameterException naming {@code cursor} when it is not one this list issued */
    public static ClipSearch.Position decode(String cursor) {
        PeakCursor.Position position = FORMAT.decode(cursor);
        return new ClipSearch.Position(position.peakMs(), position.id());
    }
}
