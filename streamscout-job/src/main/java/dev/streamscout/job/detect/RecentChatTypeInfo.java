package dev.streamscout.job.detect;

import dev.streamscout.core.detect.RecentChat;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * {@link RecentChat}'s type for the detector's state: always {@link RecentChatSerializer}. Named in
 * the state descriptor rather than through {@code @TypeInfo} on the class, which lives in core and
 * has no Flink imports; {@code TypeInformation.of(RecentChat.class)} is therefore still the POJO type,
 * the one checkpoints of earlier releases were written with.
 */
public final class RecentChatTypeInfo extends TypeInformation<RecentChat> {

    private static final long serialVersionUID = 1L;
    public static final RecentChatTypeInfo INSTANCE = new RecentChatTypeInfo();

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<RecentChat> getTypeClass() {
        return RecentChat.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<RecentChat> createSerializer(SerializerConfig config) {
        return RecentChatSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "RecentChat";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RecentChatTypeInfo;
    }

    @Override
    public int hashCode() {
        return RecentChatTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof RecentChatTypeInfo;
    }
}
