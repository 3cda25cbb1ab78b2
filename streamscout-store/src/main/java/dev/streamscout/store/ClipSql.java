package dev.streamscout.store;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The SQL of the {@code clips} table kept beside the code that binds and reads it, so that the
 * Flink JDBC sink and {@link ClipDao} write rows the same way.
 */
public final class ClipSql {

    /** Column list, in the order {@link #bind} fills the parameters. */
    static final String COLUMNS = "moment_id, clip_id, channel_id, channel_login, peak_at, created_at,"
            + " url, edit_url, title, intensity, message_count, status, failure_reason";

    /**
     * Idempotent insert: a replayed clip (same moment id) is silently skipped, which makes
     * at-least-once delivery safe. No conflict target, so the statement runs on H2 as well.
     */
    public static final String INSERT = "INSERT INTO clips (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private ClipSql() {}

    /** Fills the 13 parameters of {@link #INSERT}; times are bound as UTC {@link OffsetDateTime}. */
    public static void bind(PreparedStatement ps, Clip clip) throws SQLException {
        ps.setString(1, clip.momentId());
        ps.setString(2, clip.clipId());
        ps.setString(3, clip.channelId());
        ps.setString(4, clip.channelLogin());
        ps.setObject(5, toTimestamp(clip.peakMs()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(6, toTimestamp(clip.createdMs()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(7, clip.url());
        ps.setString(8, clip.editUrl());
        ps.setString(9, clip.title());
        ps.setDouble(10, clip.intensity());
        ps.setInt(11, clip.messageCount());
        ps.setString(12, clip.status().name());
        ps.setString(13, clip.failureReason());
    }

    /** The clips {@code sql} selects ({@link #read} columns), its parameters set by {@code binder}. */
    static List<Clip> query(DataSource dataSource, String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<Clip> clips = new ArrayList<>();
                while (rs.next()) {
                    clips.add(read(rs));
                }
                return clips;
            }
        } catch (SQLException e) {
            throw new StoreException("Querying clips failed", e);
        }
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads the current row of a query that selected {@link #COLUMNS}. */
    static Clip read(ResultSet rs) throws SQLException {
        return new Clip(
                rs.getString("moment_id"),
                rs.getString("clip_id"),
                rs.getString("channel_id"),
                rs.getString("channel_login"),
                toEpochMs(rs.getObject("peak_at", OffsetDateTime.class)),
                toEpochMs(rs.getObject("created_at", OffsetDateTime.class)),
                rs.getString("url"),
                rs.getString("edit_url"),
                rs.getString("title"),
                rs.getDouble("intensity"),
                rs.getInt("message_count"),
                ClipStatus.valueOf(rs.getString("status")),
                rs.getString("failure_reason"));
    }

    static OffsetDateTime toTimestamp(long epochMs) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
    }

    static OffsetDateTime toTimestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static long toEpochMs(OffsetDateTime t) {
        return t.toInstant().toEpochMilli();
    }
}
