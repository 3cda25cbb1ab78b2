package dev.streamscout.twitch.helix;

import static dev.streamscout.twitch.helix.HelixQuery.batches;
import static dev.streamscout.twitch.helix.HelixQuery.encode;
import static dev.streamscout.twitch.helix.HelixQuery.normalizedLogins;
import static dev.streamscout.twitch.helix.HelixQuery.requireNonBlank;

import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.twitch.auth.RenewableToken;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Helix calls StreamScout needs (Get Streams, Get Users, Get Videos, Create Clip, Get Clips), on
 * the JDK HTTP client.
 *
 * <p>Every request carries {@code Authorization: Bearer <token>} and {@code Client-Id}. The token
 * supplier is asked on every attempt so that a refreshed token is picked up at once; it should
 * return a cached value. Failures are {@link HelixException}s: a non-2xx status (with Twitch's error
 * body and, for 429, the reset time), a body that is not the documented JSON, or no response at all
 * ({@link HelixException#NO_RESPONSE}).
 *
 * <p>What the client retries by itself is set by its {@link HelixRetryPolicy}: with
 * {@link HelixRetryPolicy#standard()} it honours the {@code Ratelimit-*} headers (an empty bucket
 * delays the next request until {@code Ratelimit-Reset}, a 429 waits for the reset and tries again,
 * at most 60 s in all), retries a 503 once and, when the token is a {@link RenewableToken} (such as
 * {@link dev.streamscout.twitch.auth.AppTokenProvider}), renews it after a 401 and tries once more.
 * The constructors without a policy use {@link HelixRetryPolicy#none()}, for callers that run their
 * own retry schedule (the clip maker). Create Clip's rate-limit bucket is tracked apart from the
 * general one, as Twitch keeps it apart.
 *
 * <p>The {@code *Async} methods never block the caller (the Flink job calls them from async I/O):
 * waits are scheduled, not slept. Their futures fail with the {@link HelixException} itself, not
 * wrapped. The blocking methods run the same state machine and wait for it.
 *
 * <p>Thread-safe.
 */
public final class HelixClient {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Helix's page size limit for list endpoints. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Helix accepts at most this many {@code user_login}/{@code login}/{@code id} values per request. */
    public static final int MAX_FILTER_VALUES = 100;
    /** Pages followed for one batch of filters before giving up: guards against a cursor that never ends. */
    static final int MAX_PAGES_PER_BATCH = 50;

    private final String base;
    private final String clientId;
    private final Supplier<String> bearerToken;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final HelixRetryPolicy policy;
    private final Executor executor;
    private final Clock clock = Clock.systemUTC();
    private final RateLimitBucket generalBucket = new RateLimitBucket();
    private final RateLimitBucket createClipBucket = new RateLimitBucket();

    /**
     * @param helixBase      e.g. {@code https://api.twitch.tv/helix} or {@code http://127.0.0.1:PORT/helix}
     * @param clientId       the application's client id, sent as {@code Client-Id}
     * @param bearerToken    app or user access token (an {@code oauth:} prefix is tolerated and removed);
     *                       a {@link RenewableToken} is renewed after a 401 when the policy allows
     * @param http           shared JDK client; its executor (or the common pool) runs retries
     * @param requestTimeout per-request timeout (connect + response headers + body)
     * @param policy         what the client retries by itself
     */
    public HelixClient(URI helixBase, String clientId, Supplier<String> bearerToken, HttpClient http,
            Duration requestTimeout, HelixRetryPolicy policy) {
        String b = Objects.requireNonNull(helixBase, "helixBase").toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.clientId = requireNonBlank(clientId, "clientId");
        this.bearerToken = Objects.requireNonNull(bearerToken, "bearerToken");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
        this.executor = http.executor().orElse(ForkJoinPool.commonPool());
    }

    /** With {@link HelixRetryPolicy#none()}: every response is reported as it came. */
    public HelixClient(URI helixBase, String clientId, Supplier<String> bearerToken, HttpClient http,
            Duration requestTimeout) {
        this(helixBase, clientId, bearerToken, http, requestTimeout, HelixRetryPolicy.none());
    }

    /** With {@link #DEFAULT_REQUEST_TIMEOUT} and {@link HelixRetryPolicy#none()}. */
    public HelixClient(URI helixBase, String clientId, Supplier<String> bearerToken, HttpClient http) {
        this(helixBase, clientId, bearerToken, http, DEFAULT_REQUEST_TIMEOUT);
    }

    /** Creates its own HTTP client (connect timeout 10 s); {@link HelixRetryPolicy#none()}. */
    public HelixClient(URI helixBase, String clientId, Supplier<String> bearerToken) {
        this(helixBase, clientId, bearerToken,
                HttpClient.newBuilder().connectTimeout(DEFAULT_REQUEST_TIMEOUT).build());
    }

    public HelixRetryPolicy retryPolicy() {
        return policy;
    }

    /** {@code Ratelimit-Remaining} of the general bucket as last reported, or -1 before any response. */
    public int rateLimitRemaining() {
        return generalBucket.remaining();
    }

    // ---- Get Streams ------------------------------------------------------------------------

    /**
     * One page of live streams ordered by viewer count.
     *
     * @param first             page size, 1..100
     * @param afterCursorOrNull cursor from the previous page, or {@code null} for the first page
     */
    public StreamsPage getStreams(int first, String afterCursorOrNull) {
        return await(getStreamsAsync(first, afterCursorOrNull));
    }

    /** Non-blocking {@link #getStreams(int, String)}. */
    public CompletableFuture<StreamsPage> getStreamsAsync(int first, String afterCursorOrNull) {
        String pathAndQuery;
        try {
            pathAndQuery = streamsQuery(first, afterCursorOrNull, List.of());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return get(pathAndQuery, HelixJson::streamsPage);
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

    /**
     * Which of these channels are live now, by viewers descending within each request. Logins are
     * lower-cased, a leading {@code #} is dropped and duplicates are asked once; they go out as
     * repeated {@code user_login} filters, {@value #MAX_FILTER_VALUES} per request, each batch with
     * {@code first=100} and its cursor followed. Channels that are offline (or do not exist) are
     * simply absent.
     */
    public List<StreamStatus> getStreamsByLogins(Collection<String> logins) {
        return await(getStreamsByLoginsAsync(logins));
    }

    /** Non-blocking {@link #getStreamsByLogins(Collection)}; batches are requested one after another. */
    public CompletableFuture<List<StreamStatus>> getStreamsByLoginsAsync(Collection<String> logins) {
        List<List<String>> batches;
        try {
            batches = batches(normalizedLogins(logins));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<StreamStatus> found = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (List<String> batch : batches) {
            chain = chain.thenCompose(ignored -> streamsOfBatch(batch, null, 0, found));
        }
        return chain.thenApply(ignored -> List.copyOf(found));
    }

    private CompletableFuture<Void> streamsOfBatch(List<String> logins, String cursor, int pages,
            List<StreamStatus> found) {
        return get(streamsQuery(MAX_PAGE_SIZE, cursor, logins), HelixJson::streamsPage).thenCompose(page -> {
            found.addAll(page.streams());
            boolean more = page.cursor() != null && !page.streams().isEmpty() && !page.cursor().equals(cursor)
                    && pages + 1 < MAX_PAGES_PER_BATCH;
            return more ? streamsOfBatch(logins, page.cursor(), pages + 1, found)
                    : CompletableFuture.completedFuture(null);
        });
    }

    private static String streamsQuery(int first, String after, List<String> logins) {
        if (first < 1 || first > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("first must be 1.." + MAX_PAGE_SIZE + ": " + first);
        }
        StringBuilder query = new StringBuilder("/streams?first=").append(first);
        for (String login : logins) {
            query.append("&user_login=").append(encode(login));
        }
        if (after != null && !after.isEmpty()) {
            query.append("&after=").append(encode(after));
        }
        return query.toString();
    }

    // ---- Get Users --------------------------------------------------------------------------

    /**
     * The accounts with these logins (normalised like {@link #getStreamsByLogins(Collection)}),
     * {@value #MAX_FILTER_VALUES} per request; unknown logins are absent from the result.
     */
    public List<HelixUser> getUsersByLogins(Collection<String> logins) {
        return await(getUsersByLoginsAsync(logins));
    }

    /** Non-blocking {@link #getUsersByLogins(Collection)}. */
    public CompletableFuture<List<HelixUser>> getUsersByLoginsAsync(Collection<String> logins) {
        try {
            return users("login", batches(normalizedLogins(logins)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The accounts with these user ids, {@value #MAX_FILTER_VALUES} per request; unknown ids are absent. */
    public List<HelixUser> getUsersByIds(Collection<String> ids) {
        return await(getUsersByIdsAsync(ids));
    }

    /** Non-blocking {@link #getUsersByIds(Collection)}. */
    public CompletableFuture<List<HelixUser>> getUsersByIdsAsync(Collection<String> ids) {
        try {
            Set<String> unique = new LinkedHashSet<>();
            for (String id : Objects.requireNonNull(ids, "ids")) {
                if (id != null && !id.isBlank()) {
                    unique.add(id.trim());
                }
            }
            return users("id", batches(List.copyOf(unique)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<List<HelixUser>> users(String parameter, List<List<String>> batches) {
        List<HelixUser> found = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (List<String> batch : batches) {
            StringBuilder query = new StringBuilder("/users?");
            for (int i = 0; i < batch.size(); i++) {
                query.append(i == 0 ? "" : "&").append(parameter).append('=').append(encode(batch.get(i)));
            }
            chain = chain.thenCompose(ignored -> get(query.toString(), HelixJson::users)).thenAccept(found::addAll);
        }
        return chain.thenApply(ignored -> List.copyOf(found));
    }

    // ---- Get Videos -------------------------------------------------------------------------

    /**
     * The channel's most recent archive video (the VOD Twitch records of a broadcast), or empty when
     * it has none (VODs switched off, or none kept): {@code GET /videos?user_id=&type=archive&first=1}.
     * While a channel is live its newest archive is normally the one being recorded.
     */
    public Optional<HelixVideo> getLatestArchive(String userId) {
        return await(getLatestArchiveAsync(userId));
    }

    /** Non-blocking {@link #getLatestArchive(String)}. */
    public CompletableFuture<Optional<HelixVideo>> getLatestArchiveAsync(String userId) {
        String pathAndQuery;
        try {
            pathAndQuery = "/videos?user_id=" + encode(requireNonBlank(userId, "userId")) + "&type=archive&first=1";
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return get(pathAndQuery, HelixJson::firstVideo);
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
        // Arguments are checked here so that a bad one is an IllegalArgumentException, not a failed call.
        String pathAndQuery = createClipQuery(broadcasterId, titleOrNull, durationSecondsOrNull);
        return await(call("POST", pathAndQuery, createClipBucket, HelixJson::createdClip));
    }

    /** Non-blocking {@link #createClip(String, String, Integer)}. */
    public CompletableFuture<CreatedClip> createClipAsync(String broadcasterId, String titleOrNull,
            Integer durationSecondsOrNull) {
        String pathAndQuery;
        try {
            pathAndQuery = createClipQuery(broadcasterId, titleOrNull, durationSecondsOrNull);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return call("POST", pathAndQuery, createClipBucket, HelixJson::createdClip);
    }

    private static String createClipQuery(String broadcasterId, String title, Integer duration) {
        StringBuilder query = new StringBuilder("/clips?broadcaster_id=")
                .append(encode(requireNonBlank(broadcasterId, "broadcasterId")));
        if (title != null && !title.isBlank()) {
            query.append("&title=").append(encode(title));
        }
        if (duration != null) {
            if (duration < 5 || duration > 60) {
                throw new IllegalArgumentException("clip duration must be 5..60 seconds: " + duration);
            }
            query.append("&duration=").append(duration);
        }
        return query.toString();
    }

    // ---- Get Clips --------------------------------------------------------------------------

    /** The clip with this id, or empty while Twitch is still processing it (or it failed). */
    public Optional<HelixClip> getClip(String clipId) {
        String pathAndQuery = "/clips?id=" + encode(requireNonBlank(clipId, "clipId"));
        return await(get(pathAndQuery, HelixJson::firstClip));
    }

    /** Non-blocking {@link #getClip(String)}. */
    public CompletableFuture<Optional<HelixClip>> getClipAsync(String clipId) {
        String pathAndQuery;
        try {
            pathAndQuery = "/clips?id=" + encode(requireNonBlank(clipId, "clipId"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return get(pathAndQuery, HelixJson::firstClip);
    }

    // ---- plumbing ---------------------------------------------------------------------------

    private <T> CompletableFuture<T> get(String pathAndQuery, Function<String, T> parser) {
        return call("GET", pathAndQuery, generalBucket, parser);
    }

    private <T> CompletableFuture<T> call(String method, String pathAndQuery, RateLimitBucket bucket,
            Function<String, T> parser) {
        URI uri = URI.create(base + pathAndQuery);
        Function<String, HttpRequest> requestForToken = token -> request(method, uri, token);
        return new HelixCall<>(http, executor, clock, bearerToken, requestForToken, parser, bucket, policy).start();
    }

    private HttpRequest request(String method, URI uri, String rawToken) {
        if (rawToken == null || rawToken.isBlank()) {
            throw new HelixException("no Helix access token available (check TWITCH_CLIENT_ID/SECRET or the token file)",
                    401, null, null, null);
        }
        String token = rawToken.startsWith("oauth:") ? rawToken.substring("oauth:".length()) : rawToken;
        return HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Client-Id", clientId)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
    }

    /** Waits for a call; its {@link HelixException} (or other runtime failure) is thrown unwrapped. */
    private static <T> T await(CompletableFuture<T> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(false);
            throw new HelixException("interrupted while waiting for Helix", HelixException.NO_RESPONSE, null, null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new HelixException("Helix call failed: " + cause, HelixException.NO_RESPONSE, null, null, cause);
        }
    }
}
