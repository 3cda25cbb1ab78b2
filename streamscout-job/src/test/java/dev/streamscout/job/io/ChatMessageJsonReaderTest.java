package dev.streamscout.job.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.Json;
import dev.streamscout.core.json.MalformedJsonException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
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

    private static final String PLAIN = "{\"channel_id\":\"100000\",\"channel\":\"channel0\",\"user_id\":\"50142046\","
            + "\"username\":\"user50142046\",\"display_name\":\"User\",\"timestamp\":1767225600000,"
            + "\"message_id\":\"6986b5cb\",\"emotes\":[\"Kappa\", \"LUL\"],\"message\":\"here ㅋㅋㅋ 😂 nice LUL\"}";

    @Test
    void the_byte_scanner_reads_a_plain_record_itself() {
        byte[] bytes = PLAIN.getBytes(StandardCharsets.UTF_8);
        assertThat(ChatMessageByteScanner.read(bytes)).isNotNull().isEqualTo(Json.fromBytes(bytes, ChatMessage.class));
    }

    /**
     * Every record, mutated at random (bytes replaced, dropped, doubled; escapes, numbers, nesting, invalid UTF-8),
     * reads through the byte scanner exactly as through Jackson's token stream, or fails as it does.
     */
    @Test
    void the_byte_scanner_and_the_token_reader_agree_on_mangled_records() {
        byte[] base = PLAIN.getBytes(StandardCharsets.UTF_8);
        byte[] alphabet = "{}[]\",:\\ \t\n0123456789-.eEtrufalsn_abcxyz".getBytes(StandardCharsets.US_ASCII);
        SplittableRandom random = new SplittableRandom(7);
        int scannedItself = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = base.clone();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && bytes.length > 0; e++) {
                int at = random.nextInt(bytes.length);
                switch (random.nextInt(4)) {
                    case 0 -> bytes[at] = alphabet[random.nextInt(alphabet.length)];
                    case 1 -> bytes[at] = (byte) (0x80 + random.nextInt(0x80));
                    case 2 -> bytes = java.util.Arrays.copyOfRange(bytes, 0, at);
                    default -> {
                        byte[] longer = new byte[bytes.length + 1];
                        System.arraycopy(bytes, 0, longer, 0, at + 1);
                        System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                        bytes = longer;
                    }
                }
            }
            byte[] record = bytes;
            Object expected = outcome(() -> ChatMessageJsonReader.readTokens(record));
            Object actual = outcome(() -> ChatMessageJsonReader.read(record));
            assertThat(actual).as("record %s", new String(record, StandardCharsets.UTF_8)).isEqualTo(expected);
            if (outcome(() -> ChatMessageByteScanner.read(record)) instanceof ChatMessage) {
                scannedItself++;
            }
        }
        assertThat(scannedItself).as("records the scanner read itself").isGreaterThan(1_000);
    }

    /** The message read, or the class of what was thrown. */
    private static Object outcome(java.util.function.Supplier<ChatMessage> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
