package dev.streamscout.job.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.store.ChatMinuteSummary;
import dev.streamscout.store.StoredMoment;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The records the analytics branch keeps in state or sends between operators are Flink POJOs, not Kryo. */
class AnalyticsSerializationTest {

    @ParameterizedTest
    @ValueSource(classes = {StoredMoment.class, ChatMinuteSummary.class, ChannelStats.class, ChatMinuteTally.class,
            StreamLifecycleEvent.class})
    void is_a_flink_pojo_without_kryo(Class<?> type) {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
        assertThat(TypeInformation.of(type)).isInstanceOf(PojoTypeInfo.class);
    }
}
