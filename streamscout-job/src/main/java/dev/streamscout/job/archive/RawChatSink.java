package dev.streamscout.job.archive;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.store.DatabaseSettings;
import dev.streamscout.store.RawChatDao;
import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Archives every chat message in {@code chat_messages_raw} (seed 003 keeps raw chat for 7 days) through
 * {@link RawChatDao}, at least once: each writer batches up to {@link #BATCH_SIZE} messages or
 * {@link #BATCH_INTERVAL_MS} and flushes on every checkpoint, and a replayed message (same id and time) is
 * dropped by {@code ON CONFLICT DO NOTHING}.
 *
 * <p>A custom Sink V2 rather than Flink's {@code JdbcSink}: on PostgreSQL a day's partition must exist
 * before rows for it are written, which {@link RawChatDao#insert} takes care of per batch. Each writer
 * opens a small pool of its own (the schema is migrated by whoever starts the job).
 */
public final class RawChatSink implements Sink<ChatMessage> {

    private static final long serialVersionUID = 1L;

    /** Most messages held before a write; a busy chat fills it in well under the interval. */
    public static final int BATCH_SIZE = 500;
    /** Longest a message waits in a writer before it is written. */
    public static final long BATCH_INTERVAL_MS = 200;
    /** One connection writes; a second lets a slow checkpoint flush overlap pool housekeeping. */
    static final int POOL_SIZE = 2;

    // DatabaseSettings is not Serializable: the sink keeps the parts a writer needs to connect.
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String driverClassName;
    private final long connectionTimeoutMs;

    public RawChatSink(DatabaseSettings database) {
        Objects.requireNonNull(database, "database");
        this.jdbcUrl = database.jdbcUrl();
        this.user = database.user();
        this.password = database.password();
        this.driverClassName = database.driverClassName();
        this.connectionTimeoutMs = database.pool().connectionTimeout().toMillis();
    }

    @Override
    public SinkWriter<ChatMessage> createWriter(WriterInitContext context) throws IOException {
        HikariDataSource pool = pool(context.getTaskInfo().getIndexOfThisSubtask());
        try {
            return new RawChatWriter(new RawChatDao(pool), context.getProcessingTimeService(), context.metricGroup(),
                    BATCH_SIZE, BATCH_INTERVAL_MS, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw new IOException("Opening the raw chat archive failed: " + e.getMessage(), e);
        }
    }

    private HikariDataSource pool(int subtask) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("streamscout-raw-chat-" + subtask);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setDriverClassName(driverClassName);
        config.setMinimumIdle(1);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(connectionTimeoutMs);
        return new HikariDataSource(config);
    }
}
