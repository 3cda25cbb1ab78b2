package dev.streamscout.bench.workload;

/**
 * One spike the generator injected: the ground truth that recall and latency are measured against.
 *
 * @param channelId       the channel
 * @param startMs         first second of raised chat
 * @param peakSecondMs    the second with the highest rate
 * @param lastPeakEventMs event time of the last message of the peak second (latency counts from its arrival)
 * @param endMs           end of the last raised second
 */
public record InjectedSpike(String channelId, long startMs, long peakSecondMs, long lastPeakEventMs, long endMs) {

    /** Rate multiplier over the spike's seconds, as a fraction of (multiplier - 1): rises, peaks, tails off. */
    static final double[] SHAPE = {0.4, 0.7, 0.9, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    /** Index of the peak second in {@link #SHAPE}. */
    static final int PEAK_INDEX = 3;

    public static final String CSV_HEADER = "channel_id,start_ms,peak_second_ms,last_peak_event_ms,end_ms";

    public String toCsv() {
        return channelId + "," + startMs + "," + peakSecondMs + "," + lastPeakEventMs + "," + endMs;
    }

    public static InjectedSpike fromCsv(String line) {
        String[] f = line.split(",");
        if (f.length != 5) {
            throw new IllegalArgumentException("not a spike row: " + line);
        }
        return new InjectedSpike(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[4]));
    }

    /** Whether a detection on {@code channel} that points at {@code atMs} (its peak or window end) is this spike. */
    public boolean matches(String channel, long atMs) {
        return channelId.equals(channel) && atMs >= startMs - 5_000 && atMs <= endMs + 15_000;
    }
}
