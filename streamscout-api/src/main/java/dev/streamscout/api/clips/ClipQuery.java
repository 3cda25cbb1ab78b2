package dev.streamscout.api.clips;

import dev.streamscout.api.params.QueryParameters;
import dev.streamscout.api.problem.InvalidParameterException;
import dev.streamscout.store.ClipSearch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The validated parameters of {@code GET /v1.0/clip}: clips whose peak lies in {@code [start, end)}.
 *
 * <p>Defaults: {@code end} = now, {@code start} = {@code end} − 24 h, {@code limit} = 20 (1 to 100).
 * Times are ISO-8601 date-times with an offset ({@code 2026-01-11T12:00:00Z},
 * {@code 2026-01-11T14:00:00+02:00}); one without offset is read as UTC. A space where the offset's
 * {@code +} should be is taken as {@code +}, since an unencoded {@code +} in a query string decodes
 * to a space.
 *
 * <p>Optional filters: {@code broadcaster} (a channel id or login, any case), {@code min_intensity} (a
 * number, at least 0) and {@code cursor} (the {@code next_cursor} of the previous page).
 */
public record ClipQuery(Instant start, Instant end, int limit, String broadcaster, Double minIntensity,
        ClipSearch.Position after) {

    /** Without filters: the seed's three parameters. */
    public ClipQuery(Instant start, Instant end, int limit) {
        this(start, end, limit, null, null, null);
    }

    /** The store search these parameters describe. */
    public ClipSearch search() {
        return new ClipSearch(start, end, broadcaster, minIntensity, after);
    }

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final Duration DEFAULT_RANGE = Duration.ofHours(24);

    // Ids and logins share one column width (VARCHAR(64)) in the store.
    private static final Pattern BROADCASTER = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /**
     * Reads and validates the parameters.
     *
     * @param param returns a query parameter's value, or null when absent
     * @param clock supplies "now" for the default end
     * @throws InvalidParameterException naming the first bad parameter and the accepted form
     */
    public static ClipQuery parse(UnaryOperator<String> param, Clock clock) {
        QueryParameters params = new QueryParameters(param);
        int limit = parseLimit(param.apply("limit"));
        Instant end = params.instant("end");
        Instant start = params.instant("start");
        if (end == null) {
            end = clock.instant();
        }
        if (start == null) {
            start = end.minus(DEFAULT_RANGE);
        }
        if (!start.isBefore(end)) {
            throw new InvalidParameterException("start",
                    "start (" + start + ") must be before end (" + end + "); end defaults to now.");
        }
        String broadcaster = parseBroadcaster(params.text("broadcaster"));
        Double minIntensity = params.decimal("min_intensity");
        if (minIntensity != null && minIntensity < 0) {
            throw new InvalidParameterException("min_intensity",
                    "min_intensity must be a number of at least 0, got " + minIntensity + ".");
        }
        String cursor = params.text(ClipCursor.PARAMETER);
        return new ClipQuery(start, end, limit, broadcaster, minIntensity,
                cursor == null ? null : ClipCursor.decode(cursor));
    }

    /** Twitch ids are digits and logins letters, digits and underscores (at most 25); anything else is a typo. */
    private static String parseBroadcaster(String raw) {
        if (raw == null) {
            return null;
        }
        if (!BROADCASTER.matcher(raw).matches()) {
            throw new InvalidParameterException("broadcaster", "broadcaster must be a channel id (digits) or"
                    + " login (letters, digits, _; at most 64 characters), got '" + QueryParameters.echo(raw) + "'.");
        }
        return raw;
    }

    private static int parseLimit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        String form = "limit must be an integer from 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")";
        int limit;
        try {
            limit = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("limit", form + ", got '" + QueryParameters.echo(raw) + "'.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameterException("limit", form + ", got " + limit + ".");
        }
        return limit;
    }
}
