package dev.streamscout.job.detect;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** {@link ChatSecondSummary}'s type for Flink: always {@link ChatSecondSummarySerializer}, never a POJO or Kryo. */
public final class ChatSecondSummaryTypeInfo extends TypeInformation<ChatSecondSummary> {

    private static final long serialVersionUID = 1L;
    public static final ChatSecondSummaryTypeInfo INSTANCE = new ChatSecondSummaryTypeInfo();

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
    public Class<ChatSecondSummary> getTypeClass() {
        return ChatSecondSummary.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<ChatSecondSummary> createSerializer(SerializerConfig config) {
        return ChatSecondSummarySerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "ChatSecondSummary";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ChatSecondSummaryTypeInfo;
    }

    @Override
    public int hashCode() {
        return ChatSecondSummaryTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof ChatSecondSummaryTypeInfo;
    }

    /** Picked up by {@code TypeInformation.of(ChatSecondSummary.class)} through the class's {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<ChatSecondSummary> {
        @Override
        public TypeInformation<ChatSecondSummary> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
            return INSTANCE;
        }
    }
}
