package dev.streamscout.api.clips;

import dev.streamscout.api.JsonResponse;
import dev.streamscout.store.ClipDao;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;

/** {@code GET /v1.0/clip}: clips by peak time (seed plan's endpoint name). */
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
        var views = clips.findByPeakBetween(query.start(), query.end(), query.limit()).stream()
                .map(ClipView::of)
                .toList();
        JsonResponse.write(ctx, 200, ClipPage.of(views));
    }
}
