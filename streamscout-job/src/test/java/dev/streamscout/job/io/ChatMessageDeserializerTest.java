package dev.streamscout.job.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

class ChatMessageDeserializerTest {

    private final ChatMessageDeserializer deserializer = new ChatMessageDeserializer();
    private final List<ChatMessage> out = new ArrayList<>();
    private final Collector<ChatMessage> collector = new Collector<>() {
        @Override
        public void collect(ChatMessage record) {
            out.add(record);
        }

        @Override
        public void close() {}
    };

    private void read(String text) throws Exception {
        deserializer.deserialize(text == null ? null : text.getBytes(StandardCharsets.UTF_8), collector);
    }

    @Test
    void reads_a_chat_message_as_ingest_writes_it() throws Exception {
        ChatMessage message = new ChatMessage("1001", "hypechannel", "u1", "viewer", "Viewer", "PogChamp",
                1_714_593_600_000L, List.of("PogChamp"), "m-1");

        read(Json.toString(message));

        assertThat(out).containsExactly(message);
        assertThat(deserializer.malformedCount()).isZero();
    }

    @Test
    void skips_and_counts_what_is_not_a_chat_message() throws Exception {
        read("not json at all");
        read("{\"channel_id\": \"1001\", \"timestamp\": ");          // truncated
        read(Json.toString(Map.of("message", "no channel id")));   // violates the record's contract
        read("");
        read(null);
        read("[1, 2, 3]");

        assertThat(out).isEmpty();
        assertThat(deserializer.malformedCount()).isEqualTo(6);
        assertThat(deserializer.isEndOfStream(null)).isFalse();
    }
}
