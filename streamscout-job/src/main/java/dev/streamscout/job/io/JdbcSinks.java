package dev.streamscout.job.io;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.store.ChatMinuteSummary;
import dev.streamscout.store.ChatSummarySql;
import dev.streamscout.store.DatabaseSettings;
import dev.streamscout.store.MomentSql;
import dev.streamscout.store.StoredMoment;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The job's JDBC Sink V2 writers besides clips ({@link ClipJdbcSink}), all at least once with
 * idempotent statements: moments with {@code INSERT ... ON CONFLICT DO NOTHING} on the moment id,
 * chat minutes with a portable MERGE on (channel, minute). A replay never duplicates a row.
 */
public final class JdbcSinks {

    static final int MOMENT_BATCH_SIZE = 50;
    static final int SUMMARY_BATCH_SIZE = 200;
    static final long BATCH_INTERVAL_MS = 200;
    static final int MAX_RETRIES = 3;

    private JdbcSinks() {}

    public static JdbcSink<StoredMoment> moments(DatabaseSettings database) {
        return sink(database, MomentSql.INSERT, MomentSql::bind, MOMENT_BATCH_SIZE);
    }

    public static JdbcSink<ChatMinuteSummary> chatSummaries(DatabaseSettings database) {
        return sink(database, ChatSummarySql.UPSERT, ChatSummarySql::bind, SUMMARY_BATCH_SIZE);
    }

    /** Same as {@link ClipJdbcSink#create}, here so every sink is found in one place. */
    public static JdbcSink<Clip> clips(DatabaseSettings database) {
        return ClipJdbcSink.create(database);
    }

    private static <T> JdbcSink<T> sink(DatabaseSettings database, String sql, JdbcStatementBuilder<T> binder,
            int batchSize) {
        return JdbcSink.<T>builder()
                .withQueryStatement(sql, binder)
                .withExecutionOptions(JdbcExecutionOptions.builder()
                        .withBatchSize(batchSize)
                        .withBatchIntervalMs(BATCH_INTERVAL_MS)
                        .withMaxRetries(MAX_RETRIES)
                        .build())
                .buildAtLeastOnce(connection(database));
    }

    static JdbcConnectionOptions connection(DatabaseSettings database) {
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
        return connection.build();
    }
}
