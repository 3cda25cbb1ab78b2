package dev.streamscout.core.highlight;

/** Outcome of asking Twitch for a clip of a moment. */
public enum ClipStatus {
    /** Twitch accepted the request and the clip was confirmed by Get Clips. */
    CREATED,
    /** Twitch accepted the request but Get Clips did not confirm it (yet). */
    PENDING,
    /** Twitch refused or never produced the clip; {@link Clip#failureReason()} says why. */
    FAILED,
    /** Clipping is off or no user token is available: the moment is kept without a clip. */
    SKIPPED
}
