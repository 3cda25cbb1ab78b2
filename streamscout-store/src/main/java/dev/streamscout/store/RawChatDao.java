package dev.streamscout.store;

import dev.streamscout.core.chat.ChatMessage;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The raw chat archive {@code chat_messages_raw}: batched idempotent writes, reads by channel and time,
 * and retention. On PostgreSQL the table is partitioned by UTC day; the DAO creates a day's partition
 * before the first write into it and retention drops whole partitions. On H2 retention deletes rows.
 */
public final class RawChatDao {

    /** The same statement a Flink JDBC sink would use; a replayed message (same id and time) is skipped. */
    public static final String INSERT = "INSERT INTO chat_messages_raw (message_id, channel_id, channel_login,"
            + " user_id, username, display_name, message, emotes, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    static final String RANGE = "SELECT message_id, channel_id, channel_login, user_id, username, display_name,"
            + " message, emotes, sent_at FROM chat_messages_raw WHERE channel_id = ? AND sent_at >= ? AND sent_at < ?"
            + " ORDER BY sent_at, message_id LIMIT ?";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Pattern PARTITION = Pattern.compile("chat_messages_raw_(\\d{8})");

    private final DataSource dataSource;
    private final boolean partitioned;

    public RawChatDao(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        try (Connection c = dataSource.getConnection()) {
            this.partitioned = c.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        } catch (SQLException e) {
            throw new StoreException("Opening the raw chat archive failed", e);
        }
    }

    /** Fills the 9 parameters of {@link #INSERT}. */
    public static void bind(PreparedStatement ps, ChatMessage m) throws SQLException {
        ps.setString(1, m.messageId());
        ps.setString(2, m.channelId());
        ps.setString(3, m.channelLogin());
        ps.setString(4, m.userId());
        ps.setString(5, m.username());
        ps.setString(6, m.displayName());
        ps.setString(7, m.message());
        ps.setString(8, JsonColumns.write(m.emotes()));
        ps.setObject(9, ClipSql.toTimestamp(m.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /**
     * Stores the messages in one batch and transaction (messages without an id are skipped: they cannot be
     * made idempotent).
     *
     * @return how many rows were new
     */
    public int insert(Collection<ChatMessage> messages) {
        List<ChatMessage> rows = messages.stream().filter(m -> m.messageId() != null && !m.messageId().isBlank())
                .toList();
        if (rows.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            if (partitioned) {
                TreeSet<LocalDate> days = new TreeSet<>();
                rows.forEach(m -> days.add(day(m.timestamp())));
                ensurePartitions(c, days);
            }
            return BatchInsert.run(c, INSERT, rows, RawChatDao::bind);
        } catch (SQLException e) {
            throw new StoreException("Archiving " + rows.size() + " chat messages failed", e);
        }
    }

    /** A channel's messages sent in {@code [from, to)}, oldest first, at most {@code limit}. */
    public List<ChatMessage> find(String channelId, Instant from, Instant to, int limit) {
        MomentDao.requireRange(from, to, limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RANGE)) {
            ps.setString(1, Objects.requireNonNull(channelId, "channelId"));
            ps.setObject(2, ClipSql.toTimestamp(from), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(3, ClipSql.toTimestamp(to), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<ChatMessage> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(new ChatMessage(rs.getString("channel_id"), rs.getString("channel_login"),
                            rs.getString("user_id"), rs.getString("username"), rs.getString("display_name"),
                            rs.getString("message"),
                            rs.getObject("sent_at", java.time.OffsetDateTime.class).toInstant().toEpochMilli(),
                            JsonColumns.strings(rs.getString("emotes")), rs.getString("message_id")));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new StoreException("Reading archived chat of " + channelId + " failed", e);
        }
    }

    /**
     * Removes messages sent before {@code cutoff}. On PostgreSQL whole days are dropped: a day's partition
     * goes once all of it is older than the cutoff, so up to a day more than the retention is kept.
     *
     * @return on PostgreSQL the partitions dropped, on H2 the rows deleted
     */
    public int deleteOlderThan(Instant cutoff) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (!partitioned) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_messages_raw WHERE sent_at < ?")) {
                    ps.setObject(1, ClipSql.toTimestamp(cutoff), Types.TIMESTAMP_WITH_TIMEZONE);
                    return ps.executeUpdate();
                }
            }
            int dropped = 0;
            for (String partition : partitions(c)) {
                Matcher m = PARTITION.matcher(partition);
                if (m.matches()) {
                    LocalDate day = LocalDate.parse(m.group(1), DAY);
                    if (!day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(cutoff)) {
                        // IF EXISTS: retention may run in several API instances at once.
                        s.execute("DROP TABLE IF EXISTS " + partition);
                        dropped++;
                    }
                }
            }
            return dropped;
        } catch (SQLException e) {
            throw new StoreException("Removing archived chat before " + cutoff + " failed", e);
        }
    }

    private static List<String> partitions(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), "chat_messages_raw_%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    // Concurrent writers may race to create the same day: IF NOT EXISTS makes that harmless.
    private static void ensurePartitions(Connection c, Collection<LocalDate> days) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (LocalDate day : days) {
                s.execute("CREATE TABLE IF NOT EXISTS chat_messages_raw_" + DAY.format(day)
                        + " PARTITION OF chat_messages_raw FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('"
                        + day.plusDays(1) + " 00:00:00+00')");
            }
        }
    }

    private static LocalDate day(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
