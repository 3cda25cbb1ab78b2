package dev.streamscout.job.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.store.ChatMinuteSummary;
import java.util.Map;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** A window's late records are counted in chat messages and passed on, never lost silently. */
class LateDataCounterTest {

    @Test
    void counts_each_late_record_by_the_messages_it_holds() throws Exception {
        LateDataCounter<ChatMinuteSummary> counter = new LateDataCounter<>(s -> (long) s.messageCount());
        try (OneInputStreamOperatorTestHarness<ChatMinuteSummary, ChatMinuteSummary> harness =
                new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(counter))) {
            harness.open();
            ChatMinuteSummary first = summary(12);
            ChatMinuteSummary second = summary(3);

            harness.processElement(new StreamRecord<>(first, 60_000));
            harness.processElement(new StreamRecord<>(second, 120_000));

            assertThat(counter.count()).isEqualTo(15);
            assertThat(harness.extractOutputValues()).containsExactly(first, second);
        }
    }

    private static ChatMinuteSummary summary(int messages) {
        return new ChatMinuteSummary("42", "chan", 0L, messages, 1, Map.of(), Map.of(), 0.0);
    }
}
