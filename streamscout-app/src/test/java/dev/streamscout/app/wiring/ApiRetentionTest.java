package dev.streamscout.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.RawConfig;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code streamscout api} runs the store retention: the one StreamScout process that stays beside PostgreSQL
 * whichever way the job runs (submitted to a Flink cluster, nothing of the job stays behind).
 */
class ApiRetentionTest {

    private static final Instant NOW = Instant.now();

    @Test
    void the_api_removes_viewer_samples_older_than_their_retention_and_keeps_the_rest() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create()) {
            StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(null, Map.of(), Map.of(
                    ConfigKey.POSTGRES_URL, schema.url(), ConfigKey.POSTGRES_USER, schema.user(),
                    ConfigKey.HTTP_PORT, "0", ConfigKey.STORE_RETENTION_TIMESERIES, "P30D")));
            try (Database database = Database.open(RequiredPostgres.of(config, "test"))) {
                sample(database, "old", NOW.minus(Duration.ofDays(31)));
                sample(database, "recent", NOW.minus(Duration.ofDays(29)));
            }

            try (StandaloneApi api = StandaloneApi.start(config, Duration.ZERO)) {
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                        .until(() -> schema.column("SELECT channel_id FROM viewer_timeseries").size() == 1);
            }

            assertThat(schema.column("SELECT channel_id FROM viewer_timeseries")).containsExactly("recent");
        }
    }

    private static void sample(Database database, String channelId, Instant at) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO viewer_timeseries (channel_id, observed_at, viewer_count) VALUES (?, ?, 100)")) {
            ps.setString(1, channelId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.executeUpdate();
        }
    }
}
