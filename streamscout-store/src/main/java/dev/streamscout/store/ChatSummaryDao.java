package dev.streamscout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** Reads and writes {@code chat_summary_minute}. Thread-safe; every call borrows its own connection. */
public final class ChatSummaryDao {

    private final DataSource dataSource;

    public ChatSummaryDao(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Inserts the minute, or replaces the stored one for the same channel and minute. */
    public void upsert(ChatMinuteSummary summary) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ChatSummarySql.UPSERT)) {
            ChatSummarySql.bind(ps, summary);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Upserting chat summary of " + summary.channelId() + " failed", e);
        }
    }

    /** One channel's minutes starting in {@code [start, end)}, oldest first. */
    public List<ChatMinuteSummary> findByChannelBetween(String channelId, Instant start, Instant end, int limit) {
        Objects.requireNonNull(channelId, "channelId");
        MomentDao.requireRange(start, end, limit);
        String sql = "SELECT " + ChatSummarySql.COLUMNS + " FROM chat_summary_minute"
                + " WHERE channel_id = ? AND minute_at >= ? AND minute_at < ? ORDER BY minute_at LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, channelId);
            ps.setObject(2, ClipSql.toTimestamp(start), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(3, ClipSql.toTimestamp(end), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<ChatMinuteSummary> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(ChatSummarySql.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreException("Querying chat summaries failed", e);
        }
    }
}
