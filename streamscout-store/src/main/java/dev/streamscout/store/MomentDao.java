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
import java.util.Optional;
import javax.sql.DataSource;

/** Reads and writes the {@code moments} table. Thread-safe; every call borrows its own connection. */
public final class MomentDao {

    /** Ties on the peak are broken by id so that paging is deterministic. */
    private static final String ORDER = " ORDER BY peak_at DESC, id DESC LIMIT ?";
    private static final String SELECT = "SELECT " + MomentSql.COLUMNS + " FROM moments";

    private final DataSource dataSource;

    public MomentDao(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Stores a moment unless one with the same id exists already.
     *
     * @return true when a row was added, false when the moment was already stored
     */
    public boolean insert(StoredMoment moment) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MomentSql.INSERT)) {
            MomentSql.bind(ps, moment);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("Inserting moment " + moment.id() + " failed", e);
        }
    }

    /** The moment with this id ({@code channel:peakSecond}), if stored. */
    public Optional<StoredMoment> findById(String id) {
        return query(SELECT + " WHERE id = ?", ps -> ps.setString(1, id)).stream().findFirst();
    }

    /** One channel's moments whose peak lies in {@code [start, end)}, newest peak first. */
    public List<StoredMoment> findByChannelBetween(String channelId, Instant start, Instant end, int limit) {
        Objects.requireNonNull(channelId, "channelId");
        requireRange(start, end, limit);
        return query(SELECT + " WHERE channel_id = ? AND peak_at >= ? AND peak_at < ?" + ORDER, ps -> {
            ps.setString(1, channelId);
            ps.setObject(2, ClipSql.toTimestamp(start), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(3, ClipSql.toTimestamp(end), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setInt(4, limit);
        });
    }

    /** Every channel's moments whose peak lies in {@code [start, end)}, newest peak first. */
    public List<StoredMoment> findBetween(Instant start, Instant end, int limit) {
        requireRange(start, end, limit);
        return query(SELECT + " WHERE peak_at >= ? AND peak_at < ?" + ORDER, ps -> {
            ps.setObject(1, ClipSql.toTimestamp(start), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(2, ClipSql.toTimestamp(end), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setInt(3, limit);
        });
    }

    private List<StoredMoment> query(String sql, SqlBinder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<StoredMoment> moments = new ArrayList<>();
                while (rs.next()) {
                    moments.add(MomentSql.read(rs));
                }
                return moments;
            }
        } catch (SQLException e) {
            throw new StoreException("Querying moments failed", e);
        }
    }

    static void requireRange(Instant start, Instant end, int limit) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }

    @FunctionalInterface
    interface SqlBinder {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
