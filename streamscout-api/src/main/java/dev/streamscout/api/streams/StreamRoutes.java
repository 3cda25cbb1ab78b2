package dev.streamscout.api.streams;

import dev.streamscout.api.JsonResponse;
import dev.streamscout.api.channels.ChannelResolver;
import dev.streamscout.api.params.QueryParameters;
import dev.streamscout.store.ChannelIdentity;
import dev.streamscout.store.ChannelQueries;
import dev.streamscout.store.ChatMinuteSummary;
import dev.streamscout.store.ChatSummaryDao;
import dev.streamscout.store.MomentQueries;
import dev.streamscout.store.MomentSearch;
import dev.streamscout.store.MomentWithClip;
import dev.streamscout.store.ViewerSample;
import dev.streamscout.store.ViewerTimeseriesDao;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The stream analytics of seed 004:
 * <ul>
 *   <li>{@code GET /streams[?live=true|false]} — watched channels, live first, then by viewers;</li>
 *   <li>{@code GET /streams/{id}/metrics?from&to&resolution} — chat and viewers over time;</li>
 *   <li>{@code GET /streams/{id}/moments?from&to&limit&min_intensity&type&cursor} — moments with their clips.</li>
 * </ul>
 * {@code {id}} is a channel id or login; an unknown one gives 404.
 */
public final class StreamRoutes {

    public static final String LIST_PATH = "/streams";
    public static final String METRICS_PATH = "/streams/{id}/metrics";
    public static final String MOMENTS_PATH = "/streams/{id}/moments";

    // A 7-day range of minute rows, plus slack for the bucket alignment of "from".
    private static final int MAX_MINUTE_ROWS = 7 * 24 * 60 + 60;

    private final Reads reads;
    private final Clock clock;

    /**
     * The store access the routes need; a server built without them answers 503 on these paths.
     */
    public record Reads(ChannelQueries channels, MomentQueries moments, ChatSummaryDao chatSummaries,
            ViewerTimeseriesDao viewerSamples) {

        public Reads {
            Objects.requireNonNull(channels, "channels");
            Objects.requireNonNull(moments, "moments");
            Objects.requireNonNull(chatSummaries, "chatSummaries");
            Objects.requireNonNull(viewerSamples, "viewerSamples");
        }
    }

    /** @param readsOrNull the store access; null makes every route answer 503 */
    public StreamRoutes(Reads readsOrNull, Clock clock) {
        this.reads = readsOrNull;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void register(RoutesConfig routes) {
        routes.get(LIST_PATH, this::list);
        routes.get(METRICS_PATH, this::metrics);
        routes.get(MOMENTS_PATH, this::moments);
    }

    void list(Context ctx) {
        Reads r = reads();
        Boolean live = new QueryParameters(ctx::queryParam).bool("live");
        List<StreamView> streams = r.channels().streams(live, clock.instant()).stream().map(StreamView::of).toList();
        JsonResponse.write(ctx, 200, new StreamList(streams));
    }

    void metrics(Context ctx) {
        Reads r = reads();
        MetricsQuery query = MetricsQuery.parse(new QueryParameters(ctx::queryParam), clock);
        ChannelIdentity channel = new ChannelResolver(r.channels()).resolve(ctx.pathParam("id"));
        List<ChatMinuteSummary> minutes = r.chatSummaries().findByChannelBetween(channel.channelId(), query.from(),
                query.to(), MAX_MINUTE_ROWS);
        List<ViewerSample> viewers = r.viewerSamples().range(channel.channelId(), query.from(), query.to());
        JsonResponse.write(ctx, 200, MetricsBuckets.build(channel, query, minutes, viewers));
    }

    void moments(Context ctx) {
        Reads r = reads();
        MomentQuery query = MomentQuery.parse(new QueryParameters(ctx::queryParam), clock);
        ChannelIdentity channel = new ChannelResolver(r.channels()).resolve(ctx.pathParam("id"));
        // One row more than asked tells whether another page follows.
        List<MomentWithClip> rows = r.moments().page(query.search(channel.channelId()), query.limit() + 1);
        List<MomentWithClip> page = rows.subList(0, Math.min(rows.size(), query.limit()));
        String next = rows.size() > query.limit()
                ? MomentCursor.encode(MomentSearch.Position.of(page.get(page.size() - 1).moment()))
                : null;
        List<MomentView> views = page.stream().map(m -> MomentView.of(m.moment(), m.clip())).toList();
        JsonResponse.write(ctx, 200, new MomentPage(channel.channelId(), channel.login(), views, next));
    }

    private Reads reads() {
        if (reads == null) {
            throw new ServiceUnavailableResponse("Stream analytics are not configured on this server.");
        }
        return reads;
    }
}
