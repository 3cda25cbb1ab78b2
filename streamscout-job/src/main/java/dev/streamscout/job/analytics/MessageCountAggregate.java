package dev.streamscout.job.analytics;

import dev.streamscout.store.ChatMinuteSummary;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Window adapter: sums the message counts of minute summaries (ten of them make a channel-stats window). */
public class MessageCountAggregate implements AggregateFunction<ChatMinuteSummary, Long, Long> {

    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
        return 0L;
    }

    @Override
    public Long add(ChatMinuteSummary value, Long accumulator) {
        return accumulator + value.messageCount();
    }

    @Override
    public Long getResult(Long accumulator) {
        return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
        return a + b;
    }
}
