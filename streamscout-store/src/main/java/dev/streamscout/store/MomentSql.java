package dev.streamscout.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;

/**
 * The SQL of the {@code moments} table beside the code that binds and reads it, so that the Flink
 * JDBC sink and {@link MomentDao} write rows the same way.
 */
public final class MomentSql {

    /** Column list, in the order {@link #bind} fills the parameters. */
    static final String COLUMNS = "id, channel_id, channel_login, moment_type, start_at, peak_at, end_at, intensity,"
            + " baseline_mean, baseline_stddev, rate, message_count, unique_chatters, top_tokens, top_emotes,"
            + " sample_messages, cause_tags, profile, stream_started_at, vod_offset_seconds, detected_at, vod_url";

    /**
     * Idempotent insert: a replayed moment (same id) is skipped, so at-least-once delivery never
     * duplicates or rewrites a row. No conflict target, so it runs on H2 as well.
     */
    public static final String INSERT = "INSERT INTO moments (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private MomentSql() {}

    /** Fills the 22 parameters of {@link #INSERT}. */
    public static void bind(PreparedStatement ps, StoredMoment m) throws SQLException {
        ps.setString(1, m.id());
        ps.setString(2, m.channelId());
        ps.setString(3, m.channelLogin());
        ps.setString(4, m.type());
        ps.setObject(5, ClipSql.toTimestamp(m.startMs()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(6, ClipSql.toTimestamp(m.peakMs()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(7, ClipSql.toTimestamp(m.endMs()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setDouble(8, finite(m.intensity()));
        ps.setDouble(9, finite(m.baselineMean()));
        if (m.baselineStddev() == null) {
            ps.setNull(10, Types.DOUBLE);
        } else {
            ps.setDouble(10, finite(m.baselineStddev()));
        }
        ps.setDouble(11, finite(m.rate()));
        ps.setInt(12, m.messageCount());
        ps.setInt(13, m.uniqueChatters());
        ps.setString(14, JsonColumns.write(m.topTokens()));
        ps.setString(15, JsonColumns.write(m.topEmotes()));
        ps.setString(16, JsonColumns.write(m.sampleMessages()));
        ps.setString(17, JsonColumns.write(m.causeTags()));
        ps.setString(18, m.profile());
        if (m.streamStartedMs() == null) {
            ps.setNull(19, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(19, ClipSql.toTimestamp(m.streamStartedMs()), Types.TIMESTAMP_WITH_TIMEZONE);
        }
        if (m.vodOffsetSeconds() == null) {
            ps.setNull(20, Types.BIGINT);
        } else {
            ps.setLong(20, m.vodOffsetSeconds());
        }
        ps.setObject(21, ClipSql.toTimestamp(m.detectedMs()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(22, m.vodUrl());
    }

    /** Reads the current row of a query that selected {@link #COLUMNS}. */
    static StoredMoment read(ResultSet rs) throws SQLException {
        OffsetDateTime started = rs.getObject("stream_started_at", OffsetDateTime.class);
        long offset = rs.getLong("vod_offset_seconds");
        Long vodOffset = rs.wasNull() ? null : offset;
        double stddev = rs.getDouble("baseline_stddev");
        Double baselineStddev = rs.wasNull() ? null : stddev;
        return new StoredMoment(
                rs.getString("id"),
                rs.getString("channel_id"),
                rs.getString("channel_login"),
                rs.getString("moment_type"),
                epochMs(rs.getObject("start_at", OffsetDateTime.class)),
                epochMs(rs.getObject("peak_at", OffsetDateTime.class)),
                epochMs(rs.getObject("end_at", OffsetDateTime.class)),
                rs.getDouble("intensity"),
                rs.getDouble("baseline_mean"),
                baselineStddev,
                rs.getDouble("rate"),
                rs.getInt("message_count"),
                rs.getInt("unique_chatters"),
                JsonColumns.strings(rs.getString("top_tokens")),
                JsonColumns.strings(rs.getString("top_emotes")),
                JsonColumns.strings(rs.getString("sample_messages")),
                JsonColumns.strings(rs.getString("cause_tags")),
                rs.getString("profile"),
                started == null ? null : epochMs(started),
                vodOffset,
                rs.getString("vod_url"),
                epochMs(rs.getObject("detected_at", OffsetDateTime.class)));
    }

    /** PostgreSQL rejects NaN and infinities in arithmetic later; a non-finite score is stored as 0. */
    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0.0;
    }

    static long epochMs(OffsetDateTime t) {
        return t.toInstant().toEpochMilli();
    }
}
