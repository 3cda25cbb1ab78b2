package dev.streamscout.core.chatlog;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Opens recorded chat in any {@link ChatLogFormat}, gzip-compressed or not (recognised by its magic
 * bytes, not its name), and works out the format from the first lines. Reading is streaming: a log of
 * any size needs only a line (or one JSON comment) of memory.
 */
public final class ChatLogReader {

    /** How much of the start of a file is looked at to recognise its format. */
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final int SNIFF_LINES = 50;

    private ChatLogReader() {}

    /** Opens {@code file}, recognising compression and format. */
    public static ChatLog open(Path file, ChatLogOptions options) throws IOException {
        return open(Files.newInputStream(file), options);
    }

    /**
     * Opens a stream, recognising compression and format; the log owns the stream.
     *
     * @throws UnrecognisedChatLogException when no format fits the start of the stream
     */
    public static ChatLog open(InputStream raw, ChatLogOptions options) throws IOException {
        TruncationTolerantStream tolerant = new TruncationTolerantStream(decompressed(raw));
        BufferedInputStream in = new BufferedInputStream(tolerant, SNIFF_BYTES);
        in.mark(SNIFF_BYTES);
        byte[] head = new byte[SNIFF_BYTES];
        int n = 0;
        try {
            int r;
            while (n < head.length && (r = in.read(head, n, Math.min(4096, head.length - n))) > 0) { // small reads keep what came before a break
                n += r;
            }
        } catch (java.io.EOFException e) {
            // A truncated compressed file: recognise it from what there is; reading stops where it breaks.
        }
        in.reset();
        ChatLogFormat format;
        try {
            format = recognise(new String(head, 0, n, StandardCharsets.UTF_8));
        } catch (UnrecognisedChatLogException e) {
            in.close();
            throw e;
        }
        ChatLog log = open(in, format, options);
        log.onEnd(tolerant::truncated);
        return log;
    }

    /** Opens an uncompressed stream in a known format. */
    public static ChatLog open(InputStream in, ChatLogFormat format, ChatLogOptions options) throws IOException {
        InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        return switch (format) {
            case V5_JSON, GQL_JSON -> new JsonCommentsChatLog(format, reader, options);
            default -> new TextChatLog(format, new BufferedReader(reader, 1 << 16), options);
        };
    }

    /** Which format the start of a log is in. */
    static ChatLogFormat recognise(String head) throws UnrecognisedChatLogException {
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1).stripLeading();
        }
        if (trimmed.startsWith("[") && trimmed.substring(1).stripLeading().startsWith("{")
                || trimmed.startsWith("{") && (trimmed.contains("\"comments\"") || trimmed.contains("\"edges\""))) {
            if (trimmed.contains("content_offset_seconds")) {
                return ChatLogFormat.V5_JSON;
            }
            if (trimmed.contains("contentOffsetSeconds")) {
                return ChatLogFormat.GQL_JSON;
            }
        }
        Map<ChatLogFormat, Integer> votes = new EnumMap<>(ChatLogFormat.class);
        int lines = 0;
        for (String line : trimmed.split("\n", SNIFF_LINES + 1)) {
            if (lines++ == SNIFF_LINES) {
                break; // the last piece is the unsplit rest (and may be a cut line)
            }
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            ChatLogFormat vote = TextChatLog.TCD.matcher(l).matches() ? ChatLogFormat.TCD_TEXT
                    : TextChatLog.RECHAT.matcher(l).matches() ? ChatLogFormat.RECHAT_TEXT
                    : TextChatLog.PLAIN.matcher(l).matches() ? ChatLogFormat.PLAIN_OFFSET
                    : l.startsWith("{") && l.contains("\"timestamp\"") && l.contains("\"channel_id\"")
                            ? ChatLogFormat.CHAT_MESSAGE_JSONL : null;
            if (vote != null) {
                votes.merge(vote, 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new UnrecognisedChatLogException(
                        "not a known chat log format (tcd, rechat, plain offset, v5/GQL JSON, ChatMessage JSON lines)"));
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
