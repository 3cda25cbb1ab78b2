package dev.streamscout.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SourceOffsetsTest {

    private static final String CHAT = "topic=\"chat_messages\"";

    private static String offset(String topic, int partition, String value) {
        return SourceOffsets.GAUGE + "{host=\"localhost\",job_name=\"StreamScout highlights\",subtask_index=\"0\","
                + "topic=\"" + topic + "\",partition=\"" + partition + "\",} " + value + "\n";
    }

    @Test
    void sumsTheChatTopicsPartitionsOnly() throws IOException {
        String exposition = "# HELP " + SourceOffsets.GAUGE + " currentOffset (scope: ...)\n"
                + "# TYPE " + SourceOffsets.GAUGE + " gauge\n"
                + offset("chat_messages", 0, "1234.0") + offset("chat_messages", 1, "1.0E7")
                + offset("stream_lifecycle", 0, "99.0") + offset("chat_messages_dlq", 0, "5.0")
                + "flink_taskmanager_job_task_operator_numRecordsOut{topic=\"chat_messages\",} 777.0\n";

        assertThat(SourceOffsets.sum(exposition, CHAT)).isEqualTo(10_001_234L);
    }

    @Test
    void topicNamesAreMatchedTheWayTheReporterRewritesThem() {
        assertThat(SourceOffsets.labelValue("chat-messages")).isEqualTo("chat_messages");
        assertThat(SourceOffsets.labelValue("team.chat:v2")).isEqualTo("team_chat:v2");
    }

    @Test
    void aPartitionNotReadYetCountsZero() throws IOException {
        assertThat(SourceOffsets.sum(offset("chat_messages", 0, "-1.0") + offset("chat_messages", 1, "40.0"), CHAT))
                .isEqualTo(40L);
    }

    @Test
    void noGaugeForTheTopicIsAnError() {
        assertThatThrownBy(() -> SourceOffsets.sum(offset("stream_lifecycle", 0, "3.0"), CHAT))
                .isInstanceOf(IOException.class).hasMessageContaining("chat_messages");
    }
}
