package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, puts {@code sent_at} first in the primary key of {@code chat_messages_raw}:
 * {@code (sent_at, message_id)} instead of {@code (message_id, sent_at)}.
 *
 * <p>Why: message ids are random UUIDs, so with the id first every batch of archived chat landed all over
 * the key's B-tree, and H2's copy-on-write store rewrote most of the tree's pages at each of its
 * background writes; the cost per message grew with the table (about 67 CPU-s per million rows over the
 * first million, against 25 with the time first, in the same H2 run). Chat arrives roughly in time order,
 * so with the time first a batch touches the tree's last few pages. The key holds the same columns, so a
 * replayed message (same id and time) is still dropped by {@code ON CONFLICT DO NOTHING}; H2's retention
 * ({@code DELETE ... WHERE sent_at < ?}) can now use the key too.
 *
 * <p>PostgreSQL is left as it is: its B-tree is updated in place, and rebuilding the key of every day's
 * partition of a large archive is not worth it there.
 */
public class V9__raw_chat_key_time_first extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (context.getConnection().getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("ALTER TABLE chat_messages_raw DROP PRIMARY KEY");
            s.execute("ALTER TABLE chat_messages_raw ADD PRIMARY KEY (sent_at, message_id)");
        }
    }
}
