package dev.streamscout.api.clips;

import dev.streamscout.api.JsonResponse;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.ClipSearch;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /v1.0/clip}: clips by peak time (seed plan's endpoint name), optionally of one broadcaster and
 * at least {@code min_intensity} strong, in pages linked by {@code cursor}/{@code next_cursor}.
 */
public final class ClipRoutes {

    public static final String PATH = "/v1.0/clip";

    private final ClipDao clips;
    private final Clock clock;

    public ClipRoutes(ClipDao clips, Clock clock) {
        this.clips = Objects.requireNonNull(clips, "clips");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
    }

    void list(Context ctx) {
        ClipQuery query = ClipQuery.parse(ctx::queryParam, clock);
        // One row more than asked tells whether another page follows.
        List<Clip> rows = clips.page(query.search(), query.limit() + 1);
        List<Clip> page = rows.subList(0, Math.min(rows.size(), query.limit()));
        String next = rows.size() > query.limit()
                ? ClipCursor.encode(new ClipSearch.Position(page.get(page.size() - 1).peakMs(),
                        page.get(page.size() - 1).momentId()))
                : null;
        JsonResponse.write(ctx, 200, ClipPage.of(page.stream().map(ClipView::of).toList(), next));
    }
}
