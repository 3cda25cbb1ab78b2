package dev.streamscout.api;

/**
 * Where the API listens.
 *
 * @param host interface to bind, e.g. {@code 0.0.0.0} for all or {@code 127.0.0.1} for loopback only
 * @param port TCP port; 0 picks a free one (see {@link ApiServer#port()})
 */
public record ApiSettings(String host, int port) {

    /** The seed plan's {@code HTTP_PORT} default. */
    public static final int DEFAULT_PORT = 5000;

    public ApiSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
        }
    }

    /** Listens on all interfaces. */
    public static ApiSettings allInterfaces(int port) {
        return new ApiSettings("0.0.0.0", port);
    }

    /** Listens on the loopback interface only (tests, local tools). */
    public static ApiSettings loopback(int port) {
        return new ApiSettings("127.0.0.1", port);
    }
}
