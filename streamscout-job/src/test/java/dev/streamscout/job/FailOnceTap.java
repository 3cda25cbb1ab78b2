package dev.streamscout.job;

import dev.streamscout.core.chat.ChatMessage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes chat through and, once per JVM while armed, throws on the first message at or after
 * {@code failAtMs} (event time) seen after at least one checkpoint has completed: a failure in the
 * middle of the stream, with something to recover from. The flags are static because the
 * MiniCluster's task threads share the test's JVM and a restarted task must not fail again.
 */
final class FailOnceTap extends RichMapFunction<ChatMessage, ChatMessage> implements CheckpointListener {

    private static final long serialVersionUID = 1L;

    static final AtomicBoolean ARMED = new AtomicBoolean();
    static final AtomicBoolean FIRED = new AtomicBoolean();
    static final AtomicLong COMPLETED_CHECKPOINTS = new AtomicLong();

    private final long failAtMs;

    FailOnceTap(long failAtMs) {
        this.failAtMs = failAtMs;
    }

    static void arm(boolean armed) {
        ARMED.set(armed);
        FIRED.set(false);
        COMPLETED_CHECKPOINTS.set(0);
    }

    @Override
    public ChatMessage map(ChatMessage message) {
        if (message.timestamp() >= failAtMs && ARMED.get() && COMPLETED_CHECKPOINTS.get() > 0
                && FIRED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure at chat time " + message.timestamp());
        }
        return message;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        COMPLETED_CHECKPOINTS.incrementAndGet();
    }
}
