package dev.streamscout.api.params;

import dev.streamscout.api.problem.InvalidParameterException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Reads typed query parameters and turns every unusable value into an {@link InvalidParameterException}
 * (400, naming the parameter and the accepted form). A blank value counts as absent.
 *
 * <p>Times follow {@code GET /v1.0/clip}: ISO-8601 date-times with an offset, or without one read as
 * UTC; a space where an offset's {@code +} should be is read as {@code +} (an unencoded {@code +}
 * decodes to a space).
 */
public final class QueryParameters {

    public static final String TIME_FORM = "an ISO-8601 date-time such as 2026-01-11T12:00:00Z or"
            + " 2026-01-11T14:00:00+02:00 (without an offset it is read as UTC)";
    // Keeps every accepted time storable in PostgreSQL and H2 alike.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final int ECHO_LIMIT = 64;

    private final UnaryOperator<String> source;

    /** @param source returns a parameter's value, or null when absent (e.g. {@code ctx::queryParam}) */
    public QueryParameters(UnaryOperator<String> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The stripped value, or null when absent or blank. */
    public String text(String name) {
        String raw = source.apply(name);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** An instant, or null when absent. */
    public Instant instant(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        Instant instant;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(raw.replace(' ', '+'),
                    ZonedDateTime::from, LocalDateTime::from);
            instant = parsed instanceof ZonedDateTime zoned
                    ? zoned.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new InvalidParameterException(name, name + " must be " + TIME_FORM + ", got '" + echo(raw) + "'.");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidParameterException(name, name + " must lie between years 1 and 9999, got '"
                    + echo(raw) + "'.");
        }
        return instant;
    }

    /** An integer in {@code [min, max]}, or {@code defaultValue} when absent. */
    public int integer(String name, int min, int max, int defaultValue) {
        String raw = text(name);
        if (raw == null) {
            return defaultValue;
        }
        String form = name + " must be an integer from " + min + " to " + max + " (default " + defaultValue + ")";
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, form + ", got '" + echo(raw) + "'.");
        }
        if (value < min || value > max) {
            throw new InvalidParameterException(name, form + ", got " + value + ".");
        }
        return value;
    }

    /** A finite decimal number, or null when absent. */
    public Double decimal(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        String form = name + " must be a decimal number such as 2.5";
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, form + ", got '" + echo(raw) + "'.");
        }
        // Double.parseDouble also takes "NaN", "Infinity" and hex floats; only plain finite numbers mean anything here.
        if (!Double.isFinite(value) || !raw.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new InvalidParameterException(name, form + ", got '" + echo(raw) + "'.");
        }
        return value;
    }

    /** {@code true} or {@code false} (any letter case), or null when absent. */
    public Boolean bool(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidParameterException(name, name + " must be true or false, got '"
                    + echo(raw) + "'.");
        };
    }

    /** One of {@code allowed} (exact spelling), or {@code defaultValue} when absent. */
    public String oneOf(String name, List<String> allowed, String defaultValue) {
        String raw = text(name);
        if (raw == null) {
            return defaultValue;
        }
        if (!allowed.contains(raw)) {
            throw new InvalidParameterException(name, name + " must be one of " + String.join(", ", allowed)
                    + (defaultValue == null ? "" : " (default " + defaultValue + ")") + ", got '" + echo(raw) + "'.");
        }
        return raw;
    }

    /** Quotes at most a short prefix of the client's input back to it. */
    public static String echo(String raw) {
        return raw.length() <= ECHO_LIMIT ? raw : raw.substring(0, ECHO_LIMIT) + "...";
    }
}
