package dev.streamscout.core.detect;

import dev.streamscout.core.highlight.Moment;

/**
 * What a detector reports when a channel fires. Times are epoch milliseconds, each the start of a
 * one-second bucket, in event time.
 *
 * @param profile        the detector profile that fired
 * @param windowStartMs  first second of the window that crossed the threshold
 * @param peakMs         the busiest second in that window (the latest one on a tie)
 * @param endMs          the second that closed the window and made it fire
 * @param windowCount    messages in the window
 * @param baselineMean   mean of the baseline window counts it was compared with
 * @param baselineStddev population standard deviation of those counts
 * @param intensity      {@code (windowCount - mean) / stddev}, with the stddev floored so that a flat
 *                       baseline gives a finite number (see the detector for the floor)
 */
public record Detection(
        String profile,
        long windowStartMs,
        long peakMs,
        long endMs,
        int windowCount,
        double baselineMean,
        double baselineStddev,
        double intensity) {

    /** The moment this detection stands for, on the given channel. */
    public Moment toMoment(String channelId, String channelLogin) {
        return new Moment(channelId, channelLogin, windowStartMs, peakMs, endMs, windowCount,
                baselineMean, baselineStddev, intensity, profile);
    }
}
