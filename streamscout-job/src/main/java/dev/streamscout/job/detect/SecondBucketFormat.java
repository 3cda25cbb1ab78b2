package dev.streamscout.job.detect;

import dev.streamscout.core.detect.ChatLine;
import dev.streamscout.core.detect.SecondBucket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The compact binary form of a {@link SecondBucket} and its parts, in which both
 * {@link ChatSecondSummarySerializer} (the shuffle) and {@link RecentChatSerializer} (state) write one: the counts as varints,
 * each line's sender, text and emotes, the cause tags. Strings are UTF-8 with a varint length, which
 * for chat (mostly ASCII) is about a byte per character, where Flink's string serializer writes each
 * character on its own. The distinct chatters are not written: {@link SecondBucket#restore} rebuilds
 * them from the lines, as {@link SecondBucket#add} gathered them.
 *
 * <p>Nullable values (strings, lists, line emotes) are written as length + 1, with 0 for null.
 */
final class SecondBucketFormat {

    private SecondBucketFormat() {}

    static void writeBucket(SecondBucket bucket, DataOutputView out) throws IOException {
        out.writeLong(bucket.startMs);
        writeVarInt(bucket.messages, out);
        writeVarInt(bucket.emoteMessages, out);
        writeVarInt(bucket.loudMessages, out);
        List<ChatLine> lines = bucket.lines;
        writeVarInt(lines == null ? 0 : lines.size() + 1, out);
        if (lines != null) {
            for (ChatLine line : lines) {
                writeString(line.user, out);
                writeString(line.text, out);
                writeStrings(line.emotes, out);
            }
        }
        writeStrings(bucket.causes, out);
    }

    static SecondBucket readBucket(DataInputView in) throws IOException {
        long startMs = in.readLong();
        int messages = readVarInt(in);
        int emoteMessages = readVarInt(in);
        int loudMessages = readVarInt(in);
        int lineCount = readVarInt(in) - 1;
        List<ChatLine> lines = null;
        if (lineCount >= 0) {
            lines = new ArrayList<>(lineCount);
            for (int i = 0; i < lineCount; i++) {
                ChatLine line = new ChatLine();
                line.user = readString(in);
                line.text = readString(in);
                line.emotes = readStrings(in);
                lines.add(line);
            }
        }
        return SecondBucket.restore(startMs, messages, emoteMessages, loudMessages, lines, readStrings(in));
    }

    /** A bucket sharing nothing mutable with {@code bucket} (strings are immutable and shared). */
    static SecondBucket copyBucket(SecondBucket bucket) {
        List<ChatLine> lines = null;
        if (bucket.lines != null) {
            lines = new ArrayList<>(bucket.lines.size());
            for (ChatLine line : bucket.lines) {
                // Fields set directly: the constructor would turn an empty emote list into null.
                ChatLine copy = new ChatLine();
                copy.user = line.user;
                copy.text = line.text;
                copy.emotes = copyOf(line.emotes);
                lines.add(copy);
            }
        }
        return SecondBucket.restore(bucket.startMs, bucket.messages, bucket.emoteMessages, bucket.loudMessages,
                lines, copyOf(bucket.causes));
    }

    /** A mutable copy, or null; unlike {@code List.copyOf} it takes null elements. */
    static <T> List<T> copyOf(List<T> list) {
        return list == null ? null : new ArrayList<>(list);
    }

    static void writeString(String s, DataOutputView out) throws IOException {
        if (s == null) {
            out.writeByte(0);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeVarInt(bytes.length + 1, out);
        out.write(bytes);
    }

    static String readString(DataInputView in) throws IOException {
        int n = readVarInt(in) - 1;
        if (n < 0) {
            return null;
        }
        if (n == 0) {
            return "";
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void writeStrings(List<String> list, DataOutputView out) throws IOException {
        if (list == null) {
            out.writeByte(0);
            return;
        }
        writeVarInt(list.size() + 1, out);
        for (String s : list) {
            writeString(s, out);
        }
    }

    static List<String> readStrings(DataInputView in) throws IOException {
        int n = readVarInt(in) - 1;
        if (n < 0) {
            return null;
        }
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readString(in));
        }
        return list;
    }

    /** Seven bits a byte, low first; a negative value takes five bytes and still reads back. */
    static void writeVarInt(int value, DataOutputView out) throws IOException {
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    static int readVarInt(DataInputView in) throws IOException {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }
}
