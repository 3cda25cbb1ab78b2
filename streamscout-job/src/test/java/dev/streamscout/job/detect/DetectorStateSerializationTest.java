package dev.streamscout.job.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.detect.DefaultDetectorState;
import dev.streamscout.core.detect.RecentChat;
import dev.streamscout.core.detect.SecondBucket;
import dev.streamscout.core.detect.SeedDetectorState;
import dev.streamscout.core.highlight.Moment;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything the spike detector operator keeps in state or emits is a Flink POJO, never Kryo. */
class DetectorStateSerializationTest {

    @ParameterizedTest
    @ValueSource(classes = {SeedDetectorState.class, DefaultDetectorState.class, SecondBucket.class, RecentChat.class,
        ChannelClock.class, Moment.class})
    void is_a_flink_pojo_without_kryo(Class<?> type) {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
        assertThat(TypeInformation.of(type)).isInstanceOf(PojoTypeInfo.class);
    }
}
