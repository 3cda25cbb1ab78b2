package dev.streamscout.core.detect;

import java.io.Serializable;
import java.util.Optional;

/**
 * A detector profile: turns a channel's closed one-second buckets, in event-time order, into
 * detections.
 *
 * <p>The detector itself is stateless and shareable; everything it remembers about one channel lives
 * in a state object of type {@code S} that the caller keeps (in the live job, Flink keyed state; in
 * offline analysis, a map by channel). This split is what lets the same class run in both places and
 * lets another profile slot in beside the seed one: the Flink operator only needs {@link #stateType()}
 * to declare its state and {@link #onSecond} to feed it.
 *
 * <p>Implementations must be deterministic: the same seconds in give the same detections out.
 *
 * @param <S> the per-channel state; must be a Flink POJO (public no-arg constructor, public fields
 *            or getters and setters of primitive, array or POJO types)
 */
public interface SpikeDetector<S> extends Serializable {

    /** The profile name recorded on every moment this detector produces, e.g. {@code seed}. */
    String profile();

    /** A fresh state for a channel never seen before (or whose state was dropped after idling). */
    S newState();

    /** The state's class, for declaring it as keyed state. */
    Class<S> stateType();

    /**
     * Feeds one closed second.
     *
     * @param state  the channel's state, updated in place
     * @param second the second; its start is a multiple of 1000 and later than every second fed before
     *               for this state. Callers should feed every second, quiet ones too
     *               ({@link ChatSecond#quiet}); a skipped second counts as a quiet one
     * @return a detection if this second makes the channel fire
     * @throws IllegalArgumentException if the second is not aligned or not later than the previous one
     *                                  (a caller bug, not bad chat)
     */
    Optional<Detection> onSecond(S state, ChatSecond second);

    /** Feeds a second known only by its message count ({@link ChatSecond#ofCount}). */
    default Optional<Detection> onSecond(S state, long secondStartMs, int count) {
        return onSecond(state, ChatSecond.ofCount(secondStartMs, count));
    }
}
