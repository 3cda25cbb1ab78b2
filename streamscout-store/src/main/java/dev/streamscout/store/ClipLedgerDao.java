package dev.streamscout.store;

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
 * The durable record of which moments were already sent to Create Clip ({@code clip_requests}) and
 * which channels refuse clips ({@code channel_clip_blocks}). Claiming before calling Twitch is what
 * makes clip creation at-most-once per moment across restarts and replays.
 */
public final class ClipLedgerDao {

    static final String CLAIM = "INSERT INTO clip_requests (moment_id, channel_id, requested_at)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING";

    static final String BLOCK = "MERGE INTO channel_clip_blocks t USING (SELECT"
            + " CAST(? AS VARCHAR(64)) AS channel_id, CAST(? AS VARCHAR) AS reason,"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS blocked_at, CAST(? AS TIMESTAMP WITH TIME ZONE) AS blocked_until) s"
            + " ON t.channel_id = s.channel_id"
            + " WHEN MATCHED THEN UPDATE SET reason = s.reason, blocked_at = s.blocked_at, blocked_until = s.blocked_until"
            + " WHEN NOT MATCHED THEN INSERT (channel_id, reason, blocked_at, blocked_until)"
            + " VALUES (s.channel_id, s.reason, s.blocked_at, s.blocked_until)";

    private static final String BLOCK_COLUMNS = "channel_id, reason, blocked_at, blocked_until";

    private final DataSource dataSource;

    public ClipLedgerDao(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Claims the right to call Create Clip for a moment.
     *
     * @return true for the first claim of this moment id ever, false when it was claimed before
     */
    public boolean claim(String momentId, String channelId, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, momentId);
            ps.setString(2, channelId);
            ps.setObject(3, ClipSql.toTimestamp(at), Types.TIMESTAMP_WITH_TIMEZONE);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("Claiming clip request for " + momentId + " failed", e);
        }
    }

    /** Marks a channel as not clippable until {@code until} (replacing an earlier mark). */
    public void block(ChannelClipBlock block) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BLOCK)) {
            ps.setString(1, block.channelId());
            ps.setString(2, block.reason());
            ps.setObject(3, ClipSql.toTimestamp(block.blockedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(4, ClipSql.toTimestamp(block.blockedUntil()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Blocking clips of " + block.channelId() + " failed", e);
        }
    }

    /** The channel's block if it is still in force at {@code now}. */
    public Optional<ChannelClipBlock> activeBlock(String channelId, Instant now) {
        return blocks("SELECT " + BLOCK_COLUMNS + " FROM channel_clip_blocks WHERE channel_id = ? AND blocked_until > ?",
                ps -> {
                    ps.setString(1, channelId);
                    ps.setObject(2, ClipSql.toTimestamp(now), Types.TIMESTAMP_WITH_TIMEZONE);
                }).stream().findFirst();
    }

    /** Every channel ever marked not clippable (expired marks included), by channel id; for display. */
    public List<ChannelClipBlock> blocks() {
        return blocks("SELECT " + BLOCK_COLUMNS + " FROM channel_clip_blocks ORDER BY channel_id", ps -> {});
    }

    private List<ChannelClipBlock> blocks(String sql, MomentDao.SqlBinder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<ChannelClipBlock> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new ChannelClipBlock(rs.getString("channel_id"), rs.getString("reason"),
                            rs.getObject("blocked_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("blocked_until", OffsetDateTime.class).toInstant()));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreException("Querying clip blocks failed", e);
        }
    }
}
