package dev.streamscout.store;

import java.util.Objects;

/**
 * A stored moment and, when the job recorded one, the outcome of clipping it.
 *
 * @param moment the moment
 * @param clip   its clip outcome, null when none is stored (yet)
 */
public record MomentWithClip(StoredMoment moment, ClipOutcome clip) {

    public MomentWithClip {
        Objects.requireNonNull(moment, "moment");
    }
}
