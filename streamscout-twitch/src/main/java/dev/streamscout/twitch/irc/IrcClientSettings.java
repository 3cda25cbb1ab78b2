package dev.streamscout.twitch.irc;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How an {@link IrcClient} connects.
 *
 * @param host            chat server host ({@code irc.chat.twitch.tv} or the simulator)
 * @param port            chat server port
 * @param login           account login, or {@code null} for an anonymous read-only {@code justinfan} login
 * @param oauthToken      user access token with {@code chat:read} ({@code oauth:} prefix optional), or
 *                        {@code null} for anonymous; asked again on every (re)connect
 * @param connectTimeout  TCP connect timeout
 * @param initialBackoff  first reconnect delay; doubles per failed attempt
 * @param maxBackoff      longest reconnect delay
 * @param pingInterval    how long the connection may be silent before the client sends a PING
 * @param pongTimeout     how long to wait for any line after that PING before reconnecting
 * @param dedupeCapacity  how many recent message ids are remembered to drop duplicates
 */
public record IrcClientSettings(
        String host,
        int port,
        String login,
        Supplier<String> oauthToken,
        Duration connectTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration pingInterval,
        Duration pongTimeout,
        int dedupeCapacity) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(60);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_DEDUPE_CAPACITY = 10_000;

    public IrcClientSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (login != null && (login.isBlank() || !login.matches("[A-Za-z0-9_]+"))) {
            throw new IllegalArgumentException("login must be a Twitch login ([A-Za-z0-9_]+): " + login);
        }
        if (login != null && oauthToken == null) {
            throw new IllegalArgumentException("a login needs an OAuth token (or use login = null for anonymous)");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(pingInterval, "pingInterval");
        requirePositive(pongTimeout, "pongTimeout");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff < initialBackoff");
        }
        if (dedupeCapacity < 1) {
            throw new IllegalArgumentException("dedupeCapacity must be positive");
        }
    }

    /** Anonymous read-only connection with default timings. */
    public static IrcClientSettings anonymous(String host, int port) {
        return new IrcClientSettings(host, port, null, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_INITIAL_BACKOFF,
                DEFAULT_MAX_BACKOFF, DEFAULT_PING_INTERVAL, DEFAULT_PONG_TIMEOUT, DEFAULT_DEDUPE_CAPACITY);
    }

    /** Logged-in connection with default timings. */
    public static IrcClientSettings authenticated(String host, int port, String login, Supplier<String> oauthToken) {
        return new IrcClientSettings(host, port, login, Objects.requireNonNull(oauthToken, "oauthToken"),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_PING_INTERVAL,
                DEFAULT_PONG_TIMEOUT, DEFAULT_DEDUPE_CAPACITY);
    }

    public IrcClientSettings withBackoff(Duration initial, Duration max) {
        return new IrcClientSettings(host, port, login, oauthToken, connectTimeout, initial, max, pingInterval,
                pongTimeout, dedupeCapacity);
    }

    public IrcClientSettings withKeepalive(Duration interval, Duration timeout) {
        return new IrcClientSettings(host, port, login, oauthToken, connectTimeout, initialBackoff, maxBackoff,
                interval, timeout, dedupeCapacity);
    }

    public IrcClientSettings withConnectTimeout(Duration timeout) {
        return new IrcClientSettings(host, port, login, oauthToken, timeout, initialBackoff, maxBackoff, pingInterval,
                pongTimeout, dedupeCapacity);
    }

    public IrcClientSettings withDedupeCapacity(int capacity) {
        return new IrcClientSettings(host, port, login, oauthToken, connectTimeout, initialBackoff, maxBackoff,
                pingInterval, pongTimeout, capacity);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
