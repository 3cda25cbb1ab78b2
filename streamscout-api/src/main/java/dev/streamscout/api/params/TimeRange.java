package dev.streamscout.api.params;

import dev.streamscout.api.problem.InvalidParameterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open time range {@code [from, to)} read from the {@code from} and {@code to} query parameters.
 *
 * <p>{@code to} defaults to now and {@code from} to {@code to} minus a default length; {@code from}
 * must be before {@code to}, and the range may be capped in length.
 */
public record TimeRange(Instant from, Instant to) {

    public static final String FROM = "from";
    public static final String TO = "to";

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * @param defaultLength how far {@code from} lies before {@code to} when not given
     * @param maxLengthOrNull the longest range accepted, null for any
     * @throws InvalidParameterException naming {@code from} or {@code to}
     */
    public static TimeRange parse(QueryParameters params, Clock clock, Duration defaultLength,
            Duration maxLengthOrNull) {
        Instant to = params.instant(TO);
        Instant from = params.instant(FROM);
        if (to == null) {
            to = clock.instant();
        }
        if (from == null) {
            from = to.minus(defaultLength);
        }
        if (!from.isBefore(to)) {
            throw new InvalidParameterException(FROM, "from (" + from + ") must be before to (" + to
                    + "); to defaults to now.");
        }
        if (maxLengthOrNull != null && Duration.between(from, to).compareTo(maxLengthOrNull) > 0) {
            throw new InvalidParameterException(FROM, "from (" + from + ") and to (" + to + ") may be at most "
                    + describe(maxLengthOrNull) + " apart.");
        }
        return new TimeRange(from, to);
    }

    private static String describe(Duration d) {
        return d.toDaysPart() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0
                ? d.toDays() + " days"
                : d.toString();
    }
}
