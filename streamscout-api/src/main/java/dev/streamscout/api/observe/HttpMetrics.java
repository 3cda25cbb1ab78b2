package dev.streamscout.api.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Counts and times every HTTP request by method, matched route and status, as Prometheus
 * {@code http_server_requests_seconds_{count,sum,max,bucket}}.
 *
 * <p>Labels are bounded: the route is the matched template ({@link MatchedRoute}), the method one of
 * the few Javalin knows, the status a number. A handful of latency buckets (rather than a full
 * percentile histogram) keeps each series small while still allowing latency quantiles.
 */
public final class HttpMetrics {

    /** Micrometer name; Prometheus renders it {@code http_server_requests_seconds}. */
    public static final String REQUESTS = "http.server.requests";

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofSeconds(1), Duration.ofSeconds(5)
    };

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Records one finished request; a Javalin request logger ({@code cfg.requestLogger.http(this::record)}). */
    public void record(Context ctx, Float executionMs) {
        Timer.builder(REQUESTS)
                .description("HTTP requests served by the StreamScout API")
                .tag("method", ctx.method().name())
                .tag("route", MatchedRoute.of(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Math.round(executionMs.doubleValue() * 1_000_000), TimeUnit.NANOSECONDS);
    }
}
