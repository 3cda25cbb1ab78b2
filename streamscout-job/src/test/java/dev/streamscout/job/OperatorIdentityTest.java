package dev.streamscout.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** Every operator of the full job (sources aside, which the caller names) has a stable uid and a human name. */
class OperatorIdentityTest {

    @Test
    void every_operator_and_sink_has_a_uid_and_a_name() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        var chat = env.fromData(Types.POJO(ChatMessage.class), ChatFixtures.msg("1", "a", "hi", ChatFixtures.BEGINNING))
                .uid("test-chat").name("test chat");
        var lifecycle = env.fromData(Types.POJO(StreamLifecycleEvent.class), new StreamLifecycleEvent(
                        StreamLifecycleEvent.Type.ONLINE, "1", "a", 1, null, ChatFixtures.BEGINNING))
                .uid("test-lifecycle").name("test lifecycle");
        HighlightJob.define(env, chat, lifecycle, JobSettings.defaults(), moment -> new CompletableFuture<>(),
                new HighlightJob.Sinks(new CollectingSink<>(), new CollectingSink<>(), new CollectingSink<>(),
                        new CollectingSink<>()));

        StreamGraph graph = env.getStreamGraph();
        List<StreamNode> nodes = List.copyOf(graph.getStreamNodes());

        assertThat(nodes).hasSizeGreaterThan(10);
        assertThat(nodes).allSatisfy(node -> {
            assertThat(node.getTransformationUID()).as("uid of %s", node.getOperatorName()).isNotBlank();
            assertThat(node.getOperatorName()).doesNotContain("Map").doesNotContain("Filter");
        });
        assertThat(nodes).extracting(StreamNode::getTransformationUID).doesNotHaveDuplicates()
                .contains("moment-sink", "chat-summary-sink", "channel-stats-sink", "clip-sink", "channel-moments",
                        "chat-minute-summary", "channel-stats-10m", "clip-maker");
    }
}
