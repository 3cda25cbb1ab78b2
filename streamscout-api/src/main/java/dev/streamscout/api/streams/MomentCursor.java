package dev.streamscout.api.streams;

import dev.streamscout.api.problem.InvalidParameterException;
import dev.streamscout.store.MomentSearch;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of moment pages: the position (peak, id) of the last moment of the previous
 * page, as URL-safe Base64 of {@code m1:<peak epoch ms>:<id>}. Clients pass back what they were given;
 * the prefix lets a later format be told apart.
 */
public final class MomentCursor {

    static final String PARAMETER = "cursor";
    private static final String PREFIX = "m1:";
    private static final int MAX_LENGTH = 512;
    // Years 1 to 9999, as for every other time parameter: beyond them the databases cannot bind it.
    private static final long EARLIEST_MS = -62_135_596_800_000L;
    private static final long LATEST_MS = 253_402_300_799_999L;

    private MomentCursor() {}

    public static String encode(MomentSearch.Position position) {
        String plain = PREFIX + position.peakMs() + ":" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidParameterException naming {@code cursor} when it is not one this server issued */
    public static MomentSearch.Position decode(String cursor) {
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
            return new MomentSearch.Position(peakMs, rest.substring(colon + 1));
        } catch (IllegalArgumentException e) { // bad Base64 or a bad number
            throw invalid();
        }
    }

    private static InvalidParameterException invalid() {
        return new InvalidParameterException(PARAMETER, "cursor must be the next_cursor of a previous page,"
                + " passed back unchanged.");
    }
}
