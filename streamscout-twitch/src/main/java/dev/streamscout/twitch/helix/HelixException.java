package dev.streamscout.twitch.helix;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Helix call that did not produce the expected result: a non-2xx status, a body that is not the
 * JSON Twitch documents, or (with {@link #status()} 0) no HTTP response at all.
 *
 * <p>Unchecked so that it travels through {@link java.util.concurrent.CompletableFuture} chains and
 * Flink async callbacks unchanged.
 */
public final class HelixException extends RuntimeException {

    /** Status used when the request never produced an HTTP response (connect failure, timeout). */
    public static final int NO_RESPONSE = 0;

    private final int status;
    private final HelixErrorBody errorBody;
    private final Long rateLimitResetEpochSeconds;

    public HelixException(String message, int status, HelixErrorBody errorBody, Long rateLimitResetEpochSeconds,
            Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorBody = errorBody;
        this.rateLimitResetEpochSeconds = rateLimitResetEpochSeconds;
    }

    /** HTTP status, or {@link #NO_RESPONSE} when the server never answered. */
    public int status() {
        return status;
    }

    /** The parsed Twitch error body, if the response carried one. */
    public Optional<HelixErrorBody> errorBody() {
        return Optional.ofNullable(errorBody);
    }

    /**
     * Whether repeating the same request later may succeed: transport failures and 408, 429, 500,
     * 502, 503, 504. Everything else (400, 401, 403, 404, malformed bodies) needs a different
     * request or a new token.
     */
    public boolean retryable() {
        return switch (status) {
            case NO_RESPONSE, 408, 429, 500, 502, 503, 504 -> true;
            default -> false;
        };
    }

    /** For a 429: the {@code Ratelimit-Reset} header (Unix epoch seconds when the bucket is full). */
    public OptionalLong rateLimitResetEpochSeconds() {
        return rateLimitResetEpochSeconds == null ? OptionalLong.empty() : OptionalLong.of(rateLimitResetEpochSeconds);
    }
}
