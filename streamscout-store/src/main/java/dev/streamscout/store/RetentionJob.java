package dev.streamscout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Removes what has outlived its retention: raw chat ({@code chat_messages_raw}, seed 003 keeps it 7 days)
 * and the per-minute time series the charts read ({@code viewer_timeseries}, {@code chat_summary_minute}).
 * Clips, moments and streamers are kept: they are the product, and small.
 *
 * <p>One method per table, each returning what it removed, so a caller can log it and a test can check
 * it. A retention of {@link Duration#ZERO} keeps that table's rows forever. Every delete runs on an
 * index on its time column; {@link RetentionSchedule} runs {@link #run()} every hour.
 */
public final class RetentionJob {

    /** What one {@link #run()} removed; raw chat counts partitions on PostgreSQL and rows on H2. */
    public record Removed(int rawChat, int viewerSamples, int chatSummaries) {}

    private final DataSource dataSource;
    private final RawChatDao rawChat;
    private final Duration rawChatRetention;
    private final Duration timeseriesRetention;
    private final Clock clock;

    /**
     * @param rawChatRetention    age past which raw chat goes ({@code store.retention.raw-chat}); zero: never
     * @param timeseriesRetention age past which viewer samples and chat minutes go
     *                            ({@code store.retention.timeseries}); zero: never
     */
    public RetentionJob(DataSource dataSource, Duration rawChatRetention, Duration timeseriesRetention, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.rawChatRetention = notNegative(rawChatRetention, "rawChatRetention");
        this.timeseriesRetention = notNegative(timeseriesRetention, "timeseriesRetention");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rawChat = new RawChatDao(dataSource);
    }

    /** Every table in turn. */
    public Removed run() {
        return new Removed(purgeRawChat(), purgeViewerTimeseries(), purgeChatSummaries());
    }

    /** @return partitions dropped (PostgreSQL) or rows deleted (H2) of {@code chat_messages_raw} */
    public int purgeRawChat() {
        return rawChatRetention.isZero() ? 0 : rawChat.deleteOlderThan(clock.instant().minus(rawChatRetention));
    }

    /** @return rows deleted from {@code viewer_timeseries} */
    public int purgeViewerTimeseries() {
        return deleteBefore("viewer_timeseries", "observed_at", timeseriesRetention);
    }

    /** @return rows deleted from {@code chat_summary_minute} */
    public int purgeChatSummaries() {
        return deleteBefore("chat_summary_minute", "minute_at", timeseriesRetention);
    }

    private int deleteBefore(String table, String timeColumn, Duration retention) {
        if (retention.isZero()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(retention);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + timeColumn + " < ?")) {
            ps.setObject(1, ClipSql.toTimestamp(cutoff.toEpochMilli()), Types.TIMESTAMP_WITH_TIMEZONE);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Removing " + table + " rows before " + cutoff + " failed", e);
        }
    }

    private static Duration notNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }
}
