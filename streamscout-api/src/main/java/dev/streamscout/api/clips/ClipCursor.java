package dev.streamscout.api.clips;

import dev.streamscout.api.problem.InvalidParameterException;
import dev.streamscout.store.ClipSearch;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of {@code GET /v1.0/clip}: the position (peak, moment id) of the last clip of
 * the previous page, as URL-safe Base64 of {@code c1:<peak epoch ms>:<moment id>} (the moment cursor's
 * style, with its own prefix so that one list's cursor is refused by the other).
 */
public final class ClipCursor {

    static final String PARAMETER = "cursor";
    private static final String PREFIX = "c1:";
    private static final int MAX_LENGTH = 512;
    // Years 1 to 9999, as for every other time parameter: beyond them the databases cannot bind it.
    private static final long EARLIEST_MS = -62_135_596_800_000L;
    private static final long LATEST_MS = 253_402_300_799_999L;

    private ClipCursor() {}

    public static String encode(ClipSearch.Position position) {
        String plain = PREFIX + position.peakMs() + ":" + position.momentId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidParameterException naming {@code cursor} when it is not one this server issued */
    public static ClipSearch.Position decode(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!plain.startsWith(PREFIX)) {
                throw invalid();
            }
            String rest = plain.substring(PREFIX.length());
            int colon = rest.indexOf(':');
            if (colon < 1 || colon == rest.length() - 1) {
                throw invalid();
            }
            long peakMs = Long.parseLong(rest.substring(0, colon));
            if (peakMs < EARLIEST_MS || peakMs > LATEST_MS) {
                throw invalid();
            }
            return new ClipSearch.Position(peakMs, rest.substring(colon + 1));
        } catch (IllegalArgumentException e) { // bad Base64 or a bad number
            throw invalid();
        }
    }

    private static InvalidParameterException invalid() {
        return new InvalidParameterException(PARAMETER, "cursor must be the next_cursor of a previous page,"
                + " passed back unchanged.");
    }
}
