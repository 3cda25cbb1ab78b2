package dev.streamscout.bench.e2e;

import java.util.List;

/**
 * What one engine run measured in its own JVM.
 *
 * @param engine           engine name
 * @param messages         messages read from the feed
 * @param wallMs           from the first message read to the last result out
 * @param cpuNs            process CPU time over the same span
 * @param processCpuNs     process CPU time of the whole JVM, start-up included
 * @param liveStartWallMs  wall time the paced part began (-1 if unpaced)
 * @param liveStartEventMs event time of the first paced message (-1 if unpaced)
 * @param detections       every detection with its emission time
 */
public record RunResult(String engine, long messages, long wallMs, long cpuNs, long processCpuNs,
        long liveStartWallMs, long liveStartEventMs, List<DetectionLog.Entry> detections) {

    /** Sustained throughput over the measured span. */
    public double messagesPerSecond() {
        return wallMs <= 0 ? 0 : messages * 1000.0 / wallMs;
    }

    /** Process CPU-seconds per million messages over the measured span. */
    public double cpuSecondsPerMillion() {
        return messages == 0 ? 0 : cpuNs / 1e9 / (messages / 1e6);
    }
}
