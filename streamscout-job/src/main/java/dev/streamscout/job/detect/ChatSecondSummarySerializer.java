package dev.streamscout.job.detect;

import static dev.streamscout.job.detect.SecondBucketFormat.readString;
import static dev.streamscout.job.detect.SecondBucketFormat.readStrings;
import static dev.streamscout.job.detect.SecondBucketFormat.writeString;
import static dev.streamscout.job.detect.SecondBucketFormat.writeStrings;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.SecondBucket;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A compact binary form of {@link ChatSecondSummary} for the shuffle to the detector: on this
 * workload most channel-seconds hold one or two messages, so the POJO serializer's per-field
 * bookkeeping (null flags, nested POJO and collection headers, reflection) cost about as much as the
 * chat itself. Writes the channel, the second's bucket in {@link SecondBucketFormat} and the late
 * candidate, if any. Summaries only travel between operators, never sit in state.
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
        to.bucket = from.bucket == null ? null : SecondBucketFormat.copyBucket(from.bucket);
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
            SecondBucketFormat.writeBucket(b, out);
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
            summary.bucket = SecondBucketFormat.readBucket(in);
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
}
