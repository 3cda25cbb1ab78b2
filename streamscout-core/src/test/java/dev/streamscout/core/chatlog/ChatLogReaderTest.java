package dev.streamscout.core.chatlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.chat.ChatMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ChatLogReaderTest {

    private static final ChatLogOptions OPTIONS = new ChatLogOptions("vod1", 0);
    /** 2024-01-01T00:00:00Z: where offset formats start when a VOD start is given. */
    private static final long VOD_START_MS = 1_704_067_200_000L;

    private static List<ChatMessage> readAll(ChatLog log) throws IOException {
        List<ChatMessage> out = new ArrayList<>();
        try (log) {
            log.forEachRemaining(out::add);
        }
        return out;
    }

    private static ChatLog open(String text, ChatLogOptions options) throws IOException {
        return ChatLogReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), options);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void tcd_text_with_offsets_and_a_malformed_line() throws IOException {
        ChatLog log = open("""
                [0:00:02] <alice> 와!
                [1:02:03] <bob> PogChamp what a play
                this line is garbage
                [0:99:00] <carol> impossible minute
                """, new ChatLogOptions("vod1", VOD_START_MS));

        List<ChatMessage> messages = readAll(log);

        assertThat(log.format()).isEqualTo(ChatLogFormat.TCD_TEXT);
        assertThat(messages).extracting(ChatMessage::username).containsExactly("alice", "bob");
        assertThat(messages.get(1).timestamp()).isEqualTo(VOD_START_MS + 3723_000L);
        assertThat(messages.get(1).message()).isEqualTo("PogChamp what a play");
        assertThat(messages.get(0).channelId()).isEqualTo("vod1");
        assertThat(log.malformed()).isEqualTo(2);
    }

    @Test
    void rechat_text_in_unix_seconds() throws IOException {
        ChatLog log = open("""
                1482050827 udd7c017e7d: 777777777777
                1482050828 u01d8d156b5: hello: with a colon
                1482050829 broken line without colon
                """, OPTIONS);

        List<ChatMessage> messages = readAll(log);

        assertThat(log.format()).isEqualTo(ChatLogFormat.RECHAT_TEXT);
        assertThat(messages).extracting(ChatMessage::timestamp).containsExactly(1482050827_000L, 1482050828_000L);
        assertThat(messages.get(1).message()).isEqualTo("hello: with a colon");
        assertThat(log.malformed()).isEqualTo(1);
    }

    @Test
    void plain_offset_log_without_usernames() throws IOException {
        ChatLog log = open("0:00:06 live POGGERS\n0:00:08 oh POGGERS\n\n1:00:00 an hour in\n", OPTIONS);

        List<ChatMessage> messages = readAll(log);

        assertThat(log.format()).isEqualTo(ChatLogFormat.PLAIN_OFFSET);
        assertThat(messages).extracting(ChatMessage::timestamp).containsExactly(6_000L, 8_000L, 3_600_000L);
        assertThat(messages).allSatisfy(m -> assertThat(m.username()).isNull());
    }

    @Test
    void v5_comments_json_with_emoticon_fragments() throws IOException {
        ChatLog log = open("""
                [{"_id": "c1", "channel_id": "73626243", "content_offset_seconds": 101.796,
                  "commenter": {"display_name": "Ua63", "_id": "198", "name": "ua63"},
                  "message": {"body": "rank 5 liiHappyCat", "fragments": [{"text": "rank 5 "},
                     {"text": "liiHappyCat", "emoticon": {"emoticon_id": "304322935"}}]}},
                 {"_id": "c2", "content_offset_seconds": "not a number", "commenter": {}, "message": {}},
                 {"_id": "c3", "channel_id": "73626243", "content_offset_seconds": 102,
                  "commenter": {"name": "bob"}, "message": {"fragments": [{"text": "no body field"}]}}]
                """, OPTIONS);

        List<ChatMessage> messages = readAll(log);

        assertThat(log.format()).isEqualTo(ChatLogFormat.V5_JSON);
        assertThat(messages).hasSize(2);
        ChatMessage first = messages.get(0);
        assertThat(first.timestamp()).isEqualTo(101_796L);
        assertThat(first.username()).isEqualTo("ua63");
        assertThat(first.displayName()).isEqualTo("Ua63");
        assertThat(first.channelId()).isEqualTo("73626243");
        assertThat(first.emotes()).containsExactly("liiHappyCat");
        assertThat(first.messageId()).isEqualTo("c1");
        assertThat(messages.get(1).message()).isEqualTo("no body field");
        assertThat(log.malformed()).isEqualTo(1);
    }

    @Test
    void twitch_downloader_wrapper_object() throws IOException {
        ChatLog log = open("""
                {"streamer": {"name": "someone", "id": 1}, "comments": [
                  {"_id": "a", "content_offset_seconds": 5, "commenter": {"name": "x"}, "message": {"body": "hi"}}]}
                """, OPTIONS);

        assertThat(readAll(log)).extracting(ChatMessage::message).containsExactly("hi");
        assertThat(log.format()).isEqualTo(ChatLogFormat.V5_JSON);
    }

    @Test
    void gql_video_comments_json_including_edges() throws IOException {
        ChatLog log = open("""
                [{"id": "B0Q", "channelId": "118034943", "contentOffsetSeconds": 10,
                  "commenter": {"displayName": "U02c", "id": "175", "login": "u02c"},
                  "message": {"fragments": [{"text": "slimeyJAM", "emote": {"emoteID": "1"}}, {"text": " ok", "emote": {}}]}},
                 {"data": {"video": {"comments": {"edges": [{"node": {"id": "n1", "contentOffsetSeconds": 12,
                  "commenter": {"login": "zed"}, "message": {"fragments": [{"text": "o7"}]}}}]}}}}]
                """, OPTIONS);

        List<ChatMessage> messages = readAll(log);

        assertThat(log.format()).isEqualTo(ChatLogFormat.GQL_JSON);
        assertThat(messages).extracting(ChatMessage::message).containsExactly("slimeyJAM ok", "o7");
        assertThat(messages.get(0).emotes()).containsExactly("slimeyJAM");
        assertThat(messages.get(1).username()).isEqualTo("zed");
        assertThat(messages.get(1).timestamp()).isEqualTo(12_000L);
    }

    @Test
    void json_lines_of_chat_messages() throws IOException {
        ChatLog log = open("""
                {"channel_id":"1","channel":"chan","user_id":"9","username":"amy","display_name":"Amy","message":"Kappa hi","timestamp":1700000000123,"emotes":["Kappa"],"message_id":"m1"}
                {"channel_id":"1","channel":"chan","username":"bo","message":"no time"}
                {not json at all
                """, OPTIONS);

        List<ChatMessage> messages = readAll(log);

        assertThat(log.format()).isEqualTo(ChatLogFormat.CHAT_MESSAGE_JSONL);
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.timestamp()).isEqualTo(1700000000123L);
            assertThat(m.emotes()).containsExactly("Kappa");
            assertThat(m.channelLogin()).isEqualTo("chan");
        });
        assertThat(log.malformed()).isEqualTo(2);
    }

    @Test
    void gzip_is_recognised_by_its_magic_bytes_not_its_name(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("no-extension");
        Files.write(file, gzip("[0:00:01] <a> one\n[0:00:02] <b> two\n"));

        ChatLog log = ChatLogReader.open(file, OPTIONS);

        assertThat(readAll(log)).hasSize(2);
        assertThat(log.format()).isEqualTo(ChatLogFormat.TCD_TEXT);
    }

    @Test
    void a_file_in_no_known_format_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> open("hello world\nthis is prose\n", OPTIONS))
                .isInstanceOf(UnrecognisedChatLogException.class).hasMessageContaining("not a known chat log format");
    }

    @Test
    void a_truncated_gzip_keeps_what_came_before(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("[0:00:").append(String.format("%02d", i % 60)).append("] <u").append(i).append("> line ")
                    .append(i).append('\n');
        }
        byte[] whole = gzip(text.toString());
        Path file = dir.resolve("cut.txt.gz");
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        ChatLog log = ChatLogReader.open(file, OPTIONS);
        List<ChatMessage> messages = readAll(log);

        assertThat(messages).isNotEmpty().hasSizeLessThan(5000);
        assertThat(log.malformed()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void reads_a_real_eval_file_smoke() throws IOException {
        Path kappa = Path.of("/work/shared/eval/kappa/VoD_108244967.txt.gz");
        Assumptions.assumeTrue(Files.isReadable(kappa), "shared eval data not present: " + kappa);

        ChatLog log = ChatLogReader.open(kappa, OPTIONS);
        long count = 0;
        long last = Long.MIN_VALUE;
        long outOfOrder = 0;
        try (log) {
            while (log.hasNext()) {
                ChatMessage m = log.next();
                outOfOrder += m.timestamp() < last ? 1 : 0;
                last = Math.max(last, m.timestamp());
                count++;
            }
        }
        assertThat(log.format()).isEqualTo(ChatLogFormat.RECHAT_TEXT);
        assertThat(count).isGreaterThan(70_000);
        assertThat(log.malformed()).isLessThan(count / 100);
        assertThat(outOfOrder).isZero();
    }
}
