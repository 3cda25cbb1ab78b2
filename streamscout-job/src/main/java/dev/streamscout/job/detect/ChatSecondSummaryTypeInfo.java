package dev.streamscout.job.detect;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** {@link ChatSecondSummary}'s type for Flink: always {@link ChatSecondSummarySerializer}, never a POJO or Kryo. */
public final class ChatSecondSummaryTypeInfo {

    public static final TypeInformation<ChatSecondSummary> INSTANCE =
            new SerializerTypeInfo<>(ChatSecondSummary.class, ChatSecondSummarySerializer.INSTANCE);

    private ChatSecondSummaryTypeInfo() {}

    /** Picked up by {@code TypeInformation.of(ChatSecondSummary.class)} through the class's {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<ChatSecondSummary> {
        @Override
        public TypeInformation<ChatSecondSummary> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
            return INSTANCE;
        }
    }
}
