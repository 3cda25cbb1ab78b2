package dev.streamscout.api.streams;

import dev.streamscout.api.params.QueryParameters;
import dev.streamscout.api.params.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The validated parameters of {@code GET /streams/{id}/metrics}.
 *
 * <p>{@code resolution} is {@code 1m} (default), {@code 5m}, {@code 15m} or {@code 1h}; the range
 * defaults to the last hour and may span at most 7 days. {@code from} is rounded down to a multiple
 * of the resolution, so buckets start on whole minutes, quarter hours or hours.
 *
 * @param from              first bucket's start (inclusive, aligned)
 * @param to                end of the range (exclusive)
 * @param resolutionSeconds bucket length
 */
public record MetricsQuery(Instant from, Instant to, int resolutionSeconds) {

    public static final String RESOLUTION = "resolution";
    public static final List<String> RESOLUTIONS = List.of("1m", "5m", "15m", "1h");
    public static final Duration DEFAULT_RANGE = Duration.ofHours(1);
    public static final Duration MAX_RANGE = Duration.ofDays(7);

    public static MetricsQuery parse(QueryParameters params, Clock clock) {
        String resolution = params.oneOf(RESOLUTION, RESOLUTIONS, "1m");
        TimeRange range = TimeRange.parse(params, clock, DEFAULT_RANGE, MAX_RANGE);
        int seconds = switch (resolution) {
            case "5m" -> 300;
            case "15m" -> 900;
            case "1h" -> 3600;
            default -> 60;
        };
        long from = Math.floorDiv(range.from().getEpochSecond(), seconds) * seconds;
        return new MetricsQuery(Instant.ofEpochSecond(from), range.to(), seconds);
    }
}
