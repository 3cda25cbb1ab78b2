package dev.streamscout.bench.pipeline;

/**
 * One offered rate through the all-in-one pipeline.
 *
 * @param offeredPerSecond    the simulator's total chat rate
 * @param writtenPerSecond    chat written to Kafka by ingest over the measured span
 * @param processedPerSecond  chat the job processed (offsets its Kafka source read) over the span
 * @param lagAtEnd            messages written but not yet read by the job at the end
 * @param cpuSecondsPerMillion process CPU of the whole pipeline JVM per million messages processed
 */
public record PipelineResult(double offeredPerSecond, int channels, double writtenPerSecond,
        double processedPerSecond, long lagAtEnd, double cpuSecondsPerMillion) {

    static PipelineResult of(double offered, int channels, KafkaProgress.Sample start, KafkaProgress.Sample end,
            long cpuNs) {
        double seconds = (end.wallMs() - start.wallMs()) / 1000.0;
        long processed = end.processed() - start.processed();
        return new PipelineResult(offered, channels, (end.written() - start.written()) / seconds,
                processed / seconds, end.written() - end.processed(),
                processed <= 0 ? Double.NaN : cpuNs / 1e9 / (processed / 1e6));
    }

    /**
     * Sustained: ingest wrote at least 90 % of the offered chat, the job kept within 5 % of what was
     * written, and its backlog at the end is under five seconds of chat.
     */
    public boolean sustained() {
        return writtenPerSecond >= 0.9 * offeredPerSecond && processedPerSecond >= 0.95 * writtenPerSecond
                && lagAtEnd <= 5 * offeredPerSecond;
    }
}
