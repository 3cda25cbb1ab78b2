package dev.streamscout.bench.e2e;

import dev.streamscout.bench.workload.InjectedSpike;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A run judged against the injected spikes.
 *
 * @param spikes          spikes injected
 * @param found           spikes with at least one detection pointing at them (recall = found / spikes)
 * @param falseDetections detections that point at no spike
 * @param latenciesMs     per found spike in the paced part: first detection's emission minus the
 *                        arrival of the last message of the spike's peak second (0 when it came
 *                        earlier), sorted
 */
public record Score(int spikes, int found, int falseDetections, List<Long> latenciesMs,
        List<Long> decisionLatenciesMs) {

    public static Score of(RunResult run, List<InjectedSpike> truth) {
        int found = 0;
        List<Long> latencies = new ArrayList<>();
        List<Long> decisions = new ArrayList<>();
        for (InjectedSpike spike : truth) {
            Optional<DetectionLog.Entry> first = run.detections().stream()
                    .filter(d -> spike.matches(d.channelId(), d.atMs()))
                    .min(Comparator.comparingLong(DetectionLog.Entry::wallMs));
            if (first.isEmpty()) {
                continue;
            }
            found++;
            if (run.liveStartWallMs() >= 0 && spike.startMs() >= run.liveStartEventMs()) {
                long arrival = run.liveStartWallMs() + (spike.lastPeakEventMs() - run.liveStartEventMs());
                latencies.add(Math.max(0, first.get().wallMs() - arrival));
                long decidedArrival = run.liveStartWallMs()
                        + (first.get().decidedMs() + 999 - run.liveStartEventMs());
                decisions.add(Math.max(0, first.get().wallMs() - decidedArrival));
            }
        }
        int falses = (int) run.detections().stream()
                .filter(d -> truth.stream().noneMatch(s -> s.matches(d.channelId(), d.atMs()))).count();
        latencies.sort(Long::compare);
        decisions.sort(Long::compare);
        return new Score(truth.size(), found, falses, List.copyOf(latencies), List.copyOf(decisions));
    }

    public double recall() {
        return spikes == 0 ? 0 : found / (double) spikes;
    }

    /** Nearest-rank percentile of the latencies from the peak, or -1 without any. */
    public long latencyPercentile(double p) {
        return percentile(latenciesMs, p);
    }

    /**
     * Nearest-rank percentile of the latencies from the arrival of the last message of the second the
     * engine decided on (what the engine adds beyond the detector's own waiting), or -1 without any.
     */
    public long decisionLatencyPercentile(double p) {
        return percentile(decisionLatenciesMs, p);
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
