package dev.streamscout.store;

import dev.streamscout.core.highlight.Clip;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The filtered, paged clip list of {@code GET /v1.0/clip} ({@link ClipSearch}). Keyset paging on
 * (peak, moment id) keeps a page's cost independent of how deep it is and never repeats or skips a clip
 * when new ones arrive. The time range runs on {@code clips_peak_at_idx}; a broadcaster, an id or a login,
 * on {@code clips_channel_peak_at_idx} and {@code clips_login_peak_at_idx} (migration V7), each read only
 * as far as one page.
 */
public final class ClipQueries {

    private final DataSource dataSource;

    public ClipQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** At most {@code limit} clips matching {@code search}, newest peak first. */
    public List<Clip> page(ClipSearch search, int limit) {
        Statement statement = statement(search, limit);
        return ClipSql.query(dataSource, statement.sql(), statement::bind);
    }

    /** The SQL of one page and its parameters in order (the query plan test explains the same statement). */
    record Statement(String sql, List<Object> args) {

        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof java.time.OffsetDateTime) {
                    ps.setObject(i + 1, arg, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setObject(i + 1, arg);
                }
            }
        }
    }

    static Statement statement(ClipSearch search, int limit) {
        Objects.requireNonNull(search, "search");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        List<Object> args = new ArrayList<>();
        if (search.broadcaster() == null) {
            String sql = ClipDao.SELECT + " WHERE peak_at >= ? AND peak_at < ?" + filters(search, args) + ClipDao.ORDER;
            args.add(limit);
            return new Statement(sql, args);
        }
        // Either form of the broadcaster: ids are Twitch's numeric user ids, logins are stored lower case as IRC
        // delivers them. One page from each side, each read newest first along its own index
        // (clips_channel_peak_at_idx, clips_login_peak_at_idx) and stopped after a page, then merged: with
        // "channel_id = ? OR channel_login = ?" PostgreSQL can only walk the whole time range or sort both sides.
        // UNION, not UNION ALL: a clip whose id and login are the same string is on both sides.
        StringBuilder sql = new StringBuilder("SELECT " + ClipSql.COLUMNS + " FROM (");
        String[] sides = {"channel_id", "channel_login"};
        String[] values = {search.broadcaster(), search.broadcaster().toLowerCase(Locale.ROOT)};
        for (int i = 0; i < sides.length; i++) {
            sql.append(i == 0 ? "(" : " UNION (").append(ClipDao.SELECT).append(" WHERE ").append(sides[i])
                    .append(" = ? AND peak_at >= ? AND peak_at < ?");
            args.add(values[i]);
            sql.append(filters(search, args)).append(ClipDao.ORDER).append(')');
            args.add(limit);
        }
        sql.append(") c").append(ClipDao.ORDER);
        args.add(limit);
        return new Statement(sql.toString(), args);
    }

    /** Appends the time range's values and the optional filters' values to {@code args}; returns their SQL. */
    private static String filters(ClipSearch search, List<Object> args) {
        args.add(ClipSql.toTimestamp(search.start()));
        args.add(ClipSql.toTimestamp(search.end()));
        StringBuilder sql = new StringBuilder();
        if (search.minIntensity() != null) {
            sql.append(" AND intensity >= ?");
            args.add(search.minIntensity());
        }
        if (search.after() != null) {
            sql.append(" AND (peak_at < ? OR (peak_at = ? AND moment_id < ?))");
            var peak = ClipSql.toTimestamp(search.after().peakMs());
            args.add(peak);
            args.add(peak);
            args.add(search.after().momentId());
        }
        return sql.toString();
    }
}
