package dev.streamscout.twitch.helix;

import dev.streamscout.core.stream.StreamStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four Helix calls StreamScout needs (Get Streams, Create Clip, Get Clips), on the JDK HTTP
 * client.
 *
 * <p>Every request carries {@code Authorization: Bearer <token>} and {@code Client-Id}. The token
 * supplier is asked on every request so that a refreshed token is picked up at once; it runs on the
 * calling thread and should return a cached value. Failures are {@link HelixException}s: a non-2xx
 * status (with Twitch's error body and, for 429, the reset time), a body that is not the documented
 * JSON, or no response at all ({@link HelixException#NO_RESPONSE}).
 *
 * <p>The {@code *Async} methods never block the caller (the Flink job calls them from async I/O);
 * their futures fail with the {@link HelixException} itself, not wrapped.
 *
 * <p>Thread-safe.
 */
public final class HelixClient {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Helix's page size limit for list endpoints. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(HelixClient.class);

    private final String base;
    private final String clientId;
    private final Supplier<String> bearerToken;
    private final HttpClient http;
    private final Duration requestTimeout;

    /**
     * @param helixBase      e.g. {@code https://api.twitch.tv/helix} or {@code http://127.0.0.1:PORT/helix}
     * @param clientId       the application's client id, sent as {@code Client-Id}
     * @param bearerToken    app or user access token (an {@code oauth:} prefix is tolerated and removed)
     * @param http           shared JDK client
     * @param requestTimeout per-request timeout (connect + response headers + body)
     */
    public HelixClient(URI helixBase, String clientId, Supplier<String> bearerToken, HttpClient http,
            Duration requestTimeout) {
        String b = Objects.requireNonNull(helixBase, "helixBase").toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.clientId = requireNonBlank(clientId, "clientId");
        this.bearerToken = Objects.requireNonNull(bearerToken, "bearerToken");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
    }

    public HelixClient(URI helixBase, String clientId, Supplier<String> bearerToken, HttpClient http) {
        this(helixBase, clientId, bearerToken, http, DEFAULT_REQUEST_TIMEOUT);
    }

    /** Creates its own HTTP client (connect timeout 10 s). */
    public HelixClient(URI helixBase, String clientId, Supplier<String> bearerToken) {
        this(helixBase, clientId, bearerToken,
                HttpClient.newBuilder().connectTimeout(DEFAULT_REQUEST_TIMEOUT).build());
    }

    // ---- Get Streams ------------------------------------------------------------------------

    /**
     * One page of live streams ordered by viewer count.
     *
     * @param first             page size, 1..100
     * @param afterCursorOrNull cursor from the previous page, or {@code null} for the first page
     */
    public StreamsPage getStreams(int first, String afterCursorOrNull) {
        return send(streamsRequest(first, afterCursorOrNull), HelixJson::streamsPage);
    }

    /** Non-blocking {@link #getStreams(int, String)}. */
    public CompletableFuture<StreamsPage> getStreamsAsync(int first, String afterCursorOrNull) {
        return sendAsync(() -> streamsRequest(first, afterCursorOrNull), HelixJson::streamsPage);
    }

    /**
     * The {@code limit} most-watched live streams, following cursors until {@code limit} streams are
     * collected or Twitch reports the last page. Pages are requested with
     * {@code first = min(100, limit)}.
     */
    public List<StreamStatus> getTopStreams(int limit) {
        List<StreamStatus> result = new ArrayList<>();
        if (limit <= 0) {
            return result;
        }
        int pageSize = Math.min(MAX_PAGE_SIZE, limit);
        String cursor = null;
        while (result.size() < limit) {
            StreamsPage page = getStreams(pageSize, cursor);
            for (StreamStatus s : page.streams()) {
                if (result.size() == limit) {
                    break;
                }
                result.add(s);
            }
            // An empty page or a repeated cursor would otherwise loop forever.
            if (page.cursor() == null || page.streams().isEmpty() || page.cursor().equals(cursor)) {
                break;
            }
            cursor = page.cursor();
        }
        return result;
    }

    private HttpRequest streamsRequest(int first, String after) {
        if (first < 1 || first > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("first must be 1.." + MAX_PAGE_SIZE + ": " + first);
        }
        StringBuilder query = new StringBuilder("first=").append(first);
        if (after != null && !after.isEmpty()) {
            query.append("&after=").append(encode(after));
        }
        return request("/streams?" + query).GET().build();
    }

    // ---- Create Clip ------------------------------------------------------------------------

    /**
     * Starts a clip of the last seconds of a live broadcast (Twitch answers 202; the clip is
     * published asynchronously, see {@link #getClip(String)}). Needs a user token with
     * {@code clips:edit}. 404 = not live, 403 = clips disabled/restricted.
     *
     * @param titleOrNull           clip title, or {@code null} for Twitch's default
     * @param durationSecondsOrNull 5..60, or {@code null} for Twitch's default (30)
     */
    public CreatedClip createClip(String broadcasterId, String titleOrNull, Integer durationSecondsOrNull) {
        return send(createClipRequest(broadcasterId, titleOrNull, durationSecondsOrNull), HelixJson::createdClip);
    }

    /** Non-blocking {@link #createClip(String, String, Integer)}. */
    public CompletableFuture<CreatedClip> createClipAsync(String broadcasterId, String titleOrNull,
            Integer durationSecondsOrNull) {
        return sendAsync(() -> createClipRequest(broadcasterId, titleOrNull, durationSecondsOrNull),
                HelixJson::createdClip);
    }

    private HttpRequest createClipRequest(String broadcasterId, String title, Integer duration) {
        StringBuilder query = new StringBuilder("broadcaster_id=").append(encode(requireNonBlank(broadcasterId, "broadcasterId")));
        if (title != null && !title.isBlank()) {
            query.append("&title=").append(encode(title));
        }
        if (duration != null) {
            if (duration < 5 || duration > 60) {
                throw new IllegalArgumentException("clip duration must be 5..60 seconds: " + duration);
            }
            query.append("&duration=").append(duration);
        }
        return request("/clips?" + query).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    // ---- Get Clips --------------------------------------------------------------------------

    /** The clip with this id, or empty while Twitch is still processing it (or it failed). */
    public Optional<HelixClip> getClip(String clipId) {
        return send(getClipRequest(clipId), HelixJson::firstClip);
    }

    /** Non-blocking {@link #getClip(String)}. */
    public CompletableFuture<Optional<HelixClip>> getClipAsync(String clipId) {
        return sendAsync(() -> getClipRequest(clipId), HelixJson::firstClip);
    }

    private HttpRequest getClipRequest(String clipId) {
        return request("/clips?id=" + encode(requireNonBlank(clipId, "clipId"))).GET().build();
    }

    // ---- plumbing ---------------------------------------------------------------------------

    private HttpRequest.Builder request(String pathAndQuery) {
        String token = bearerToken.get();
        if (token == null || token.isBlank()) {
            throw new HelixException("no Helix access token available (check TWITCH_CLIENT_ID/SECRET or the token file)",
                    401, null, null, null);
        }
        if (token.startsWith("oauth:")) {
            token = token.substring("oauth:".length());
        }
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Client-Id", clientId)
                .header("Accept", "application/json");
    }

    private <T> T send(HttpRequest request, Function<String, T> parser) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw noResponse(request, e);
        } catch (IOException e) {
            throw noResponse(request, e);
        }
        return handle(request, response, parser);
    }

    private <T> CompletableFuture<T> sendAsync(Supplier<HttpRequest> requestFactory, Function<String, T> parser) {
        CompletableFuture<T> result = new CompletableFuture<>();
        HttpRequest request;
        try {
            request = requestFactory.get();
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, error) -> {
                    try {
                        if (error != null) {
                            Throwable cause = error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause() : error;
                            throw noResponse(request, cause);
                        }
                        result.complete(handle(request, response, parser));
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                });
        return result;
    }

    private <T> T handle(HttpRequest request, HttpResponse<String> response, Function<String, T> parser) {
        int status = response.statusCode();
        String what = describe(request);
        LOG.debug("Helix {} -> {}", what, status);
        if (status / 100 != 2) {
            HelixErrorBody body = HelixJson.errorBodyOrNull(response.body());
            Long reset = status == 429 ? rateLimitReset(response) : null;
            String detail = body == null ? "body: " + preview(response.body())
                    : (body.error() + (body.message().isEmpty() ? "" : ": " + body.message()));
            throw new HelixException("Helix " + what + " failed with HTTP " + status + " (" + detail + ")",
                    status, body, reset, null);
        }
        try {
            return parser.apply(response.body());
        } catch (HelixJson.MalformedBodyException e) {
            throw new HelixException("Helix " + what + " answered HTTP " + status + " with a malformed body: "
                    + e.getMessage() + "; body starts: " + preview(response.body()), status, null, null, e);
        }
    }

    private static Long rateLimitReset(HttpResponse<?> response) {
        // Header names are case-insensitive in the JDK client.
        Optional<String> value = response.headers().firstValue("Ratelimit-Reset");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value.get().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static HelixException noResponse(HttpRequest request, Throwable cause) {
        String kind = cause instanceof HttpTimeoutException ? "timed out" : "got no response";
        return new HelixException("Helix " + describe(request) + " " + kind + ": " + cause,
                HelixException.NO_RESPONSE, null, null, cause);
    }

    private static String describe(HttpRequest request) {
        URI uri = request.uri();
        return request.method() + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String preview(String body) {
        if (body == null || body.isEmpty()) {
            return "<empty>";
        }
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
