package dev.streamscout.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Where the API listens and which other origins may call it from a browser.
 *
 * @param host        interface to bind, e.g. {@code 0.0.0.0} for all or {@code 127.0.0.1} for loopback only
 * @param port        TCP port; 0 picks a free one (see {@link ApiServer#port()})
 * @param corsOrigins origins (e.g. {@code https://grafana.example.com}) whose pages may call the API
 *                    cross-origin, or {@code *} for any; empty (the default) sends no CORS headers at all,
 *                    so only the dashboard served from the API's own origin can read responses
 */
public record ApiSettings(String host, int port, List<String> corsOrigins) {

    /** The seed plan's {@code HTTP_PORT} default. */
    public static final int DEFAULT_PORT = 5000;

    /** The {@link #corsOrigins} entry allowing every origin. */
    public static final String ANY_ORIGIN = "*";

    public ApiSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
        }
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        corsOrigins.forEach(ApiSettings::checkOrigin);
    }

    /** Same-origin only (no CORS headers). */
    public ApiSettings(String host, int port) {
        this(host, port, List.of());
    }

    /** Listens on all interfaces. */
    public static ApiSettings allInterfaces(int port) {
        return new ApiSettings("0.0.0.0", port);
    }

    /** Listens on the loopback interface only (tests, local tools). */
    public static ApiSettings loopback(int port) {
        return new ApiSettings("127.0.0.1", port);
    }

    /** A copy allowing cross-origin calls from {@code origins} ({@code *} for any; empty for none). */
    public ApiSettings withCorsOrigins(List<String> origins) {
        return new ApiSettings(host, port, origins);
    }

    /** Whether any cross-origin caller is allowed. */
    public boolean corsEnabled() {
        return !corsOrigins.isEmpty();
    }

    // A browser sends Origin as scheme://host[:port] with nothing after it; anything else would
    // never match, so a typo in the configuration fails at startup instead of silently blocking.
    private static void checkOrigin(String origin) {
        if (ANY_ORIGIN.equals(origin)) {
            return;
        }
        String problem = "CORS origin must be * or scheme://host[:port] (e.g. https://example.com), got '"
                + origin + "'";
        if (origin == null || origin.isBlank() || origin.endsWith("/")) {
            throw new IllegalArgumentException(problem);
        }
        try {
            URI uri = new URI(origin);
            boolean plainOrigin = uri.getScheme() != null && uri.getHost() != null && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!plainOrigin) {
                throw new IllegalArgumentException(problem);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem, e);
        }
    }
}
