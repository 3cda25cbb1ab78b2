package dev.streamscout.ingest.observe;

import dev.streamscout.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code /health} answers: UP (HTTP 200) when every dependency is UP or DISABLED, DOWN (HTTP
 * 503) otherwise, with each dependency's status and detail.
 *
 * <pre>{"status":"UP","dependencies":{"twitch_chat":{"status":"UP","detail":"..."}, ...}}</pre>
 */
public record HealthReport(List<DependencyHealth> dependencies) {

    public HealthReport {
        dependencies = List.copyOf(dependencies);
    }

    public boolean healthy() {
        return dependencies.stream().allMatch(DependencyHealth::healthy);
    }

    /** 200 or 503. */
    public int httpStatus() {
        return healthy() ? 200 : 503;
    }

    public String toJson() {
        Map<String, Object> deps = new LinkedHashMap<>();
        for (DependencyHealth d : dependencies) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", d.status().name());
            one.put("detail", d.detail());
            deps.put(d.name(), one);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy() ? "UP" : "DOWN");
        body.put("dependencies", deps);
        return Json.toString(body);
    }
}
