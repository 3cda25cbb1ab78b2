package dev.streamscout.core.live;

/**
 * What a detector compares one channel's chat against, per second, as {@link DetectorBands} reads it
 * from the detector's state.
 *
 * @param baseline the level the detector expects (null before it has seen any chat)
 * @param low      lower edge of the band, null while the detector cannot fire (warm-up)
 * @param high     the line the detector fires above, null while it cannot fire
 */
public record BaselineBand(Double baseline, Double low, Double high) {

    /** No baseline yet. */
    public static final BaselineBand NONE = new BaselineBand(null, null, null);
}
