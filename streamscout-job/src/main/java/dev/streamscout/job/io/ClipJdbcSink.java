package dev.streamscout.job.io;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.store.ClipSql;
import dev.streamscout.store.DatabaseSettings;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * Writes clips to the {@code clips} table with Flink's JDBC Sink V2, at least once. The statement is
 * {@link ClipSql#INSERT} ({@code ON CONFLICT DO NOTHING} on the moment id), so a replayed clip is a
 * no-op and at-least-once delivery never duplicates a row.
 */
public final class ClipJdbcSink {

    /** Clips are rare; flush quickly so the API shows them within a fraction of a second. */
    static final int BATCH_SIZE = 50;
    static final long BATCH_INTERVAL_MS = 200;
    static final int MAX_RETRIES = 3;

    private ClipJdbcSink() {}

    public static JdbcSink<Clip> create(DatabaseSettings database) {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder connection =
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                        .withUrl(database.jdbcUrl())
                        .withDriverName(database.driverClassName());
        if (!database.user().isEmpty()) {
            connection.withUsername(database.user());
        }
        if (!database.password().isEmpty()) {
            connection.withPassword(database.password());
        }
        return JdbcSink.<Clip>builder()
                .withQueryStatement(ClipSql.INSERT, ClipSql::bind)
                .withExecutionOptions(JdbcExecutionOptions.builder()
                        .withBatchSize(BATCH_SIZE)
                        .withBatchIntervalMs(BATCH_INTERVAL_MS)
                        .withMaxRetries(MAX_RETRIES)
                        .build())
                .buildAtLeastOnce(connection.build());
    }
}
