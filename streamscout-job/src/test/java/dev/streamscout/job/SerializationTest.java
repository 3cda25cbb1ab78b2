package dev.streamscout.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.SeedDetectorState;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.job.detect.ChannelClock;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything held in state or sent between operators is serialized by Flink's POJO serializer, not Kryo. */
class SerializationTest {

    @ParameterizedTest
    @ValueSource(classes = {SeedDetectorState.class, ChannelClock.class, Moment.class, Clip.class, ChatMessage.class})
    void is_a_flink_pojo_without_kryo(Class<?> type) {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
        assertThat(TypeInformation.of(type)).isInstanceOf(PojoTypeInfo.class);
    }
}
