package dev.streamscout.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The raw chat switch and the two retention keys. */
class StoreRetentionConfigTest {

    private static StreamScoutConfig with(Map<ConfigKey, String> overrides) {
        return StreamScoutConfig.from(RawConfig.load(null, Map.of(), overrides));
    }

    @Test
    void defaultsArchiveRawChatForSevenDaysAndTheTimeSeriesForThirty() {
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.defaults());

        assertThat(config.rawChatEnabled()).isTrue();
        assertThat(config.rawChatRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(config.timeseriesRetention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void theKeysAreReadAndZeroKeepsEverything() {
        StreamScoutConfig config = with(Map.of(ConfigKey.STORE_RAW_CHAT_ENABLED, "false",
                ConfigKey.STORE_RETENTION_RAW_CHAT, "P2D", ConfigKey.STORE_RETENTION_TIMESERIES, "0"));

        assertThat(config.rawChatEnabled()).isFalse();
        assertThat(config.rawChatRetention()).isEqualTo(Duration.ofDays(2));
        assertThat(config.timeseriesRetention()).isZero();
    }

    @Test
    void retentionsBelowAnHourOrNotDurationsNameTheirKey() {
        assertThatThrownBy(() -> with(Map.of(ConfigKey.STORE_RETENTION_RAW_CHAT, "PT5M")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("store.retention.raw-chat")
                .hasMessageContaining("at least 1 hour");
        assertThatThrownBy(() -> with(Map.of(ConfigKey.STORE_RETENTION_TIMESERIES, "a week")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("store.retention.timeseries");
        assertThatThrownBy(() -> with(Map.of(ConfigKey.STORE_RAW_CHAT_ENABLED, "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("store.raw-chat.enabled");
    }
}
