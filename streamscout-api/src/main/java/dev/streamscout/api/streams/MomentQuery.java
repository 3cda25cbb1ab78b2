package dev.streamscout.api.streams;

import dev.streamscout.api.params.QueryParameters;
import dev.streamscout.api.params.TimeRange;
import dev.streamscout.store.MomentSearch;
import dev.streamscout.store.StoredMoment;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The validated parameters of {@code GET /streams/{id}/moments}: moments whose peak lies in
 * {@code [from, to)} (default: the last 7 days), at most {@code limit} (1 to 100, default 20) a page,
 * optionally at least {@code min_intensity} strong and of one {@code type}, resuming after {@code cursor}.
 */
public record MomentQuery(TimeRange range, int limit, Double minIntensity, String type,
        MomentSearch.Position after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    public static final List<String> TYPES = List.of(StoredMoment.CHAT_SPIKE, StoredMoment.VIEWER_DROP);

    public static MomentQuery parse(QueryParameters params, Clock clock) {
        int limit = params.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        Double minIntensity = params.decimal("min_intensity");
        String type = params.oneOf("type", TYPES, null);
        String cursor = params.text(MomentCursor.PARAMETER);
        MomentSearch.Position after = cursor == null ? null : MomentCursor.decode(cursor);
        TimeRange range = TimeRange.parse(params, clock, DEFAULT_RANGE, null);
        return new MomentQuery(range, limit, minIntensity, type, after);
    }

    /** The store search for one channel. */
    public MomentSearch search(String channelId) {
        return new MomentSearch(channelId, range.from(), range.to(), minIntensity, type, after);
    }
}
