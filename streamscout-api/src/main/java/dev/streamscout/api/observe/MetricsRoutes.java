package dev.streamscout.api.observe;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/** {@code GET /metrics}: everything in the registry, in the Prometheus text format. */
public final class MetricsRoutes {

    public static final String PATH = "/metrics";
    /** The Prometheus text exposition format, which {@code scrape()} writes by default. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::scrape);
    }

    void scrape(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(registry.scrape());
    }
}
