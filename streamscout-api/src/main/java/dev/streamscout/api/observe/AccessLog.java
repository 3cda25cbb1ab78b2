package dev.streamscout.api.observe;

import io.javalin.http.Context;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DEBUG line per request: method, matched route, path, status and duration. Off unless the
 * {@code dev.streamscout.api.access} logger is set to DEBUG, so a busy dashboard does not flood the log.
 */
public final class AccessLog {

    /** Logger name, so it can be switched on alone. */
    public static final String LOGGER = "dev.streamscout.api.access";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {}

    /** A Javalin request logger ({@code cfg.requestLogger.http(AccessLog::log)}). */
    public static void log(Context ctx, Float executionMs) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} -> {} in {} ms", ctx.method().name(), MatchedRoute.of(ctx), ctx.path(),
                    ctx.statusCode(), String.format(Locale.ROOT, "%.1f", executionMs));
        }
    }
}
