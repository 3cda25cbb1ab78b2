package dev.streamscout.twitch.irc;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * How an {@link IrcConnectionPool} connects and paces itself. Defaults follow Twitch's limits
 * (PROTOCOL.md): 90 channels per connection, a new connection at most every 2 s, 20 JOINs per
 * 10 s per account, a client PING every 30 s answered within 5 s, reconnect backoff 1 s doubling
 * to 60 s.
 *
 * @param endpoint              where chat is and which transport reaches it
 * @param login                 account login, or null for an anonymous read-only {@code justinfan} login
 * @param token                 user access token with {@code chat:read} ({@code oauth:} prefix optional),
 *                              asked again on every (re)connect so a refreshed token is used; null when anonymous
 * @param sslContext            TLS trust for {@code tls}/{@code wss} (tests inject one trusting a self-signed
 *                              certificate), or null for the JDK default
 * @param channelsPerConnection most channels joined on one connection
 * @param connectInterval       least time between two connection attempts of the pool
 * @param joinLimit             JOINs allowed per {@code joinWindow} for the account (rejoins included)
 * @param joinWindow            the sliding window of the JOIN limit
 * @param pingInterval          how often the client PINGs each connection
 * @param pongTimeout           how long a PONG may take before the connection is declared dead
 * @param initialBackoff        first reconnect delay after a failure; doubles per further failure (with jitter)
 * @param maxBackoff            longest reconnect delay
 * @param connectTimeout        TCP connect plus TLS / WebSocket handshake timeout
 * @param handoverTimeout       on RECONNECT, how long the old connection is kept at most while the new one
 *                              rejoins (it is dropped earlier once every channel is confirmed on the new one)
 * @param dedupeCapacity        how many recent message ids are remembered to drop duplicates
 * @param joinRetryAfter        a JOIN that Twitch neither confirmed (ROOMSTATE) nor refused is sent again after
 *                              this long, then after twice as long, and so on up to 5 minutes (Twitch drops JOINs
 *                              silently when it is overloaded, and never answers one for a channel that does not exist)
 */
public record IrcPoolSettings(
        IrcEndpoint endpoint,
        String login,
        Supplier<String> token,
        SSLContext sslContext,
        int channelsPerConnection,
        Duration connectInterval,
        int joinLimit,
        Duration joinWindow,
        Duration pingInterval,
        Duration pongTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration connectTimeout,
        Duration handoverTimeout,
        int dedupeCapacity,
        Duration joinRetryAfter) {

    public static final int DEFAULT_CHANNELS_PER_CONNECTION = 90;
    public static final Duration DEFAULT_CONNECT_INTERVAL = Duration.ofSeconds(2);
    public static final int DEFAULT_JOIN_LIMIT = 20;
    public static final Duration DEFAULT_JOIN_WINDOW = Duration.ofSeconds(10);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HANDOVER_TIMEOUT = Duration.ofSeconds(15);
    public static final int DEFAULT_DEDUPE_CAPACITY = 50_000;
    public static final Duration DEFAULT_JOIN_RETRY_AFTER = Duration.ofSeconds(15);

    public IrcPoolSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        if (login != null && (login.isBlank() || !login.matches("[A-Za-z0-9_]{1,25}"))) {
            throw new IllegalArgumentException("login must be a Twitch login ([A-Za-z0-9_]{1,25}): " + login);
        }
        if (login != null && token == null) {
            throw new IllegalArgumentException("a chat login needs an OAuth token (TWITCH_TOKEN_FILE, see `streamscout auth`),"
                    + " or use no login to read chat anonymously");
        }
        if (channelsPerConnection < 1) {
            throw new IllegalArgumentException("channelsPerConnection must be at least 1: " + channelsPerConnection);
        }
        if (joinLimit < 1) {
            throw new IllegalArgumentException("joinLimit must be at least 1: " + joinLimit);
        }
        requireNotNegative(connectInterval, "connectInterval");
        requirePositive(joinWindow, "joinWindow");
        requirePositive(pingInterval, "pingInterval");
        requirePositive(pongTimeout, "pongTimeout");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(handoverTimeout, "handoverTimeout");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff < initialBackoff");
        }
        if (dedupeCapacity < 1) {
            throw new IllegalArgumentException("dedupeCapacity must be positive");
        }
        requirePositive(joinRetryAfter, "joinRetryAfter");
    }

    /** Anonymous read-only chat at the endpoint, with Twitch's defaults. */
    public static IrcPoolSettings anonymous(IrcEndpoint endpoint) {
        return new IrcPoolSettings(endpoint, null, null, null, DEFAULT_CHANNELS_PER_CONNECTION, DEFAULT_CONNECT_INTERVAL,
                DEFAULT_JOIN_LIMIT, DEFAULT_JOIN_WINDOW, DEFAULT_PING_INTERVAL, DEFAULT_PONG_TIMEOUT,
                DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_CONNECT_TIMEOUT, DEFAULT_HANDOVER_TIMEOUT,
                DEFAULT_DEDUPE_CAPACITY, DEFAULT_JOIN_RETRY_AFTER);
    }

    /** Chat as {@code login} with a user token, with Twitch's defaults. */
    public static IrcPoolSettings authenticated(IrcEndpoint endpoint, String login, Supplier<String> token) {
        return anonymous(endpoint).withLogin(login, Objects.requireNonNull(token, "token"));
    }

    public boolean isAnonymous() {
        return login == null;
    }

    public IrcPoolSettings withLogin(String newLogin, Supplier<String> newToken) {
        return new IrcPoolSettings(endpoint, newLogin, newToken, sslContext, channelsPerConnection, connectInterval,
                joinLimit, joinWindow, pingInterval, pongTimeout, initialBackoff, maxBackoff, connectTimeout,
                handoverTimeout, dedupeCapacity, joinRetryAfter);
    }

    public IrcPoolSettings withSslContext(SSLContext context) {
        return new IrcPoolSettings(endpoint, login, token, context, channelsPerConnection, connectInterval, joinLimit,
                joinWindow, pingInterval, pongTimeout, initialBackoff, maxBackoff, connectTimeout, handoverTimeout,
                dedupeCapacity, joinRetryAfter);
    }

    public IrcPoolSettings withChannelsPerConnection(int channels) {
        return new IrcPoolSettings(endpoint, login, token, sslContext, channels, connectInterval, joinLimit, joinWindow,
                pingInterval, pongTimeout, initialBackoff, maxBackoff, connectTimeout, handoverTimeout, dedupeCapacity, joinRetryAfter);
    }

    public IrcPoolSettings withConnectInterval(Duration interval) {
        return new IrcPoolSettings(endpoint, login, token, sslContext, channelsPerConnection, interval, joinLimit,
                joinWindow, pingInterval, pongTimeout, initialBackoff, maxBackoff, connectTimeout, handoverTimeout,
                dedupeCapacity, joinRetryAfter);
    }

    public IrcPoolSettings withJoinLimit(int limit, Duration window) {
        return new IrcPoolSettings(endpoint, login, token, sslContext, channelsPerConnection, connectInterval, limit,
                window, pingInterval, pongTimeout, initialBackoff, maxBackoff, connectTimeout, handoverTimeout,
                dedupeCapacity, joinRetryAfter);
    }

    public IrcPoolSettings withKeepalive(Duration interval, Duration timeout) {
        return new IrcPoolSettings(endpoint, login, token, sslContext, channelsPerConnection, connectInterval, joinLimit,
                joinWindow, interval, timeout, initialBackoff, maxBackoff, connectTimeout, handoverTimeout,
                dedupeCapacity, joinRetryAfter);
    }

    public IrcPoolSettings withBackoff(Duration initial, Duration max) {
        return new IrcPoolSettings(endpoint, login, token, sslContext, channelsPerConnection, connectInterval, joinLimit,
                joinWindow, pingInterval, pongTimeout, initial, max, connectTimeout, handoverTimeout, dedupeCapacity, joinRetryAfter);
    }

    public IrcPoolSettings withConnectTimeout(Duration timeout) {
        return new IrcPoolSettings(endpoint, login, token, sslContext, channelsPerConnection, connectInterval, joinLimit,
                joinWindow, pingInterval, pongTimeout, initialBackoff, maxBackoff, timeout, handoverTimeout,
                dedupeCapacity, joinRetryAfter);
    }

    public IrcPoolSettings withHandoverTimeout(Duration timeout) {
        return new IrcPoolSettings(endpoint, login, token, sslContext, channelsPerConnection, connectInterval, joinLimit,
                joinWindow, pingInterval, pongTimeout, initialBackoff, maxBackoff, connectTimeout, timeout,
                dedupeCapacity, joinRetryAfter);
    }

    public IrcPoolSettings withDedupeCapacity(int capacity) {
        return new IrcPoolSettings(endpoint, login, token, sslContext, channelsPerConnection, connectInterval, joinLimit,
                joinWindow, pingInterval, pongTimeout, initialBackoff, maxBackoff, connectTimeout, handoverTimeout,
                capacity, joinRetryAfter);
    }

    public IrcPoolSettings withJoinRetryAfter(Duration after) {
        return new IrcPoolSettings(endpoint, login, token, sslContext, channelsPerConnection, connectInterval, joinLimit,
                joinWindow, pingInterval, pongTimeout, initialBackoff, maxBackoff, connectTimeout, handoverTimeout,
                dedupeCapacity, after);
    }

    @Override
    public String toString() {
        // The token supplier is not printed: its toString could reveal a secret.
        return "IrcPoolSettings[endpoint=" + endpoint + ", login=" + (login == null ? "anonymous" : login)
                + ", channelsPerConnection=" + channelsPerConnection + ", connectInterval=" + connectInterval
                + ", join=" + joinLimit + "/" + joinWindow + ", ping=" + pingInterval + "/" + pongTimeout
                + ", backoff=" + initialBackoff + ".." + maxBackoff + "]";
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    private static void requireNotNegative(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
    }
}
