package dev.streamscout.sim.http;

import dev.streamscout.core.json.Json;
import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimClip;
import dev.streamscout.sim.SimEndpoint;
import dev.streamscout.sim.world.ChannelState;
import dev.streamscout.sim.world.ClipStore;
import dev.streamscout.sim.world.FaultInjector;
import dev.streamscout.sim.world.TokenRegistry;
import dev.streamscout.sim.world.World;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The Helix endpoints StreamScout uses, with Twitch's shapes, status codes, authentication and
 * rate-limit headers: Get Streams, Create Clip, Get Clips, Get Users and Get Videos
 * ({@link VideosEndpoint}).
 */
final class HelixApi {

    private static final int MAX_FILTER_VALUES = 100;

    private final World world;
    private final ClipStore clips;
    private final TokenRegistry tokens;
    private final FaultInjector faults;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    HelixApi(World world, ClipStore clips, TokenRegistry tokens, FaultInjector faults, RateLimiter rateLimiter,
             Clock clock) {
        this.clock = clock;
        this.world = world;
        this.clips = clips;
        this.tokens = tokens;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
    }

    void handle(Exchange exchange) throws IOException {
        String clientId = exchange.header("Client-Id");
        String bearer = bearerToken(exchange.header("Authorization"));
        RateLimiter.Decision bucket = rateLimiter.take((clientId == null ? "" : clientId) + "|"
                + (bearer == null ? "" : bearer));
        long exhaustedUntil = faults.rateLimitExhaustedUntil();
        if (exhaustedUntil > clock.millis()) {
            // A drained bucket (fault injection): empty until the chosen instant, which the reset header names.
            bucket = new RateLimiter.Decision(false, bucket.limit(), 0, (exhaustedUntil + 999) / 1000);
        }
        exchange.addHeader("Ratelimit-Limit", Integer.toString(bucket.limit()));
        exchange.addHeader("Ratelimit-Remaining", Integer.toString(bucket.remaining()));
        exchange.addHeader("Ratelimit-Reset", Long.toString(bucket.resetEpochSeconds()));

        SimEndpoint endpoint = endpoint(exchange);
        if (endpoint == null) {
            if (isKnownPath(exchange.path())) {
                exchange.error(405, "Method " + exchange.method() + " is not allowed on " + exchange.path());
            } else {
                exchange.error(404, "No Helix endpoint at " + exchange.path());
            }
            return;
        }
        faults.applyDelay(endpoint);
        OptionalInt injected = faults.take(endpoint);
        if (injected.isPresent()) {
            exchange.error(injected.getAsInt(), "Injected failure (simulator fault injection)");
            return;
        }
        if (bearer == null) {
            exchange.error(401, "OAuth token is missing");
            return;
        }
        if (clientId == null || clientId.isBlank()) {
            exchange.error(401, "Client ID is missing");
            return;
        }
        Optional<TokenRegistry.TokenInfo> token = tokens.resolve(bearer);
        if (token.isEmpty()) {
            exchange.error(401, "Invalid OAuth token");
            return;
        }
        if (!tokens.acceptsAnyToken() && !token.get().clientId().equals(clientId)) {
            exchange.error(401, "Client ID and OAuth token do not match");
            return;
        }
        if (!bucket.allowed()) {
            exchange.error(429, "Too Many Requests");
            return;
        }
        switch (endpoint) {
            case GET_STREAMS -> getStreams(exchange);
            case CREATE_CLIP -> createClip(exchange, token.get());
            case GET_CLIPS -> getClips(exchange);
            case GET_USERS -> getUsers(exchange, token.get());
            case GET_VIDEOS -> VideosEndpoint.getVideos(exchange, world, clock);
            default -> exchange.error(404, "No Helix endpoint at " + exchange.path());
        }
    }

    private static SimEndpoint endpoint(Exchange exchange) {
        String method = exchange.method();
        return switch (exchange.path()) {
            case "/helix/streams" -> method.equals("GET") ? SimEndpoint.GET_STREAMS : null;
            case "/helix/clips" -> method.equals("GET") ? SimEndpoint.GET_CLIPS
                    : method.equals("POST") ? SimEndpoint.CREATE_CLIP : null;
            case "/helix/users" -> method.equals("GET") ? SimEndpoint.GET_USERS : null;
            case "/helix/videos" -> method.equals("GET") ? SimEndpoint.GET_VIDEOS : null;
            default -> null;
        };
    }

    private static boolean isKnownPath(String path) {
        return path.equals("/helix/streams") || path.equals("/helix/clips") || path.equals("/helix/users")
                || path.equals("/helix/videos");
    }

    private void getStreams(Exchange exchange) throws IOException {
        int first;
        try {
            first = pageSize(exchange.param("first"));
        } catch (IllegalArgumentException e) {
            exchange.error(400, e.getMessage());
            return;
        }
        String type = exchange.param("type");
        if (type != null && !type.equals("all") && !type.equals("live")) {
            exchange.error(400, "The value in the type query parameter is not valid");
            return;
        }
        Set<String> logins = lowerCased(exchange.params("user_login"));
        Set<String> ids = new HashSet<>(exchange.params("user_id"));
        Set<String> games = new HashSet<>(exchange.params("game_id"));
        Set<String> languages = new HashSet<>(exchange.params("language"));
        if (logins.size() + ids.size() > MAX_FILTER_VALUES) {
            exchange.error(400, "The request may specify at most 100 user_id and user_login values");
            return;
        }
        int offset = 0;
        String after = exchange.param("after");
        if (after != null && !after.isEmpty()) {
            Optional<Integer> decoded = decodeCursor(after);
            if (decoded.isEmpty()) {
                exchange.error(400, "Invalid value for the after query parameter");
                return;
            }
            offset = decoded.get();
        }
        List<SimChannel> matching = new ArrayList<>();
        for (SimChannel channel : world.ranking()) {
            if (channel.live()
                    && (logins.isEmpty() && ids.isEmpty() || logins.contains(channel.login()) || ids.contains(channel.id()))
                    && (games.isEmpty() || games.contains(channel.gameId()))
                    && (languages.isEmpty() || languages.contains(channel.language()))) {
                matching.add(channel);
            }
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = offset; i < Math.min(matching.size(), offset + first); i++) {
            data.add(stream(matching.get(i)));
        }
        Map<String, Object> pagination = new LinkedHashMap<>();
        if (offset + first < matching.size()) {
            pagination.put("cursor", encodeCursor(offset + first));
        }
        exchange.json(200, page(data, pagination));
    }

    private void createClip(Exchange exchange, TokenRegistry.TokenInfo token) throws IOException {
        if (!tokens.acceptsAnyToken() && (token.app() || !token.hasScope("clips:edit"))) {
            exchange.error(401, "Missing scope: clips:edit");
            return;
        }
        String broadcasterId = exchange.param("broadcaster_id");
        if (broadcasterId == null || broadcasterId.isBlank()) {
            exchange.error(400, "Missing required parameter \"broadcaster_id\"");
            return;
        }
        double duration = 30.0;
        String durationParam = exchange.param("duration");
        if (durationParam != null && !durationParam.isBlank()) {
            try {
                duration = Double.parseDouble(durationParam);
            } catch (NumberFormatException e) {
                duration = Double.NaN;
            }
            if (!(duration >= 5.0 && duration <= 60.0)) {
                exchange.error(400, "The duration must be between 5 and 60 seconds");
                return;
            }
            duration = Math.round(duration * 10.0) / 10.0;
        }
        Optional<ChannelState> channel = world.byId(broadcasterId);
        if (channel.isEmpty() || !channel.get().live()) {
            exchange.error(404, "Clipping is not possible for an offline channel.");
            return;
        }
        OptionalInt refused = faults.clipFailure(channel.get().login());
        if (refused.isPresent()) {
            exchange.error(refused.getAsInt(), switch (refused.getAsInt()) {
                case 403 -> "The broadcaster has restricted the ability to capture clips to followers and/or "
                        + "subscribers only, or has not enabled clips on their channel.";
                case 404 -> "Clipping is not possible for an offline channel.";
                default -> "Injected failure (simulator fault injection)";
            });
            return;
        }
        String creatorName = token.login() == null ? "" : token.login();
        SimClip clip = clips.create(channel.get(), token.userId() == null ? "" : token.userId(), creatorName,
                exchange.param("title"), duration);
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", clip.id());
        created.put("edit_url", clip.editUrl());
        exchange.json(202, Map.of("data", List.of(created)));
    }

    private void getClips(Exchange exchange) throws IOException {
        List<String> ids = exchange.params("id");
        String broadcasterId = exchange.param("broadcaster_id");
        String gameId = exchange.param("game_id");
        int selectors = (ids.isEmpty() ? 0 : 1) + (broadcasterId == null ? 0 : 1) + (gameId == null ? 0 : 1);
        if (selectors != 1) {
            exchange.error(400, "Exactly one of broadcaster_id, game_id or id is required");
            return;
        }
        if (ids.size() > MAX_FILTER_VALUES) {
            exchange.error(400, "The request may specify at most 100 id values");
            return;
        }
        List<SimClip> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            for (String id : ids) {
                clips.findReady(id).ifPresent(found::add);
            }
        } else {
            int first;
            try {
                first = pageSize(exchange.param("first"));
            } catch (IllegalArgumentException e) {
                exchange.error(400, e.getMessage());
                return;
            }
            List<SimClip> candidates = broadcasterId != null ? clips.readyFor(broadcasterId) : clips.readyForGame(gameId);
            found.addAll(candidates.subList(0, Math.min(first, candidates.size())));
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (SimClip clip : found) {
            data.add(clip(clip));
        }
        exchange.json(200, page(data, new LinkedHashMap<>()));
    }

    private void getUsers(Exchange exchange, TokenRegistry.TokenInfo token) throws IOException {
        List<String> ids = exchange.params("id");
        Set<String> logins = lowerCased(exchange.params("login"));
        if (ids.size() + logins.size() > MAX_FILTER_VALUES) {
            exchange.error(400, "The request exceeded the maximum allowed number of id and/or login query parameters");
            return;
        }
        List<Map<String, Object>> data = new ArrayList<>();
        if (ids.isEmpty() && logins.isEmpty()) {
            if (token.app() || token.login() == null) {
                exchange.error(400, "The id or login query parameter is required unless the request uses a user access token");
                return;
            }
            data.add(user(token.userId(), token.login(), token.login(), "", "Bot account of the simulator"));
        } else {
            for (ChannelState channel : world.channels()) {
                if (ids.contains(channel.id()) || logins.contains(channel.login())) {
                    data.add(user(channel.id(), channel.login(), channel.displayName(),
                            channel.viewers() > 5_000 ? "partner" : "affiliate",
                            "Streaming " + channel.gameName() + " most days."));
                }
            }
        }
        exchange.json(200, Map.of("data", data));
    }

    private static Map<String, Object> stream(SimChannel channel) {
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("id", channel.streamId());
        stream.put("user_id", channel.id());
        stream.put("user_login", channel.login());
        stream.put("user_name", channel.displayName());
        stream.put("game_id", channel.gameId());
        stream.put("game_name", channel.gameName());
        stream.put("type", "live");
        stream.put("title", channel.title());
        stream.put("viewer_count", channel.viewerCount());
        stream.put("started_at", rfc3339(channel.startedAt()));
        stream.put("language", channel.language());
        stream.put("thumbnail_url",
                "https://static-cdn.jtvnw.net/previews-ttv/live_user_" + channel.login() + "-{width}x{height}.jpg");
        stream.put("tag_ids", List.of());
        stream.put("tags", List.of());
        stream.put("is_mature", false);
        return stream;
    }

    private static Map<String, Object> clip(SimClip clip) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", clip.id());
        body.put("url", clip.url());
        body.put("embed_url", clip.embedUrl());
        body.put("broadcaster_id", clip.broadcasterId());
        body.put("broadcaster_name", clip.broadcasterName());
        body.put("creator_id", clip.creatorId());
        body.put("creator_name", clip.creatorName());
        body.put("video_id", "");
        body.put("game_id", clip.gameId());
        body.put("language", clip.language());
        body.put("title", clip.title());
        body.put("view_count", 1);
        body.put("created_at", rfc3339(clip.createdAt()));
        body.put("thumbnail_url", clip.thumbnailUrl());
        body.put("duration", clip.duration());
        body.put("vod_offset", clip.vodOffset());
        body.put("is_featured", false);
        return body;
    }

    private static Map<String, Object> user(String id, String login, String displayName, String broadcasterType,
                                            String description) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("login", login);
        user.put("display_name", displayName);
        user.put("type", "");
        user.put("broadcaster_type", broadcasterType);
        user.put("description", description);
        user.put("profile_image_url", "https://static-cdn.jtvnw.net/jtv_user_pictures/" + login + "-profile_image-300x300.png");
        user.put("offline_image_url", "");
        user.put("view_count", 0);
        user.put("created_at", "2016-12-14T20:32:28Z");
        return user;
    }

    static Map<String, Object> page(List<Map<String, Object>> data, Map<String, Object> pagination) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("pagination", pagination);
        return body;
    }

    /** {@code first}: 1..100, default 20. */
    static int pageSize(String value) {
        if (value == null || value.isEmpty()) {
            return 20;
        }
        try {
            int first = Integer.parseInt(value);
            if (first >= 1 && first <= 100) {
                return first;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("The parameter \"first\" must be an integer between 1 and 100");
    }

    /** Cursors look like Twitch's (base64 JSON) but only carry an offset. */
    static String encodeCursor(int offset) {
        String json = "{\"b\":null,\"a\":{\"Offset\":" + offset + "}}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Integer> decodeCursor(String cursor) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(cursor);
            Object offset = Json.mapper().readTree(json).path("a").path("Offset").numberValue();
            if (offset instanceof Integer value && value >= 0) {
                return Optional.of(value);
            }
        } catch (IllegalArgumentException | IOException e) {
            // not one of ours
        }
        return Optional.empty();
    }

    private static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = value.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private static Set<String> lowerCased(List<String> values) {
        Set<String> result = new HashSet<>();
        for (String value : values) {
            result.add(value.toLowerCase(java.util.Locale.ROOT));
        }
        return result;
    }

    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
