package dev.streamscout.twitch.auth;

import java.util.function.Supplier;

/**
 * An access token that can be replaced when Twitch rejects it. {@link #get()} returns the current
 * token (cheaply, from a cache); {@link #renewAfterRejection(String)} is called after Twitch
 * answered 401 to a request that carried {@code rejectedToken}, so that the next {@link #get()}
 * returns a fresh one (a new app token, a refreshed user token).
 *
 * <p>{@code HelixClient} retries a request once after renewing a token of this type.
 */
public interface RenewableToken extends Supplier<String> {

    /**
     * Makes the next {@link #get()} return a token other than {@code rejectedToken}, when it can. May
     * block (an HTTP round trip to the OAuth server); implementations must be thread-safe and must
     * not renew twice when several callers report the same rejected token.
     *
     * @param rejectedToken the token Twitch answered 401 to (without any {@code oauth:} prefix)
     */
    void renewAfterRejection(String rejectedToken);
}
