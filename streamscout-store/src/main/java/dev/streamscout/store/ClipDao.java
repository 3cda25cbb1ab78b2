package dev.streamscout.store;

import dev.streamscout.core.highlight.Clip;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads and writes the {@code clips} table. Thread-safe; every call borrows its own connection. */
public final class ClipDao {

    /** Ties on the peak are broken by moment id so that paging is deterministic. */
    static final String ORDER = " ORDER BY peak_at DESC, moment_id DESC LIMIT ?";
    static final String SELECT = "SELECT " + ClipSql.COLUMNS + " FROM clips";
    /** Clips by peak time (the API's {@code /v1.0/clip}); package-visible for the query plan test. */
    static final String BY_PEAK = SELECT + " WHERE peak_at >= ? AND peak_at < ?" + ORDER;

    private final DataSource dataSource;

    public ClipDao(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Stores a clip unless one for the same moment exists already.
     *
     * @return true when a row was added, false when the moment was already stored
     */
    public boolean insert(Clip clip) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ClipSql.INSERT)) {
            ClipSql.bind(ps, clip);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("Inserting clip " + clip.momentId() + " failed", e);
        }
    }

    /**
     * Clips whose peak lies in {@code [start, end)}, newest peak first.
     *
     * @param limit at most this many rows, at least 1
     */
    public List<Clip> findByPeakBetween(Instant start, Instant end, int limit) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        requirePositive(limit);
        return query(BY_PEAK, ps -> {
            ps.setObject(1, ClipSql.toTimestamp(start), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(2, ClipSql.toTimestamp(end), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setInt(3, limit);
        });
    }

    /** A filtered page of clips, newest peak first ({@link ClipQueries}). */
    public List<Clip> page(ClipSearch search, int limit) {
        return new ClipQueries(dataSource).page(search, limit);
    }

    /** The clip of one moment, if stored. */
    public Optional<Clip> findByMomentId(String momentId) {
        List<Clip> found = query(SELECT + " WHERE moment_id = ?", ps -> ps.setString(1, momentId));
        return found.stream().findFirst();
    }

    /** The latest clips by peak, newest first. */
    public List<Clip> recent(int limit) {
        requirePositive(limit);
        return query(SELECT + ORDER, ps -> ps.setInt(1, limit));
    }

    private List<Clip> query(String sql, ClipSql.Binder binder) {
        return ClipSql.query(dataSource, sql, binder);
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }
}
