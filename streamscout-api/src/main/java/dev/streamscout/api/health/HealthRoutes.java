package dev.streamscout.api.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.streamscout.api.HealthCheck;
import dev.streamscout.api.JsonResponse;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: 200 and {@code UP} when every check passes, 503 and {@code DOWN} otherwise. */
public final class HealthRoutes {

    public static final String PATH = "/health";
    static final String UP = "UP";
    static final String DOWN = "DOWN";

    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final List<HealthCheck> checks;

    public HealthRoutes(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::report);
    }

    void report(Context ctx) {
        Map<String, String> results = new LinkedHashMap<>();
        boolean allUp = true;
        for (HealthCheck check : checks) {
            boolean up = run(check);
            allUp &= up;
            results.put(check.name(), up ? UP : DOWN);
        }
        JsonResponse.write(ctx, allUp ? 200 : 503, new Report(allUp ? UP : DOWN, results));
    }

    private static boolean run(HealthCheck check) {
        try {
            return check.healthy();
        } catch (RuntimeException e) {
            // A failing probe is an answer ("down"), not an error of the health endpoint.
            LOG.warn("Health check {} threw {}", check.name(), e.toString());
            return false;
        }
    }

    /** The health response body. */
    public record Report(@JsonProperty("status") String status, @JsonProperty("checks") Map<String, String> checks) {}
}
