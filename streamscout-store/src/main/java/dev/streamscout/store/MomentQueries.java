package dev.streamscout.store;

import dev.streamscout.core.highlight.ClipStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The API's read side of moments: a channel's moments joined with their clip outcomes, one page at a
 * time. Thread-safe; every call borrows its own connection.
 *
 * <p>Pages are keyset pages in the order peak descending, id descending: the next page starts strictly
 * after the last row of the previous one, so a moment stored meanwhile never shifts or repeats rows,
 * and every page is one range scan of {@code moments (channel_id, peak_at)}.
 */
public final class MomentQueries {

    // Moment columns come from MomentSql so that a column added there is read here too.
    static final String MOMENT_COLUMNS = Arrays.stream(MomentSql.COLUMNS.split(","))
            .map(column -> "m." + column.strip())
            .collect(Collectors.joining(", "));
    static final String SELECT = "SELECT " + MOMENT_COLUMNS + ", c.status AS clip_status,"
            + " c.clip_id AS clip_clip_id, c.url AS clip_url, c.edit_url AS clip_edit_url,"
            + " c.failure_reason AS clip_failure_reason"
            + " FROM moments m LEFT JOIN clips c ON c.moment_id = m.id"
            + " WHERE m.channel_id = ? AND m.peak_at >= ? AND m.peak_at < ?";
    static final String MIN_INTENSITY = " AND m.intensity >= ?";
    static final String TYPE = " AND m.moment_type = ?";
    static final String AFTER = " AND (m.peak_at < ? OR (m.peak_at = ? AND m.id < ?))";
    static final String ORDER = " ORDER BY m.peak_at DESC, m.id DESC LIMIT ?";

    private final DataSource dataSource;

    public MomentQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Up to {@code limit} moments matching {@code search}, newest peak first (ties: larger id first).
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    public List<MomentWithClip> page(MomentSearch search, int limit) {
        Objects.requireNonNull(search, "search");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        StringBuilder sql = new StringBuilder(SELECT);
        if (search.minIntensity() != null) {
            sql.append(MIN_INTENSITY);
        }
        if (search.type() != null) {
            sql.append(TYPE);
        }
        if (search.after() != null) {
            sql.append(AFTER);
        }
        sql.append(ORDER);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, search.channelId());
            ps.setObject(i++, ClipSql.toTimestamp(search.from()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(i++, ClipSql.toTimestamp(search.to()), Types.TIMESTAMP_WITH_TIMEZONE);
            if (search.minIntensity() != null) {
                ps.setDouble(i++, search.minIntensity());
            }
            if (search.type() != null) {
                ps.setString(i++, search.type());
            }
            if (search.after() != null) {
                ps.setObject(i++, ClipSql.toTimestamp(search.after().peakMs()), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(i++, ClipSql.toTimestamp(search.after().peakMs()), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setString(i++, search.after().id());
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<MomentWithClip> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new MomentWithClip(MomentSql.read(rs), clip(rs)));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreException("Querying moments of " + search.channelId() + " failed", e);
        }
    }

    private static ClipOutcome clip(ResultSet rs) throws SQLException {
        String status = rs.getString("clip_status");
        if (status == null) {
            return null;
        }
        return new ClipOutcome(ClipStatus.valueOf(status), rs.getString("clip_clip_id"), rs.getString("clip_url"),
                rs.getString("clip_edit_url"), rs.getString("clip_failure_reason"));
    }
}
