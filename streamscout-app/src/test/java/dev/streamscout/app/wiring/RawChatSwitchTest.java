package dev.streamscout.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.RawConfig;
import dev.streamscout.app.config.StreamScoutConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code store.raw-chat.enabled} reaches the job settings that both the all-in-one and the job command use. */
class RawChatSwitchTest {

    @Test
    void theJobArchivesRawChatUnlessSwitchedOff() {
        assertThat(AllInOne.jobSettings(StreamScoutConfig.from(RawConfig.defaults())).rawChatArchive()).isTrue();
        StreamScoutConfig off = StreamScoutConfig.from(RawConfig.load(null, Map.of(),
                Map.of(ConfigKey.STORE_RAW_CHAT_ENABLED, "false")));
        assertThat(AllInOne.jobSettings(off).rawChatArchive()).isFalse();
    }
}
