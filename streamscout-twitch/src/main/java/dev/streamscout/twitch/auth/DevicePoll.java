package dev.streamscout.twitch.auth;

import java.util.Objects;

/**
 * One poll of {@code /oauth2/token} with the device code grant.
 *
 * @param outcome what the server said
 * @param grant   the tokens when {@link Outcome#GRANTED}, else {@code null}
 * @param message the server's message for the other outcomes (never a secret)
 */
public record DevicePoll(Outcome outcome, TokenGrant grant, String message) {

    /** The device-grant answers of RFC 8628 section 3.5, as Twitch spells them. */
    public enum Outcome {
        /** The user approved: {@link #grant()} holds the tokens. */
        GRANTED,
        /** {@code authorization_pending}: poll again after the interval. */
        PENDING,
        /** {@code slow_down}: poll again, with the interval 5 s longer from now on. */
        SLOW_DOWN,
        /** {@code access_denied}: the user refused. */
        DENIED,
        /** {@code expired_token} or an unknown device code: start over. */
        EXPIRED
    }

    public DevicePoll {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.GRANTED) != (grant != null)) {
            throw new IllegalArgumentException("a grant comes with GRANTED and only with it");
        }
        message = message == null ? "" : message;
    }
}
