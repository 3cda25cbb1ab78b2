package dev.streamscout.store;

import static dev.streamscout.store.StoreFixtures.NOON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link RetentionJob} removes and keeps, on either database. */
abstract class RetentionJobContract extends DatabaseContract {

    private static final Clock AT_NOON = Clock.fixed(NOON, ZoneOffset.UTC);
    private static final Instant NINE_DAYS_AGO = NOON.minus(Duration.ofDays(9));
    private static final Instant FORTY_DAYS_AGO = NOON.minus(Duration.ofDays(40));
    private static final Instant AN_HOUR_AGO = NOON.minus(Duration.ofHours(1));

    @BeforeEach
    void emptyArchiveAndSeries() throws SQLException {
        new RawChatDao(database.dataSource()).deleteOlderThan(Instant.parse("2100-01-01T00:00:00Z"));
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM chat_messages_raw");
            s.execute("DELETE FROM viewer_timeseries");
            s.execute("DELETE FROM chat_summary_minute");
        }
    }

    private void seed() {
        new RawChatDao(database.dataSource()).insert(List.of(chat("old", NINE_DAYS_AGO), chat("new", AN_HOUR_AGO)));
        new ViewerTimeseriesDao(database.dataSource()).record(List.of(new ViewerSample("1", FORTY_DAYS_AGO, 10),
                new ViewerSample("1", NINE_DAYS_AGO, 20), new ViewerSample("1", AN_HOUR_AGO, 30)));
        ChatSummaryDao summaries = new ChatSummaryDao(database.dataSource());
        summaries.upsert(minute(FORTY_DAYS_AGO));
        summaries.upsert(minute(AN_HOUR_AGO));
    }

    private static ChatMessage chat(String id, Instant at) {
        return new ChatMessage("1", "one", "u", "user", "User", id, at.toEpochMilli(), List.of(), id);
    }

    private static ChatMinuteSummary minute(Instant at) {
        return new ChatMinuteSummary("1", "one", at.toEpochMilli(), 5, 2, Map.of("amy", 5), Map.of(), 0.0);
    }

    @Test
    void eachTableLosesWhatIsOlderThanItsRetentionAndKeepsTheRest() throws SQLException {
        seed();
        RetentionJob retention = new RetentionJob(database.dataSource(), Duration.ofDays(7), Duration.ofDays(30),
                AT_NOON);

        // H2 deletes the one old row; PostgreSQL drops the one old day's partition.
        assertThat(retention.run()).isEqualTo(new RetentionJob.Removed(1, 1, 1));

        assertThat(strings("SELECT message_id FROM chat_messages_raw")).containsExactly("new");
        assertThat(count("viewer_timeseries")).isEqualTo(2);
        assertThat(count("chat_summary_minute")).isEqualTo(1);
        // A second run finds nothing more to do.
        assertThat(retention.run()).isEqualTo(new RetentionJob.Removed(0, 0, 0));
    }

    @Test
    void aRetentionOfZeroKeepsEverything() throws SQLException {
        seed();
        RetentionJob keepAll = new RetentionJob(database.dataSource(), Duration.ZERO, Duration.ZERO, AT_NOON);

        assertThat(keepAll.run()).isEqualTo(new RetentionJob.Removed(0, 0, 0));
        assertThat(count("chat_messages_raw")).isEqualTo(2);
        assertThat(count("viewer_timeseries")).isEqualTo(3);
        assertThat(count("chat_summary_minute")).isEqualTo(2);
    }

    @Test
    void theScheduleRunsTheJobAndStopsWhenClosed() throws Exception {
        seed();
        RetentionJob retention = new RetentionJob(database.dataSource(), Duration.ofDays(7), Duration.ofDays(30),
                AT_NOON);
        try (RetentionSchedule schedule = RetentionSchedule.start(retention, Duration.ZERO, Duration.ofHours(1))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (count("viewer_timeseries") != 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(count("viewer_timeseries")).isEqualTo(2);
        assertThat(strings("SELECT message_id FROM chat_messages_raw")).containsExactly("new");
    }

    private long count(String table) throws SQLException {
        return strings("SELECT count(*) FROM " + table).stream().mapToLong(Long::parseLong).sum();
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
