package dev.streamscout.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;

/**
 * The SQL of {@code chat_summary_minute} beside its binder. The upsert is a portable MERGE (with the
 * casts PostgreSQL needs), so a replayed minute rewrites its row with the same values.
 */
public final class ChatSummarySql {

    static final String COLUMNS = "channel_id, minute_at, channel_login, message_count, unique_chatters,"
            + " top_chatters, top_emotes, sentiment_score";

    /** Insert or replace one channel-minute. */
    public static final String UPSERT = "MERGE INTO chat_summary_minute t USING (SELECT"
            + " CAST(? AS VARCHAR(64)) AS channel_id, CAST(? AS TIMESTAMP WITH TIME ZONE) AS minute_at,"
            + " CAST(? AS VARCHAR(64)) AS channel_login, CAST(? AS INTEGER) AS message_count,"
            + " CAST(? AS INTEGER) AS unique_chatters, CAST(? AS VARCHAR) AS top_chatters,"
            + " CAST(? AS VARCHAR) AS top_emotes, CAST(? AS DOUBLE PRECISION) AS sentiment_score) s"
            + " ON t.channel_id = s.channel_id AND t.minute_at = s.minute_at"
            + " WHEN MATCHED THEN UPDATE SET channel_login = s.channel_login, message_count = s.message_count,"
            + " unique_chatters = s.unique_chatters, top_chatters = s.top_chatters, top_emotes = s.top_emotes,"
            + " sentiment_score = s.sentiment_score"
            + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (s.channel_id, s.minute_at, s.channel_login,"
            + " s.message_count, s.unique_chatters, s.top_chatters, s.top_emotes, s.sentiment_score)";

    private ChatSummarySql() {}

    /** Fills the 8 parameters of {@link #UPSERT}. */
    public static void bind(PreparedStatement ps, ChatMinuteSummary s) throws SQLException {
        ps.setString(1, s.channelId());
        ps.setObject(2, ClipSql.toTimestamp(s.minuteMs()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(3, s.channelLogin());
        ps.setInt(4, s.messageCount());
        ps.setInt(5, s.uniqueChatters());
        ps.setString(6, JsonColumns.write(s.topChatters()));
        ps.setString(7, JsonColumns.write(s.topEmotes()));
        ps.setDouble(8, Double.isFinite(s.sentimentScore()) ? s.sentimentScore() : 0.0);
    }

    static ChatMinuteSummary read(ResultSet rs) throws SQLException {
        return new ChatMinuteSummary(
                rs.getString("channel_id"),
                rs.getString("channel_login"),
                MomentSql.epochMs(rs.getObject("minute_at", OffsetDateTime.class)),
                rs.getInt("message_count"),
                rs.getInt("unique_chatters"),
                JsonColumns.counts(rs.getString("top_chatters")),
                JsonColumns.counts(rs.getString("top_emotes")),
                rs.getDouble("sentiment_score"));
    }
}
