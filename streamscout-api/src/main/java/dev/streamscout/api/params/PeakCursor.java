package dev.streamscout.api.params;

import dev.streamscout.api.problem.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque keyset cursor over rows ordered by (peak, id): URL-safe Base64 of
 * {@code <prefix><peak epoch ms>:<id>}. Each list has its own prefix, so one list's cursor is refused
 * by another and a later format can be told apart. Clients pass back what they were given.
 */
public final class PeakCursor {

    /** The query parameter every paged list reads its cursor from. */
    public static final String PARAMETER = "cursor";
    private static final int MAX_LENGTH = 512;
    // Years 1 to 9999, as for every other time parameter: beyond them the databases cannot bind it.
    private static final long EARLIEST_MS = -62_135_596_800_000L;
    private static final long LATEST_MS = 253_402_300_799_999L;

    /** A decoded position: the last row of the previous page. */
    public record Position(long peakMs, String id) {}

    private final String prefix;

    /** @param prefix this list's format tag, e.g. {@code "m1:"} */
    public PeakCursor(String prefix) {
        this.prefix = prefix;
    }

    public String encode(long peakMs, String id) {
        String plain = prefix + peakMs + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidParameterException naming {@code cursor} when it is not one this list issued */
    public Position decode(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!plain.startsWith(prefix)) {
                throw invalid();
            }
            String rest = plain.substring(prefix.length());
            int colon = rest.indexOf(':');
            if (colon < 1 || colon == rest.length() - 1) {
                throw invalid();
            }
            long peakMs = Long.parseLong(rest.substring(0, colon));
            if (peakMs < EARLIEST_MS || peakMs > LATEST_MS) {
                throw invalid();
            }
            return new Position(peakMs, rest.substring(colon + 1));
        } catch (IllegalArgumentException e) { // bad Base64 or a bad number
            throw invalid();
        }
    }

    private static InvalidParameterException invalid() {
        return new InvalidParameterException(PARAMETER, "cursor must be the next_cursor of a previous page,"
                + " passed back unchanged.");
    }
}
