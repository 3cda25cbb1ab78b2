package dev.streamscout.api.dashboard;

import dev.streamscout.api.streams.StreamRoutes;
import dev.streamscout.api.streams.StreamView;
import dev.streamscout.core.json.Json;
import dev.streamscout.store.ChatMinuteSummary;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /boot.js}: the dashboard's first screen as data, loaded by a classic (parser-blocking)
 * script before the page's modules run.
 *
 * <p>Why: the channel list then renders its tiles and overview chart while the page loads instead of
 * after a round of fetches, so the first paint (and a headless screenshot taken at the load event)
 * shows data, not "Loading…". The modules refresh everything from the REST API and the live feed
 * afterwards, exactly as without it. An external script rather than inline JSON keeps the page's
 * CSP free of {@code 'unsafe-inline'}; the data is JSON inside a string-free assignment, so
 * chat-derived text never becomes markup here (the page sets it as text).
 */
public final class DashboardBootRoutes {

    public static final String PATH = "/boot.js";

    private static final Logger LOG = LoggerFactory.getLogger(DashboardBootRoutes.class);
    /** How much chat history the overview chart starts with, and for how many channels. */
    static final Duration HISTORY = Duration.ofMinutes(30);
    static final int CHART_CHANNELS = 5;

    private final StreamRoutes.Reads reads;
    private final Clock clock;

    /** @param readsOrNull the store reads; null: the script sets the boot data to null */
    public DashboardBootRoutes(StreamRoutes.Reads readsOrNull, Clock clock) {
        this.reads = readsOrNull;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::boot);
    }

    void boot(Context ctx) {
        Object data = null;
        if (reads != null) {
            try {
                data = snapshot();
            } catch (RuntimeException e) {
                // The page works without it (it fetches), so a store hiccup must not break the page.
                LOG.warn("Dashboard boot data unavailable, the page will fetch it: {}", e.toString());
            }
        }
        ctx.status(200)
                .contentType("text/javascript; charset=utf-8")
                .header("Cache-Control", "no-store")
                .result(("window.STREAMSCOUT_BOOT = " + new String(Json.toBytes(data), StandardCharsets.UTF_8) + ";\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> snapshot() {
        Instant now = clock.instant();
        List<StreamView> streams = reads.channels().streams(null, now).stream().map(StreamView::of).toList();
        Map<String, Object> history = new LinkedHashMap<>();
        streams.stream().filter(StreamView::live).limit(CHART_CHANNELS).forEach(s -> {
            List<ChatMinuteSummary> minutes = reads.chatSummaries()
                    .findByChannelBetween(s.channelId(), now.minus(HISTORY), now, (int) HISTORY.toMinutes() + 1);
            history.put(s.channelId(), minutes.stream()
                    .map(m -> List.of(m.minuteMs() / 1000, m.messageCount()))
                    .toList());
        });
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("generated_at", now.toString());
        boot.put("streams", streams);
        boot.put("chat_per_minute", history);
        return boot;
    }
}
