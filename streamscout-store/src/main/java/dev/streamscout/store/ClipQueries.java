package dev.streamscout.store;

import dev.streamscout.core.highlight.Clip;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * when new ones arrive. The time range runs on {@code clips_peak_at_idx}, a broadcaster given by id on
 * {@code clips_channel_peak_at_idx}.
 */
public final class ClipQueries {

    private final DataSource dataSource;

    public ClipQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** At most {@code limit} clips matching {@code search}, newest peak first. */
    public List<Clip> page(ClipSearch search, int limit) {
        Objects.requireNonNull(search, "search");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        StringBuilder sql = new StringBuilder(ClipDao.SELECT).append(" WHERE peak_at >= ? AND peak_at < ?");
        List<Object> args = new ArrayList<>(List.of(ClipSql.toTimestamp(search.start()),
                ClipSql.toTimestamp(search.end())));
        if (search.broadcaster() != null) {
            // Either form of the broadcaster: ids are Twitch's numeric user ids, logins are stored lower case
            // as IRC delivers them.
            sql.append(" AND (channel_id = ? OR channel_login = ?)");
            args.add(search.broadcaster());
            args.add(search.broadcaster().toLowerCase(Locale.ROOT));
        }
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
        sql.append(ClipDao.ORDER);
        args.add(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof java.time.OffsetDateTime) {
                    ps.setObject(i + 1, arg, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setObject(i + 1, arg);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Clip> clips = new ArrayList<>();
                while (rs.next()) {
                    clips.add(ClipSql.read(rs));
                }
                return clips;
            }
        } catch (SQLException e) {
            throw new StoreException("Querying clips failed", e);
        }
    }
}
