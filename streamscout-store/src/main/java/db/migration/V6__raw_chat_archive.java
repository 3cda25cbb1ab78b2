package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The raw chat archive {@code chat_messages_raw} (seed 003 keeps raw messages 7 days).
 *
 * <p>A Java migration because the two databases need different tables and the same migrations run on
 * both: on PostgreSQL a table range-partitioned by day on {@code sent_at} (retention drops whole
 * partitions, which is instant and leaves no bloat; {@code RawChatDao} creates each day's partition
 * before writing into it); on H2 a plain table whose retention deletes rows. One class keeps the
 * two shapes side by side, where per-database SQL locations would split them across folders.
 * The primary key includes {@code sent_at} because PostgreSQL requires the partition key in it; a
 * replayed message has the same id and time, so {@code ON CONFLICT DO NOTHING} still drops it.
 */
public class V6__raw_chat_archive extends BaseJavaMigration {

    private static final String COLUMNS = "message_id VARCHAR(64) NOT NULL, channel_id VARCHAR(64) NOT NULL,"
            + " channel_login VARCHAR(64), user_id VARCHAR(64), username VARCHAR(64), display_name VARCHAR(64),"
            + " message VARCHAR NOT NULL, emotes VARCHAR, sent_at TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " PRIMARY KEY (message_id, sent_at)";

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = context.getConnection().getMetaData().getDatabaseProductName().contains("PostgreSQL");
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("CREATE TABLE chat_messages_raw (" + COLUMNS + ")"
                    + (postgres ? " PARTITION BY RANGE (sent_at)" : ""));
            // GET /api/channels/{id}/messages: one channel between two instants.
            s.execute("CREATE INDEX chat_messages_raw_channel_sent_at_idx ON chat_messages_raw (channel_id, sent_at)");
        }
    }
}
