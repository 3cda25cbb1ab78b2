package dev.streamscout.store;

import dev.streamscout.core.stream.StreamStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keeps the {@code streamers} table in step with what the stream monitor observes.
 *
 * <p>Writes carry the observation time and never move a row back in time: an update older than
 * the stored {@code updated_at} is ignored, so late or replayed observations are harmless.
 */
public final class StreamerDao {

    // MERGE with a casted SELECT source is the upsert both PostgreSQL 15 and H2 accept (STACK.md).
    static final String UPSERT = "MERGE INTO streamers t USING (SELECT"
            + " CAST(? AS VARCHAR(64)) AS channel_id,"
            + " CAST(? AS VARCHAR(64)) AS login,"
            + " CAST(? AS VARCHAR(64)) AS display_name,"
            + " CAST(? AS INTEGER) AS viewer_count,"
            + " CAST(? AS BOOLEAN) AS is_live,"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS started_at,"
            + " CAST(? AS VARCHAR) AS title,"
            + " CAST(? AS VARCHAR) AS game_name,"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS updated_at) s"
            + " ON t.channel_id = s.channel_id"
            + " WHEN MATCHED AND t.updated_at <= s.updated_at THEN UPDATE SET"
            + " login = s.login, display_name = s.display_name, viewer_count = s.viewer_count,"
            + " is_live = s.is_live, started_at = s.started_at, title = s.title,"
            + " game_name = s.game_name, updated_at = s.updated_at"
            + " WHEN NOT MATCHED THEN INSERT"
            + " (channel_id, login, display_name, viewer_count, is_live, started_at, title, game_name, updated_at)"
            + " VALUES (s.channel_id, s.login, s.display_name, s.viewer_count, s.is_live, s.started_at,"
            + " s.title, s.game_name, s.updated_at)";

    static final String MARK_OFFLINE = "UPDATE streamers SET is_live = FALSE, viewer_count = 0, updated_at = ?"
            + " WHERE channel_id = ? AND updated_at <= ?";

    private static final String SELECT = "SELECT channel_id, login, display_name, viewer_count, is_live,"
            + " started_at, title, game_name, updated_at FROM streamers";

    private final DataSource dataSource;

    public StreamerDao(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Inserts or updates a channel as observed at {@code at}.
     *
     * @param status what Get Streams reported
     * @param live   whether the channel is live
     * @param at     observation time; older than the stored row means the call changes nothing
     */
    public void upsert(StreamStatus status, boolean live, Instant at) {
        Objects.requireNonNull(at, "at");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, status.channelId());
            ps.setString(2, status.login());
            ps.setString(3, status.displayName());
            ps.setInt(4, status.viewerCount());
            ps.setBoolean(5, live);
            ps.setObject(6, ClipSql.toTimestamp(status.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setString(7, status.title());
            ps.setString(8, status.gameName());
            ps.setObject(9, ClipSql.toTimestamp(at), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Upserting streamer " + status.channelId() + " failed", e);
        }
    }

    /**
     * Marks a channel offline as of {@code at} (viewer count drops to 0).
     *
     * @return true when a row changed; false for an unknown channel or a stale observation
     */
    public boolean markOffline(String channelId, Instant at) {
        Objects.requireNonNull(at, "at");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MARK_OFFLINE)) {
            ps.setObject(1, ClipSql.toTimestamp(at), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setString(2, channelId);
            ps.setObject(3, ClipSql.toTimestamp(at), Types.TIMESTAMP_WITH_TIMEZONE);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("Marking streamer " + channelId + " offline failed", e);
        }
    }

    /** Live channels, most viewers first. */
    public List<Streamer> live() {
        return query(SELECT + " WHERE is_live = TRUE ORDER BY viewer_count DESC, channel_id", null);
    }

    /** One channel's row, if known. */
    public Optional<Streamer> find(String channelId) {
        return query(SELECT + " WHERE channel_id = ?", channelId).stream().findFirst();
    }

    private List<Streamer> query(String sql, String channelIdOrNull) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (channelIdOrNull != null) {
                ps.setString(1, channelIdOrNull);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Streamer> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Streamer(
                            rs.getString("channel_id"),
                            rs.getString("login"),
                            rs.getString("display_name"),
                            rs.getInt("viewer_count"),
                            rs.getBoolean("is_live"),
                            toInstant(rs.getObject("started_at", OffsetDateTime.class)),
                            rs.getString("title"),
                            rs.getString("game_name"),
                            toInstant(rs.getObject("updated_at", OffsetDateTime.class))));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreException("Querying streamers failed", e);
        }
    }

    private static Instant toInstant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
