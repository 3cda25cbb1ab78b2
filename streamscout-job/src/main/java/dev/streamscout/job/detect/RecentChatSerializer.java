package dev.streamscout.job.detect;

import static dev.streamscout.job.detect.SecondBucketFormat.copyOf;
import static dev.streamscout.job.detect.SecondBucketFormat.readString;
import static dev.streamscout.job.detect.SecondBucketFormat.readStrings;
import static dev.streamscout.job.detect.SecondBucketFormat.readVarInt;
import static dev.streamscout.job.detect.SecondBucketFormat.writeString;
import static dev.streamscout.job.detect.SecondBucketFormat.writeStrings;
import static dev.streamscout.job.detect.SecondBucketFormat.writeVarInt;

import dev.streamscout.core.detect.RecentChat;
import dev.streamscout.core.detect.SecondBucket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A compact binary form of {@link RecentChat} for the detector's {@code recent-chat} state. That
 * state holds every line of a channel's last seconds and is written on every checkpoint; as a POJO,
 * each line went through the generic collection and string serializers (per-element headers, a
 * varint per character) and snapshotting it took a large share of the job's CPU. Here the kept
 * seconds are written as {@link SecondBucketFormat} buckets, then the chatter window (chatter and the
 * number of its seconds they wrote in), its start and the recent cause times and tags.
 *
 * <p>Checkpoints of releases before this serializer hold the state as a POJO; {@link Snapshot} tells
 * Flink to migrate them (read with the POJO serializer, written back in this form).
 */
public final class RecentChatSerializer extends TypeSerializerSingleton<RecentChat> {

    private static final long serialVersionUID = 1L;
    public static final RecentChatSerializer INSTANCE = new RecentChatSerializer();
    /**
     * The state descriptor's type. Named there rather than through {@code @TypeInfo} on the class, which
     * lives in core and has no Flink imports; {@code TypeInformation.of(RecentChat.class)} is therefore
     * still the POJO type, the one checkpoints of earlier releases were written with.
     */
    public static final TypeInformation<RecentChat> TYPE = new SerializerTypeInfo<>(RecentChat.class, INSTANCE);

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public RecentChat createInstance() {
        return new RecentChat();
    }

    @Override
    public RecentChat copy(RecentChat from) {
        RecentChat to = new RecentChat();
        if (from.seconds == null) {
            to.seconds = null;
        } else {
            to.seconds = new ArrayList<>(from.seconds.size());
            for (SecondBucket bucket : from.seconds) {
                to.seconds.add(SecondBucketFormat.copyBucket(bucket));
            }
        }
        to.windowChatters = from.windowChatters == null ? null : new HashMap<>(from.windowChatters);
        to.windowFromMs = from.windowFromMs;
        to.causeTimes = copyOf(from.causeTimes);
        to.causeTags = copyOf(from.causeTags);
        return to;
    }

    @Override
    public RecentChat copy(RecentChat from, RecentChat reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(RecentChat recent, DataOutputView out) throws IOException {
        List<SecondBucket> seconds = recent.seconds;
        writeVarInt(seconds == null ? 0 : seconds.size() + 1, out);
        if (seconds != null) {
            for (SecondBucket bucket : seconds) {
                SecondBucketFormat.writeBucket(bucket, out);
            }
        }
        Map<String, Integer> chatters = recent.windowChatters;
        writeVarInt(chatters == null ? 0 : chatters.size() + 1, out);
        if (chatters != null) {
            // Counts are never null: the explainer drops a chatter when their count reaches zero.
            for (Map.Entry<String, Integer> chatter : chatters.entrySet()) {
                writeString(chatter.getKey(), out);
                writeVarInt(chatter.getValue(), out);
            }
        }
        out.writeLong(recent.windowFromMs);
        List<Long> causeTimes = recent.causeTimes;
        writeVarInt(causeTimes == null ? 0 : causeTimes.size() + 1, out);
        if (causeTimes != null) {
            for (long at : causeTimes) {
                out.writeLong(at);
            }
        }
        writeStrings(recent.causeTags, out);
    }

    @Override
    public RecentChat deserialize(DataInputView in) throws IOException {
        RecentChat recent = new RecentChat();
        int secondCount = readVarInt(in) - 1;
        recent.seconds = secondCount < 0 ? null : new ArrayList<>(secondCount);
        for (int i = 0; i < secondCount; i++) {
            recent.seconds.add(SecondBucketFormat.readBucket(in));
        }
        int chatterCount = readVarInt(in) - 1;
        recent.windowChatters = chatterCount < 0 ? null : new HashMap<>(chatterCount * 4 / 3 + 1);
        for (int i = 0; i < chatterCount; i++) {
            String chatter = readString(in);
            recent.windowChatters.put(chatter, readVarInt(in));
        }
        recent.windowFromMs = in.readLong();
        int causeCount = readVarInt(in) - 1;
        recent.causeTimes = causeCount < 0 ? null : new ArrayList<>(causeCount);
        for (int i = 0; i < causeCount; i++) {
            recent.causeTimes.add(in.readLong());
        }
        recent.causeTags = readStrings(in);
        return recent;
    }

    @Override
    public RecentChat deserialize(RecentChat reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<RecentChat> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * The format has no parameters: any version of this serializer reads it. Flink asks the snapshot
     * of the serializer now registered whether it can take over state written by the old one
     * (FLIP-263); state written as the {@link RecentChat} POJO can, after migration.
     */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<RecentChat> {

        public Snapshot() {
            super(() -> INSTANCE);
        }

        @Override
        public TypeSerializerSchemaCompatibility<RecentChat> resolveSchemaCompatibility(
                TypeSerializerSnapshot<RecentChat> oldSerializerSnapshot) {
            if (oldSerializerSnapshot instanceof PojoSerializerSnapshot<RecentChat> pojo && holdsRecentChat(pojo)) {
                return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
            }
            return super.resolveSchemaCompatibility(oldSerializerSnapshot);
        }

        /** The snapshot does not expose its class; the serializer it restores makes instances of it. */
        private static boolean holdsRecentChat(PojoSerializerSnapshot<RecentChat> pojo) {
            Object instance = pojo.restoreSerializer().createInstance();
            return instance != null && instance.getClass() == RecentChat.class;
        }
    }
}
