package dev.streamscout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {

    @Test
    void theDefaultPoolIsTheSeedPlans() {
        try (TestDatabase h2 = TestDatabase.h2(); Database database = Database.open(h2.settings())) {
            HikariDataSource pool = (HikariDataSource) database.dataSource();

            assertThat(h2.settings().pool()).isEqualTo(PoolSettings.DEFAULTS);
            assertThat(pool.getMinimumIdle()).isEqualTo(2);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
            assertThat(pool.getConnectionTimeout()).isEqualTo(30_000);
            assertThat(pool.getIdleTimeout()).isEqualTo(600_000);
        }
    }

    @Test
    void aConfiguredPoolIsTheOneOpened() {
        PoolSettings small = new PoolSettings(1, 3, Duration.ofSeconds(5), Duration.ofSeconds(60));
        try (TestDatabase h2 = TestDatabase.h2(); Database database = Database.open(h2.settings().withPool(small))) {
            HikariDataSource pool = (HikariDataSource) database.dataSource();

            assertThat(database.settings().pool()).isEqualTo(small);
            assertThat(pool.getMinimumIdle()).isEqualTo(1);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getConnectionTimeout()).isEqualTo(5_000);
            assertThat(pool.getIdleTimeout()).isEqualTo(60_000);
            assertThat(database.settings().toString()).contains("maxSize=3");
        }
    }

    @Test
    void valuesHikariWouldQuietlyChangeAreRefused() {
        Duration second = Duration.ofSeconds(1);
        Duration minute = Duration.ofMinutes(1);
        assertThatThrownBy(() -> new PoolSettings(0, 0, second, minute)).hasMessageContaining("max size");
        assertThatThrownBy(() -> new PoolSettings(5, 4, second, minute)).hasMessageContaining("min idle");
        assertThatThrownBy(() -> new PoolSettings(-1, 4, second, minute)).hasMessageContaining("min idle");
        assertThatThrownBy(() -> new PoolSettings(1, 4, Duration.ofMillis(100), minute))
                .hasMessageContaining("connection timeout");
        assertThatThrownBy(() -> new PoolSettings(1, 4, second, Duration.ofSeconds(5)))
                .hasMessageContaining("idle timeout");
        assertThat(new PoolSettings(0, 1, Duration.ofMillis(250), Duration.ZERO).idleTimeout()).isZero();
    }
}
