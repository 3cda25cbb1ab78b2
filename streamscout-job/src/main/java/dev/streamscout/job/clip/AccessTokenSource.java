package dev.streamscout.job.clip;

import java.io.Serializable;

/**
 * The user access token (with {@code clips:edit}) for Create Clip. Serializable because it travels
 * with the job to every parallel instance.
 */
@FunctionalInterface
public interface AccessTokenSource extends Serializable {

    /** The current token, or null/blank when none is available; should be cheap (cached). */
    String accessToken();

    /**
     * Called after Twitch answered 401: returns a token that may work better (re-read, refreshed).
     * The default asks {@link #accessToken()} again.
     */
    default String refresh() {
        return accessToken();
    }
}
