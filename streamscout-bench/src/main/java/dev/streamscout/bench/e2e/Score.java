package dev.streamscout.bench.e2e;

import dev.streamscout.bench.workload.InjectedSpike;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A run judged against the injected spikes.
 *
 * <p>Recall and other detections count final detections only; latency counts from the engine's first
 * report of a spike, early or final, and {@code confirmedLatenciesMs} from its first final one (the
 * same for engines that report only once).
 *
 * @param spikes               spikes injected
 * @param found                spikes with at least one final detection pointing at them (recall = found / spikes)
 * @param falseDetections      final detections that point at no spike
 * @param latenciesMs          per found spike in the paced part: the first report's emission minus the
 *                             arrival of the last message of the spike's peak second (0 when it came
 *                             earlier), sorted
 * @param decisionLatenciesMs  per found spike in the paced part: the first report's emission minus the
 *                             arrival of the last message of the second it was decided on, sorted
 * @param confirmedLatenciesMs as {@code latenciesMs}, for the first final detection
 */
public record Score(int spikes, int found, int falseDetections, List<Long> latenciesMs,
        List<Long> decisionLatenciesMs, List<Long> confirmedLatenciesMs) {

    public static Score of(RunResult run, List<InjectedSpike> truth) {
        int found = 0;
        List<Long> latencies = new ArrayList<>();
        List<Long> decisions = new ArrayList<>();
        List<Long> confirmations = new ArrayList<>();
        for (InjectedSpike spike : truth) {
            Optional<DetectionLog.Entry> confirmed = first(run, spike, true);
            if (confirmed.isEmpty()) {
                continue;
            }
            found++;
            DetectionLog.Entry report = first(run, spike, false).orElseThrow();
            if (run.liveStartWallMs() >= 0 && spike.startMs() >= run.liveStartEventMs()) {
                long arrival = run.liveStartWallMs() + (spike.lastPeakEventMs() - run.liveStartEventMs());
                latencies.add(Math.max(0, report.wallMs() - arrival));
                confirmations.add(Math.max(0, confirmed.get().wallMs() - arrival));
                long decidedArrival = run.liveStartWallMs() + (report.decidedMs() + 999 - run.liveStartEventMs());
                decisions.add(Math.max(0, report.wallMs() - decidedArrival));
            }
        }
        int falses = (int) run.detections().stream().filter(DetectionLog.Entry::confirmed)
                .filter(d -> truth.stream().noneMatch(s -> s.matches(d.channelId(), d.atMs()))).count();
        latencies.sort(Long::compare);
        decisions.sort(Long::compare);
        confirmations.sort(Long::compare);
        return new Score(truth.size(), found, falses, List.copyOf(latencies), List.copyOf(decisions),
                List.copyOf(confirmations));
    }

    /** The earliest detection pointing at the spike: final ones only, or of any kind. */
    private static Optional<DetectionLog.Entry> first(RunResult run, InjectedSpike spike, boolean confirmedOnly) {
        return run.detections().stream()
                .filter(d -> d.confirmed() || !confirmedOnly)
                .filter(d -> spike.matches(d.channelId(), d.atMs()))
                .min(Comparator.comparingLong(DetectionLog.Entry::wallMs));
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

    /** Nearest-rank percentile of the latencies of the first final detection from the peak, or -1. */
    public long confirmedLatencyPercentile(double p) {
        return percentile(confirmedLatenciesMs, p);
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
