package dev.streamscout.api.channels;

import dev.streamscout.api.JsonResponse;
import dev.streamscout.api.params.QueryParameters;
import dev.streamscout.api.params.TimeRange;
import dev.streamscout.core.json.Json;
import dev.streamscout.store.ChannelIdentity;
import dev.streamscout.store.ChannelQueries;
import dev.streamscout.store.ChatWindowCount;
import dev.streamscout.store.RawChatDao;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/channels/{id}/stats}: chat messages of a channel in the current 10-minute window
 * (seed 003); {@code GET /api/channels/{id}/messages}: its archived raw chat.
 *
 * <p>The window is {@code [floor(now / 600 s) * 600 s, + 600 s)}, the same tumbling windows as the job's
 * {@code channel-stats} topic. The count is summed from {@code chat_summary_minute}, which the job
 * writes when a minute closes, so it lags the chat by up to a minute plus the watermark delay.
 */
public final class ChannelRoutes {

    public static final String STATS_PATH = "/api/channels/{id}/stats";
    public static final String MESSAGES_PATH = "/api/channels/{id}/messages";
    public static final int MAX_MESSAGES = 1000;
    public static final int DEFAULT_MESSAGES = 100;
    static final String NDJSON = "application/x-ndjson";
    public static final long WINDOW_SECONDS = 600;

    private final ChannelQueries channels;
    private final RawChatDao rawChat;
    private final Clock clock;

    /**
     * @param channels the store's channel queries; null makes the routes answer 503
     * @param rawChat  the raw chat archive; null makes {@value #MESSAGES_PATH} answer 503
     */
    public ChannelRoutes(ChannelQueries channels, RawChatDao rawChat, Clock clock) {
        this.channels = channels;
        this.rawChat = rawChat;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void register(RoutesConfig routes) {
        routes.get(STATS_PATH, this::stats);
        routes.get(MESSAGES_PATH, this::messages);
    }

    /**
     * Archived messages of a channel sent in {@code [from, to)} (default the last hour), oldest first, at
     * most {@code limit} (1 to 1000, default 100); {@code format=ndjson} streams one JSON object a line.
     */
    void messages(Context ctx) {
        if (channels == null || rawChat == null) {
            throw new ServiceUnavailableResponse("The raw chat archive is not configured on this server.");
        }
        QueryParameters params = new QueryParameters(ctx::queryParam);
        int limit = params.integer("limit", 1, MAX_MESSAGES, DEFAULT_MESSAGES);
        String format = params.oneOf("format", List.of("json", "ndjson"), "json");
        TimeRange range = TimeRange.parse(params, clock, Duration.ofHours(1), null);
        ChannelIdentity channel = new ChannelResolver(channels).resolve(ctx.pathParam("id"));
        List<ArchivedMessageView> views = rawChat.find(channel.channelId(), range.from(), range.to(), limit).stream()
                .map(ArchivedMessageView::of)
                .toList();
        if (format.equals("ndjson")) {
            StringBuilder lines = new StringBuilder();
            views.forEach(v -> lines.append(Json.toString(v)).append('\n'));
            ctx.status(200).contentType(NDJSON).result(lines.toString());
            return;
        }
        JsonResponse.write(ctx, 200, new ArchivedMessages(channel.channelId(), channel.login(), views, views.size()));
    }

    void stats(Context ctx) {
        if (channels == null) {
            throw new ServiceUnavailableResponse("Channel statistics are not configured on this server.");
        }
        ChannelIdentity channel = new ChannelResolver(channels).resolve(ctx.pathParam("id"));
        long start = Math.floorDiv(clock.instant().getEpochSecond(), WINDOW_SECONDS) * WINDOW_SECONDS;
        long end = start + WINDOW_SECONDS;
        ChatWindowCount count = channels.chatMessagesBetween(channel.channelId(), Instant.ofEpochSecond(start),
                Instant.ofEpochSecond(end));
        Long lastUpdated = count.lastMinuteEndsAt() == null ? null : count.lastMinuteEndsAt().getEpochSecond();
        JsonResponse.write(ctx, 200, new ChannelStatsView(channel.channelId(), count.messageCount(),
                new StatsWindow(start, end, WINDOW_SECONDS), lastUpdated));
    }
}
