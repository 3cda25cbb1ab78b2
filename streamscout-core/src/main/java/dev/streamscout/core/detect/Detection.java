package dev.streamscout.core.detect;

import dev.streamscout.core.highlight.Moment;

/**
 * What a detector reports when a channel fires. Times are epoch milliseconds, each the start of a
 * one-second bucket, in event time.
 *
 * @param profile        the detector profile that fired
 * @param windowStartMs  first second of the elevated chat (for {@code seed}: of the window that crossed
 *                       the threshold)
 * @param peakMs         the strongest second (for {@code seed}: the busiest second in the window, the
 *                       latest one on a tie)
 * @param endMs          the second that made it fire (for {@code default}: the second the peak was
 *                       confirmed)
 * @param windowCount    messages in the detection window at the peak
 * @param baselineMean   the baseline the peak was compared with (seed: mean window count; default:
 *                       long-horizon messages per second)
 * @param baselineStddev spread of the baseline (seed: population standard deviation); null for a profile
 *                       whose baseline is a smoothed rate without a spread (default)
 * @param intensity      the profile's score at the peak; higher is stronger
 * @param rate           messages per second in the detection window at the peak
 */
public record Detection(
        String profile,
        long windowStartMs,
        long peakMs,
        long endMs,
        int windowCount,
        double baselineMean,
        Double baselineStddev,
        double intensity,
        double rate) {

    /** A detection whose rate is its window count over the seconds from window start to end. */
    public Detection(String profile, long windowStartMs, long peakMs, long endMs, int windowCount,
            double baselineMean, Double baselineStddev, double intensity) {
        this(profile, windowStartMs, peakMs, endMs, windowCount, baselineMean, baselineStddev, intensity,
                windowCount / (double) Math.max(1L, (endMs - windowStartMs) / 1000L + 1));
    }

    /** The moment this detection stands for, on the given channel, without explanation. */
    public Moment toMoment(String channelId, String channelLogin) {
        return toMoment(channelId, channelLogin, Explanation.NONE);
    }

    /** The moment this detection stands for, with what chat said around it. */
    public Moment toMoment(String channelId, String channelLogin, Explanation why) {
        return new Moment(channelId, channelLogin, windowStartMs, peakMs, endMs, windowCount, baselineMean,
                baselineStddev, intensity, profile, rate, why.uniqueChatters(), why.topTokens(), why.topEmotes(),
                why.sampleMessages(), why.causeTags(), Moment.TYPE_CHAT_SPIKE);
    }
}
