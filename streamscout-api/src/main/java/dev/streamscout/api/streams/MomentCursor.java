package dev.streamscout.api.streams;

import dev.streamscout.api.params.PeakCursor;
import dev.streamscout.store.MomentSearch;

/**
 * The opaque {@code cursor} of moment pages: the position (peak, id) of the last moment of the previous
 * page, as a {@link PeakCursor} with the prefix {@code m1:}.
 */
public final class MomentCursor {

    static final String PARAMETER = PeakCursor.PARAMETER;
    private static final PeakCursor FORMAT = new PeakCursor("m1:");

    private MomentCursor() {}

    public static String encode(MomentSearch.Position position) {
        return FORMAT.encode(position.peakMs(), position.id());
    }

    /** @throws dev.streamscout.api.problem.InvalidParameterException naming {@code cursor} when it is not one this list issued */
    public static MomentSearch.Position decode(String cursor) {
        PeakCursor.Position position = FORMAT.decode(cursor);
        return new MomentSearch.Position(position.peakMs(), position.id());
    }
}
