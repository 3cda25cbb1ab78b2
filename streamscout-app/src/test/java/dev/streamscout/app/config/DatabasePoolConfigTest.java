package dev.streamscout.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.store.PoolSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabasePoolConfigTest {

    private static StreamScoutConfig with(Map<ConfigKey, String> overrides) {
        return StreamScoutConfig.from(RawConfig.load(null, Map.of(), overrides));
    }

    @Test
    void theDefaultsAreTheSeedPlansPool() {
        assertThat(StreamScoutConfig.from(RawConfig.defaults()).databasePool()).isEqualTo(PoolSettings.DEFAULTS);
    }

    @Test
    void everyPoolKeyIsRead() {
        PoolSettings pool = with(Map.of(ConfigKey.DB_POOL_MIN_IDLE, "0", ConfigKey.DB_POOL_MAX_SIZE, "4",
                ConfigKey.DB_POOL_CONNECTION_TIMEOUT, "2.5", ConfigKey.DB_POOL_IDLE_TIMEOUT, "0")).databasePool();

        assertThat(pool).isEqualTo(new PoolSettings(0, 4, Duration.ofMillis(2500), Duration.ZERO));
    }

    @Test
    void badPoolValuesNameTheirKey() {
        assertThatThrownBy(() -> with(Map.of(ConfigKey.DB_POOL_MIN_IDLE, "11")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("database.pool.min-idle");
        assertThatThrownBy(() -> with(Map.of(ConfigKey.DB_POOL_MAX_SIZE, "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("database.pool.max-size");
        assertThatThrownBy(() -> with(Map.of(ConfigKey.DB_POOL_CONNECTION_TIMEOUT, "PT0.1S")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("database.pool.connection-timeout");
        assertThatThrownBy(() -> with(Map.of(ConfigKey.DB_POOL_IDLE_TIMEOUT, "5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("database.pool.idle-timeout");
    }
}
