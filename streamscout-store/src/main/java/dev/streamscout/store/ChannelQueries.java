package dev.streamscout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The API's read side of channels: who a channel id or login names, the stream list, and chat counts
 * over a window. Thread-safe; every call borrows its own connection.
 *
 * <p>Every statement is portable (PostgreSQL 15 and H2 in PostgreSQL mode) and served by an index:
 * the primary keys of {@code streamers} and {@code chat_summary_minute}, and
 * {@code moments (channel_id, peak_at)}.
 */
public final class ChannelQueries {

    /** How old the newest summarised minute may be to count as "the last minute" of a stream. */
    public static final Duration RECENT_MINUTE = Duration.ofMinutes(2);

    // The id wins over a login that happens to look like another channel's id.
    static final String STREAMER_BY_ID_OR_LOGIN = "SELECT channel_id, login FROM streamers"
            + " WHERE channel_id = ? OR lower(login) = ?"
            + " ORDER BY CASE WHEN channel_id = ? THEN 0 ELSE 1 END LIMIT 1";
    static final String SUMMARY_BY_ID = "SELECT channel_id, channel_login FROM chat_summary_minute"
            + " WHERE channel_id = ? ORDER BY minute_at DESC LIMIT 1";
    static final String SUMMARY_BY_LOGIN = "SELECT channel_id, channel_login FROM chat_summary_minute"
            + " WHERE channel_login = ? ORDER BY minute_at DESC LIMIT 1";
    static final String MOMENT_BY_ID = "SELECT channel_id, channel_login FROM moments"
            + " WHERE channel_id = ? ORDER BY peak_at DESC LIMIT 1";
    static final String MOMENT_BY_LOGIN = "SELECT channel_id, channel_login FROM moments"
            + " WHERE channel_login = ? ORDER BY peak_at DESC LIMIT 1";

    // Correlated subqueries: one index probe per watched channel (a few hundred at most).
    static final String STREAMS = "SELECT s.channel_id, s.login, s.display_name, s.viewer_count, s.is_live,"
            + " s.started_at, s.title, s.game_name, s.updated_at,"
            + " (SELECT c.message_count FROM chat_summary_minute c WHERE c.channel_id = s.channel_id"
            + " AND c.minute_at >= ? ORDER BY c.minute_at DESC LIMIT 1) AS last_minute_messages,"
            + " (SELECT MAX(m.peak_at) FROM moments m WHERE m.channel_id = s.channel_id) AS last_moment_at"
            + " FROM streamers s";
    static final String STREAMS_ORDER = " ORDER BY s.is_live DESC, s.viewer_count DESC, s.channel_id";

    static final String WINDOW_COUNT = "SELECT COALESCE(SUM(message_count), 0) AS messages FROM chat_summary_minute"
            + " WHERE channel_id = ? AND minute_at >= ? AND minute_at < ?";
    static final String LAST_MINUTE = "SELECT MAX(minute_at) AS last_minute FROM chat_summary_minute"
            + " WHERE channel_id = ?";

    private final DataSource dataSource;

    public ChannelQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The channel that {@code idOrLogin} names: a channel id, or a login in any letter case. Looks in
     * {@code streamers} first, then at channels known only from their chat summaries or moments (a
     * channel the job saw but the monitor no longer lists).
     */
    public Optional<ChannelIdentity> resolve(String idOrLogin) {
        Objects.requireNonNull(idOrLogin, "idOrLogin");
        String login = idOrLogin.toLowerCase(Locale.ROOT);
        try (Connection c = dataSource.getConnection()) {
            Optional<ChannelIdentity> found = first(c, STREAMER_BY_ID_OR_LOGIN, idOrLogin, login, idOrLogin);
            for (String sql : List.of(SUMMARY_BY_ID, MOMENT_BY_ID)) {
                found = found.isPresent() ? found : first(c, sql, idOrLogin);
            }
            // Twitch logins are lower case, and the job stores them as IRC delivers them.
            for (String sql : List.of(SUMMARY_BY_LOGIN, MOMENT_BY_LOGIN)) {
                found = found.isPresent() ? found : first(c, sql, login);
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("Resolving channel '" + idOrLogin + "' failed", e);
        }
    }

    /**
     * Watched channels, live first, then most viewers first.
     *
     * @param liveOrNull only live (true) or only offline (false) channels; null for all
     * @param now        the present, for "the last minute"
     */
    public List<StreamOverview> streams(Boolean liveOrNull, Instant now) {
        Objects.requireNonNull(now, "now");
        String sql = STREAMS + (liveOrNull == null ? "" : " WHERE s.is_live = ?") + STREAMS_ORDER;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, ClipSql.toTimestamp(now.minus(RECENT_MINUTE)), Types.TIMESTAMP_WITH_TIMEZONE);
            if (liveOrNull != null) {
                ps.setBoolean(2, liveOrNull);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<StreamOverview> rows = new ArrayList<>();
                while (rs.next()) {
                    Streamer streamer = new Streamer(rs.getString("channel_id"), rs.getString("login"),
                            rs.getString("display_name"), rs.getInt("viewer_count"), rs.getBoolean("is_live"),
                            instant(rs, "started_at"), rs.getString("title"), rs.getString("game_name"),
                            instant(rs, "updated_at"));
                    rows.add(new StreamOverview(streamer, rs.getInt("last_minute_messages"),
                            instant(rs, "last_moment_at")));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreException("Listing streams failed", e);
        }
    }

    /** Messages of the minutes starting in {@code [start, end)}, and how fresh the channel's summaries are. */
    public ChatWindowCount chatMessagesBetween(String channelId, Instant start, Instant end) {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        try (Connection c = dataSource.getConnection();
                PreparedStatement count = c.prepareStatement(WINDOW_COUNT);
                PreparedStatement last = c.prepareStatement(LAST_MINUTE)) {
            count.setString(1, channelId);
            count.setObject(2, ClipSql.toTimestamp(start), Types.TIMESTAMP_WITH_TIMEZONE);
            count.setObject(3, ClipSql.toTimestamp(end), Types.TIMESTAMP_WITH_TIMEZONE);
            long messages;
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                messages = rs.getLong("messages");
            }
            last.setString(1, channelId);
            Instant lastMinute;
            try (ResultSet rs = last.executeQuery()) {
                rs.next();
                lastMinute = instant(rs, "last_minute");
            }
            return new ChatWindowCount(messages, lastMinute == null ? null : lastMinute.plus(Duration.ofMinutes(1)));
        } catch (SQLException e) {
            throw new StoreException("Counting chat messages of " + channelId + " failed", e);
        }
    }

    private static Optional<ChannelIdentity> first(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new ChannelIdentity(rs.getString(1), rs.getString(2)))
                        : Optional.empty();
            }
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
