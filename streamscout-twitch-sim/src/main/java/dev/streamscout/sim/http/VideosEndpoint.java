package dev.streamscout.sim.http;

import dev.streamscout.sim.world.ChannelState;
import dev.streamscout.sim.world.World;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Get Videos ({@code GET /helix/videos}) over the synthetic world. Every stream a channel starts is
 * recorded as one archive video (see {@link ChannelState#archiveVideoId()}); only the newest archive
 * of each channel is kept, as if older VODs had expired, and there are no highlights or uploads.
 * Exactly one of {@code id}, {@code user_id} or {@code game_id} selects, like on Twitch.
 */
final class VideosEndpoint {

    private VideosEndpoint() {}

    static void getVideos(Exchange exchange, World world, Clock clock) throws IOException {
        List<String> ids = exchange.params("id");
        String userId = exchange.param("user_id");
        String gameId = exchange.param("game_id");
        int selectors = (ids.isEmpty() ? 0 : 1) + (userId == null ? 0 : 1) + (gameId == null ? 0 : 1);
        if (selectors != 1) {
            exchange.error(400, "Exactly one of id, user_id or game_id is required");
            return;
        }
        if (ids.size() > 100) {
            exchange.error(400, "The request may specify at most 100 id values");
            return;
        }
        int first;
        try {
            first = HelixApi.pageSize(exchange.param("first"));
        } catch (IllegalArgumentException e) {
            exchange.error(400, e.getMessage());
            return;
        }
        String type = exchange.param("type") == null ? "all" : exchange.param("type");
        if (!List.of("all", "archive", "highlight", "upload").contains(type)) {
            exchange.error(400, "The value in the type query parameter is not valid");
            return;
        }
        List<Map<String, Object>> data = new ArrayList<>();
        boolean archives = type.equals("all") || type.equals("archive");
        for (ChannelState channel : world.channels()) {
            if (data.size() >= first || !archives) {
                break;
            }
            boolean selected = ids.isEmpty() ? channel.id().equals(userId) || channel.gameId().equals(gameId)
                    : ids.contains(channel.archiveVideoId());
            if (selected) {
                data.add(archive(channel, clock));
            }
        }
        exchange.json(200, HelixApi.page(data, new LinkedHashMap<>()));
    }

    private static Map<String, Object> archive(ChannelState channel, Clock clock) {
        Instant started = channel.startedAt();
        Duration recorded = Duration.between(started, clock.instant());
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("id", channel.archiveVideoId());
        video.put("stream_id", channel.streamId());
        video.put("user_id", channel.id());
        video.put("user_login", channel.login());
        video.put("user_name", channel.displayName());
        video.put("title", channel.title());
        video.put("description", "");
        video.put("created_at", HelixApi.rfc3339(started));
        video.put("published_at", HelixApi.rfc3339(started));
        video.put("url", "https://www.twitch.tv/videos/" + channel.archiveVideoId());
        video.put("thumbnail_url", "");
        video.put("viewable", "public");
        video.put("view_count", 0);
        video.put("language", channel.language());
        video.put("type", "archive");
        video.put("duration", twitchDuration(recorded.isNegative() ? Duration.ZERO : recorded));
        video.put("muted_segments", null);
        return video;
    }

    /** Twitch writes video lengths like {@code 3h8m33s}. */
    static String twitchDuration(Duration d) {
        long h = d.toHours();
        int m = d.toMinutesPart();
        int s = d.toSecondsPart();
        return (h > 0 ? h + "h" : "") + (h > 0 || m > 0 ? m + "m" : "") + s + "s";
    }
}
