package dev.streamscout.job.detect;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.ChatLine;
import dev.streamscout.core.detect.SecondBucket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A compact binary form of {@link ChatSecondSummary} for the shuffle to the detector: on this
 * workload most channel-seconds hold one or two messages, so the POJO serializer's per-field
 * bookkeeping (null flags, nested POJO and collection headers, reflection) cost about as much as the
 * chat itself. Writes the counts, each line's sender, text and emotes (strings as UTF-8 with a varint
 * length) and the cause tags; the distinct chatters are not written but rebuilt from the lines
 * ({@link SecondBucket#restore}). Summaries only travel between operators, never sit in state.
 */
public final class ChatSecondSummarySerializer extends TypeSerializerSingleton<ChatSecondSummary> {

    private static final long serialVersionUID = 1L;
    public static final ChatSecondSummarySerializer INSTANCE = new ChatSecondSummarySerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public ChatSecondSummary createInstance() {
        return new ChatSecondSummary();
    }

    @Override
    public ChatSecondSummary copy(ChatSecondSummary from) {
        ChatSecondSummary to = new ChatSecondSummary();
        to.channelId = from.channelId;
        to.channelLogin = from.channelLogin;
        to.maxEventMs = from.maxEventMs;
        to.lateCandidate = from.lateCandidate; // an immutable record
        if (from.bucket != null) {
            SecondBucket b = from.bucket;
            List<ChatLine> lines = null;
            if (b.lines != null) {
                lines = new ArrayList<>(b.lines.size());
                for (ChatLine line : b.lines) {
                    lines.add(new ChatLine(line.user, line.text, line.emotes == null ? null : List.copyOf(line.emotes)));
                }
            }
            to.bucket = SecondBucket.restore(b.startMs, b.messages, b.emoteMessages, b.loudMessages, lines,
                    b.causes == null ? null : new ArrayList<>(b.causes));
        }
        return to;
    }

    @Override
    public ChatSecondSummary copy(ChatSecondSummary from, ChatSecondSummary reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(ChatSecondSummary summary, DataOutputView out) throws IOException {
        writeString(summary.channelId, out);
        writeString(summary.channelLogin, out);
        out.writeLong(summary.maxEventMs);
        SecondBucket b = summary.bucket;
        out.writeBoolean(b != null);
        if (b != null) {
            out.writeLong(b.startMs);
            writeVarInt(b.messages, out);
            writeVarInt(b.emoteMessages, out);
            writeVarInt(b.loudMessages, out);
            writeVarInt(b.lines == null ? 0 : b.lines.size() + 1, out);
            if (b.lines != null) {
                for (ChatLine line : b.lines) {
                    writeString(line.user, out);
                    writeString(line.text, out);
                    writeStrings(line.emotes, out);
                }
            }
            writeStrings(b.causes, out);
        }
        ChatMessage late = summary.lateCandidate;
        out.writeBoolean(late != null);
        if (late != null) {
            writeString(late.channelId(), out);
            writeString(late.channelLogin(), out);
            writeString(late.userId(), out);
            writeString(late.username(), out);
            writeString(late.displayName(), out);
            writeString(late.message(), out);
            out.writeLong(late.timestamp());
            writeStrings(late.emotes(), out);
            writeString(late.messageId(), out);
        }
    }

    @Override
    public ChatSecondSummary deserialize(DataInputView in) throws IOException {
        ChatSecondSummary summary = new ChatSecondSummary();
        summary.channelId = readString(in);
        summary.channelLogin = readString(in);
        summary.maxEventMs = in.readLong();
        if (in.readBoolean()) {
            long startMs = in.readLong();
            int messages = readVarInt(in);
            int emoteMessages = readVarInt(in);
            int loudMessages = readVarInt(in);
            int lineCount = readVarInt(in) - 1;
            List<ChatLine> lines = null;
            if (lineCount >= 0) {
                lines = new ArrayList<>(Math.max(2, lineCount));
                for (int i = 0; i < lineCount; i++) {
                    String user = readString(in);
                    String text = readString(in);
                    lines.add(new ChatLine(user, text, readStrings(in)));
                }
            }
            summary.bucket = SecondBucket.restore(startMs, messages, emoteMessages, loudMessages, lines,
                    readStrings(in));
        }
        if (in.readBoolean()) {
            summary.lateCandidate = new ChatMessage(readString(in), readString(in), readString(in), readString(in),
                    readString(in), readString(in), in.readLong(), readStrings(in), readString(in));
        }
        return summary;
    }

    @Override
    public ChatSecondSummary deserialize(ChatSecondSummary reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<ChatSecondSummary> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The format has no parameters: any version of this serializer reads it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ChatSecondSummary> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /* Strings: varint (UTF-8 byte length + 1, 0 for null), then the bytes. */

    private static void writeString(String s, DataOutputView out) throws IOException {
        if (s == null) {
            out.writeByte(0);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeVarInt(bytes.length + 1, out);
        out.write(bytes);
    }

    private static String readString(DataInputView in) throws IOException {
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

    private static void writeStrings(List<String> list, DataOutputView out) throws IOException {
        if (list == null) {
            out.writeByte(0);
            return;
        }
        writeVarInt(list.size() + 1, out);
        for (String s : list) {
            writeString(s, out);
        }
    }

    private static List<String> readStrings(DataInputView in) throws IOException {
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

    private static void writeVarInt(int value, DataOutputView out) throws IOException {
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    private static int readVarInt(DataInputView in) throws IOException {
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
