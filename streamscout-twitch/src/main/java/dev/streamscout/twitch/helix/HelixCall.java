package dev.streamscout.twitch.helix;

import dev.streamscout.twitch.auth.RenewableToken;
import dev.streamscout.twitch.auth.Redact;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Helix request and the retries {@link HelixRetryPolicy} allows, as a small state machine
 * driven by response callbacks and delayed tasks: nothing here sleeps or blocks the caller. Delays
 * use the JDK's shared delay scheduler and then run on the HTTP client's executor, so a client
 * being shut down fails the call instead of leaving it hanging.
 */
final class HelixCall<T> {

    /** A 429 whose reset is missing or already past (clock skew) still waits this long. */
    static final long FALLBACK_429_WAIT_MS = 1000;
    static final long MIN_429_WAIT_MS = 250;

    private static final Logger LOG = LoggerFactory.getLogger(HelixCall.class);

    private final HttpClient http;
    private final Executor executor;
    private final Clock clock;
    private final Supplier<String> tokens;
    private final Function<String, HttpRequest> requestForToken;
    private final Function<String, T> parser;
    private final RateLimitBucket bucket;
    private final HelixRetryPolicy policy;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private int unavailableRetriesLeft;
    private boolean renewed;
    private long rateLimitWaitedMs;

    HelixCall(HttpClient http, Executor executor, Clock clock, Supplier<String> tokens,
            Function<String, HttpRequest> requestForToken, Function<String, T> parser, RateLimitBucket bucket,
            HelixRetryPolicy policy) {
        this.http = http;
        this.executor = executor;
        this.clock = clock;
        this.tokens = tokens;
        this.requestForToken = requestForToken;
        this.parser = parser;
        this.bucket = bucket;
        this.policy = policy;
        this.unavailableRetriesLeft = policy.serviceUnavailableRetries();
    }

    /** Sends the first attempt (the token is read on the calling thread) and returns at once. */
    CompletableFuture<T> start() {
        attempt();
        return result;
    }

    private void attempt() {
        String token;
        HttpRequest request;
        try {
            token = tokens.get();
            request = requestForToken.apply(token);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        long waitMs = policy.honoursRateLimit() ? bucket.millisUntilUsable(clock.millis()) : 0;
        long budgetMs = Math.max(0, policy.maxRateLimitWait().toMillis() - rateLimitWaitedMs);
        waitMs = Math.min(waitMs, budgetMs);
        if (waitMs > 0) {
            // The bucket is empty: sending now would only earn a 429.
            rateLimitWaitedMs += waitMs;
            LOG.debug("Helix rate limit exhausted; {} waits {} ms for the reset", describe(request), waitMs);
            later(waitMs, () -> send(token, request));
        } else {
            send(token, request);
        }
    }

    private void send(String token, HttpRequest request) {
        CompletableFuture<HttpResponse<String>> response;
        try {
            response = http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            result.completeExceptionally(noResponse(request, e));
            return;
        }
        response.whenComplete((r, error) -> {
            try {
                if (error != null) {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    result.completeExceptionally(noResponse(request, cause));
                } else {
                    onResponse(token, request, r);
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }

    private void onResponse(String token, HttpRequest request, HttpResponse<String> response) {
        bucket.update(response.headers());
        int status = response.statusCode();
        if (status == 401 && policy.renewOnUnauthorized() && !renewed && tokens instanceof RenewableToken renewable) {
            renewed = true;
            LOG.info("Helix {} answered 401 to token {}; renewing it and trying once more", describe(request),
                    Redact.mask(token));
            // Renewing may take an OAuth round trip: not on the HTTP client's callback.
            later(0, () -> {
                renewable.renewAfterRejection(token);
                attempt();
            });
            return;
        }
        if (status == 429 && policy.honoursRateLimit()) {
            long waitMs = waitFor429(response);
            if (rateLimitWaitedMs + waitMs <= policy.maxRateLimitWait().toMillis()) {
                rateLimitWaitedMs += waitMs;
                LOG.info("Helix {} answered 429; trying again in {} ms, after the rate-limit reset",
                        describe(request), waitMs);
                later(waitMs, this::attempt);
                return;
            }
            LOG.warn("Helix {} answered 429; waiting {} ms more for the reset would exceed the limit of {} ms",
                    describe(request), waitMs, policy.maxRateLimitWait().toMillis());
        }
        if (status == 503 && unavailableRetriesLeft > 0) {
            unavailableRetriesLeft--;
            LOG.info("Helix {} answered 503; trying once more", describe(request));
            later(policy.serviceUnavailableDelay().toMillis(), this::attempt);
            return;
        }
        result.complete(handle(request, response, parser));
    }

    private long waitFor429(HttpResponse<?> response) {
        OptionalLong reset = RateLimitBucket.resetOf(response.headers());
        if (reset.isEmpty()) {
            return FALLBACK_429_WAIT_MS;
        }
        long wait = reset.getAsLong() * 1000 - clock.millis();
        return wait <= 0 ? FALLBACK_429_WAIT_MS : Math.max(MIN_429_WAIT_MS, wait);
    }

    private void later(long delayMs, Runnable step) {
        Runnable guarded = () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        Executor rejectingSafely = task -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(new HelixException("Helix retry dropped: the HTTP client is shutting down",
                        HelixException.NO_RESPONSE, null, null, e));
            }
        };
        CompletableFuture.delayedExecutor(Math.max(0, delayMs), TimeUnit.MILLISECONDS, rejectingSafely).execute(guarded);
    }

    // ---- turning responses into results ---------------------------------------------------------

    static <T> T handle(HttpRequest request, HttpResponse<String> response, Function<String, T> parser) {
        int status = response.statusCode();
        String what = describe(request);
        LOG.debug("Helix {} -> {}", what, status);
        if (status / 100 != 2) {
            HelixErrorBody body = HelixJson.errorBodyOrNull(response.body());
            OptionalLong reset = status == 429 ? RateLimitBucket.resetOf(response.headers()) : OptionalLong.empty();
            String detail = body == null ? "body: " + preview(response.body())
                    : (body.error() + (body.message().isEmpty() ? "" : ": " + body.message()));
            throw new HelixException("Helix " + what + " failed with HTTP " + status + " (" + detail + ")",
                    status, body, reset.isPresent() ? reset.getAsLong() : null, null);
        }
        try {
            return parser.apply(response.body());
        } catch (HelixJson.MalformedBodyException e) {
            throw new HelixException("Helix " + what + " answered HTTP " + status + " with a malformed body: "
                    + e.getMessage() + "; body starts: " + preview(response.body()), status, null, null, e);
        }
    }

    static HelixException noResponse(HttpRequest request, Throwable cause) {
        String kind = cause instanceof HttpTimeoutException ? "timed out" : "got no response";
        return new HelixException("Helix " + describe(request) + " " + kind + ": " + cause,
                HelixException.NO_RESPONSE, null, null, cause);
    }

    static String describe(HttpRequest request) {
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
}
