package dev.streamscout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes and reads the {@code viewer_timeseries} table (one row per channel and poll).
 *
 * <p>Writes are idempotent: the primary key is {@code (channel_id, observed_at)} and the insert
 * skips an existing row ({@code ON CONFLICT DO NOTHING} without a conflict target, the form both
 * PostgreSQL and H2 accept), so a retried or replayed batch never duplicates or overwrites a point.
 */
public final class ViewerTimeseriesDao {

    static final String INSERT = "INSERT INTO viewer_timeseries (channel_id, observed_at, viewer_count)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING";

    // Half-open [from, to) so that consecutive ranges never count a point twice.
    static final String RANGE = "SELECT channel_id, observed_at, viewer_count FROM viewer_timeseries"
            + " WHERE channel_id = ? AND observed_at >= ? AND observed_at < ? ORDER BY observed_at";

    private final DataSource dataSource;

    public ViewerTimeseriesDao(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Fills the 3 parameters of {@link #INSERT}. */
    static void bind(PreparedStatement ps, ViewerSample s) throws SQLException {
        ps.setString(1, s.channelId());
        ps.setObject(2, ClipSql.toTimestamp(s.observedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setInt(3, s.viewerCount());
    }

    /**
     * Stores the samples in one batch and one transaction.
     *
     * @return how many rows were new (replayed samples count 0)
     * @throws StoreException when the database refuses; nothing of the batch is kept then
     */
    public int record(Collection<ViewerSample> samples) {
        Objects.requireNonNull(samples, "samples");
        if (samples.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            return BatchInsert.run(c, INSERT, samples, ViewerTimeseriesDao::bind);
        } catch (SQLException e) {
            throw new StoreException("Recording " + samples.size() + " viewer samples failed", e);
        }
    }

    /** Stores one sample; true when it was new. */
    public boolean record(ViewerSample sample) {
        return record(List.of(sample)) > 0;
    }

    /** A channel's samples with {@code from <= observedAt < to}, oldest first. */
    public List<ViewerSample> range(String channelId, Instant from, Instant to) {
        Objects.requireNonNull(channelId, "channelId");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RANGE)) {
            ps.setString(1, channelId);
            ps.setObject(2, ClipSql.toTimestamp(Objects.requireNonNull(from, "from")), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(3, ClipSql.toTimestamp(Objects.requireNonNull(to, "to")), Types.TIMESTAMP_WITH_TIMEZONE);
            try (ResultSet rs = ps.executeQuery()) {
                List<ViewerSample> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new ViewerSample(rs.getString("channel_id"),
                            rs.getObject("observed_at", OffsetDateTime.class).toInstant(),
                            rs.getInt("viewer_count")));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreException("Reading viewer samples of " + channelId + " failed", e);
        }
    }
}
