package dev.streamscout.job.analytics;

import dev.streamscout.core.chat.ChatMessage;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Window adapter: folds a channel-minute's messages into a {@link ChatMinuteTally}. */
public class ChatMinuteAggregate implements AggregateFunction<ChatMessage, ChatMinuteTally, ChatMinuteTally> {

    private static final long serialVersionUID = 1L;

    @Override
    public ChatMinuteTally createAccumulator() {
        return new ChatMinuteTally();
    }

    @Override
    public ChatMinuteTally add(ChatMessage value, ChatMinuteTally accumulator) {
        return accumulator.add(value);
    }

    @Override
    public ChatMinuteTally getResult(ChatMinuteTally accumulator) {
        return accumulator;
    }

    @Override
    public ChatMinuteTally merge(ChatMinuteTally a, ChatMinuteTally b) {
        return a.merge(b);
    }
}
