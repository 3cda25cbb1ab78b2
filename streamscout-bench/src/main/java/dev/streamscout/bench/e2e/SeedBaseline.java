package dev.streamscout.bench.e2e;

import dev.streamscout.core.detect.SeedDetectorParams;

/**
 * The seed design's per-channel memory for the window-based peers: the last window counts (one per
 * slide), their sums for mean and standard deviation, and the cooldown. A Flink POJO.
 */
public class SeedBaseline {

    public long[] counts;
    public int position;
    public int size;
    public long sum;
    public long sumSquares;
    public long lastAlertMs = Long.MIN_VALUE;

    public SeedBaseline() {}

    /**
     * Judges one window's count against the baseline (seed rule: count &gt; mean + k x stddev, warm-up,
     * floor, cooldown), then adds it to the baseline.
     *
     * @return true if the window is an alert
     */
    public boolean judge(SeedDetectorParams params, long windowEndMs, long count) {
        if (counts == null) {
            counts = new long[params.baselineWindows()];
        }
        boolean alert = false;
        boolean cooled = lastAlertMs == Long.MIN_VALUE || windowEndMs - lastAlertMs >= params.cooldown().toMillis();
        if (size >= params.warmupWindows() && count >= params.minWindowCount() && cooled) {
            double mean = sum / (double) size;
            double stddev = Math.sqrt(Math.max(0, sumSquares / (double) size - mean * mean));
            alert = count > mean + params.k() * stddev;
        }
        if (alert) {
            lastAlertMs = windowEndMs;
        }
        if (size == counts.length) {
            long evicted = counts[position];
            sum -= evicted;
            sumSquares -= evicted * evicted;
        } else {
            size++;
        }
        counts[position] = count;
        sum += count;
        sumSquares += count * count;
        position = (position + 1) % counts.length;
        return alert;
    }
}
