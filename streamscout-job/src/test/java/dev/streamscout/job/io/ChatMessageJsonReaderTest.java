package dev.streamscout.job.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.Json;
import dev.streamscout.core.json.MalformedJsonException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token-stream reader reads every record as the data-binding mapper reads it, or rejects it as the mapper does. */
class ChatMessageJsonReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"channel_id\":\"1\",\"channel\":\"c\",\"user_id\":\"u\",\"username\":\"n\",\"display_name\":\"N\","
                + "\"timestamp\":1767225600000,\"message_id\":\"m\",\"emotes\":[\"Kappa\",\"Kappa\"],\"message\":\"hi Kappa\"}",
        "{\"channel_id\":\"1\",\"timestamp\":\"1767225600001\",\"message\":\"quoted timestamp\"}",
        "{\"channel_id\":1001,\"timestamp\":12.9,\"username\":true,\"message\":null,\"emotes\":null}",
        "{\"channel_id\":\"1\",\"extra\":{\"nested\":[1,{\"a\":2}]},\"badges\":[\"sub\"],\"timestamp\":5}",
        "{\"channel_id\":\"1\",\"message\":\"\\u00e9\\\"quoted\\\" \\ud83d\\ude02\",\"timestamp\":null}",
        "{\"channel_id\":\"1\",\"channel_id\":\"2\",\"timestamp\":3}",
        "{\"channel_id\":\"1\",\"timestamp\":3} trailing"})
    void reads_what_the_mapper_reads(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ChatMessage expected = Json.fromBytes(bytes, ChatMessage.class);
        assertThat(ChatMessageJsonReader.read(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "{\"channel_id\":\"1\",\"timestamp\":", "{\"channel_id\":{\"a\":1}}",
        "{\"channel_id\":\"1\",\"emotes\":\"Kappa\"}", "{\"channel_id\":\"1\",\"timestamp\":\"soon\"}", "\"text\"", ""})
    void rejects_what_the_mapper_rejects(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.fromBytes(bytes, ChatMessage.class)).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> ChatMessageJsonReader.read(bytes)).isInstanceOf(MalformedJsonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"message\":\"no channel\"}", "{\"channel_id\":null,\"timestamp\":1}"})
    void a_record_without_channel_id_fails_as_the_record_does(String json) {
        assertThatThrownBy(() -> ChatMessageJsonReader.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"channel_id\":\"1\",\"emotes\":[\"a\",null]}"})
    void a_null_emote_fails_as_the_record_does(String json) {
        assertThatThrownBy(() -> ChatMessageJsonReader.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NullPointerException.class);
    }
}
