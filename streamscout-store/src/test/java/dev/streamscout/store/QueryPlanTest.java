package dev.streamscout.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The API's queries use their indexes on PostgreSQL: the real statements, planned by {@code EXPLAIN}
 * with bound parameters over 100 000 moments and clips of 500 channels and 100 000 chat minutes,
 * after {@code ANALYZE}, so the planner chooses by real statistics (no {@code enable_seqscan} tricks).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTest {

    private static final int ROWS = 100_000;
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private TestDatabase testDatabase;
    private Database database;

    @BeforeAll
    void fill() throws SQLException {
        testDatabase = TestDatabase.postgres();
        database = Database.open(testDatabase.settings());
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            // One row a minute per table, spread over 500 channels (c0 ... c499, logins l0 ... l499).
            s.execute("INSERT INTO moments (id, channel_id, channel_login, moment_type, start_at, peak_at, end_at,"
                    + " intensity, baseline_mean, baseline_stddev, rate, message_count, unique_chatters, detected_at)"
                    + " SELECT 'c' || (g % 500) || ':' || g, 'c' || (g % 500), 'l' || (g % 500), 'chat_spike',"
                    + " t, t, t, g % 20, 1, 1, 1, 1, 1, t"
                    + " FROM (SELECT g, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + g * INTERVAL '1' MINUTE AS t"
                    + " FROM generate_series(1, " + ROWS + ") g) x");
            s.execute("INSERT INTO clips (moment_id, channel_id, channel_login, peak_at, created_at, intensity,"
                    + " message_count, status) SELECT id, channel_id, channel_login, peak_at, peak_at, intensity, 1,"
                    + " 'CREATED' FROM moments");
            s.execute("INSERT INTO chat_summary_minute (channel_id, minute_at, channel_login, message_count,"
                    + " unique_chatters, sentiment_score) SELECT 'c' || (g % 500),"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + g * INTERVAL '1' MINUTE, 'l' || (g % 500),"
                    + " 10, 5, 0 FROM generate_series(1, " + ROWS + ") g");
            s.execute("INSERT INTO streamers (channel_id, login, viewer_count, is_live, updated_at)"
                    + " SELECT 'c' || g, 'l' || g, g, g % 2 = 0, now() FROM generate_series(0, 499) g");
            s.execute("ANALYZE");
        }
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    @Test
    void clipsByPeakTimeUseThePeakIndex() throws SQLException {
        String plan = explain(ClipDao.BY_PEAK, ps -> {
            ps.setObject(1, ClipSql.toTimestamp(BASE.plusSeconds(3600 * 24)), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(2, ClipSql.toTimestamp(BASE.plusSeconds(3600 * 48)), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setInt(3, 20);
        });

        assertThat(plan).contains("clips_peak_at_idx").doesNotContain("Seq Scan");
    }

    @Test
    void clipsOfABroadcasterGivenByLoginOrIdUseTheChannelIndexes() throws SQLException {
        // The API's default range is a day; a month's range makes walking the peak index plainly worse.
        Instant from = BASE.plusSeconds(3600L * 24);
        Instant to = BASE.plusSeconds(3600L * 24 * 31);
        ClipQueries.Statement byLogin = ClipQueries.statement(new ClipSearch(from, to, "L7", null, null), 20);
        ClipQueries.Statement byId = ClipQueries.statement(new ClipSearch(from, to, "c7", 3.0,
                new ClipSearch.Position(BASE.plusSeconds(3600L * 24 * 20).toEpochMilli(), "c7:zzz")), 20);

        String loginPlan = explain(byLogin.sql(), byLogin::bind);
        String idPlan = explain(byId.sql(), byId::bind);

        // Each form is looked up on both sides, each side on its own index (the login side's is V7's): a first
        // page reads each newest first and only as far as a page, not the whole range along the peak index.
        assertThat(loginPlan).contains("Index Scan Backward using clips_login_peak_at_idx")
                .contains("Index Scan Backward using clips_channel_peak_at_idx")
                .doesNotContain("clips_peak_at_idx").doesNotContain("Seq Scan");
        // A later page with a filter: both channel indexes still bound the rows read (the cursor's tie on the
        // peak may add a probe of the peak index).
        assertThat(idPlan).contains("clips_login_peak_at_idx").contains("clips_channel_peak_at_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aChannelsMomentPageWithItsClipsUsesTheChannelPeakIndex() throws SQLException {
        MomentSearch search = new MomentSearch("c7", BASE, BASE.plusSeconds(3600L * 24 * 90), 3.0, "chat_spike",
                new MomentSearch.Position(BASE.plusSeconds(3600L * 24 * 30).toEpochMilli(), "c7:zzz"));
        String sql = MomentQueries.SELECT + MomentQueries.MIN_INTENSITY + MomentQueries.TYPE + MomentQueries.AFTER
                + MomentQueries.ORDER;

        String plan = explain(sql, ps -> {
            ps.setString(1, search.channelId());
            ps.setObject(2, ClipSql.toTimestamp(search.from()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(3, ClipSql.toTimestamp(search.to()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setDouble(4, search.minIntensity());
            ps.setString(5, search.type());
            ps.setObject(6, ClipSql.toTimestamp(search.after().peakMs()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(7, ClipSql.toTimestamp(search.after().peakMs()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setString(8, search.after().id());
            ps.setInt(9, 21);
        });

        assertThat(plan).contains("moments_channel_peak_at_idx").contains("clips_pkey").doesNotContain("Seq Scan");
    }

    @Test
    void windowCountsAndChannelLookupsUseTheirIndexes() throws SQLException {
        String count = explain(ChannelQueries.WINDOW_COUNT, ps -> {
            ps.setString(1, "c7");
            ps.setObject(2, ClipSql.toTimestamp(BASE.plusSeconds(36_000)), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(3, ClipSql.toTimestamp(BASE.plusSeconds(36_600)), Types.TIMESTAMP_WITH_TIMEZONE);
        });
        String byLogin = explain(ChannelQueries.SUMMARY_BY_LOGIN, ps -> ps.setString(1, "l7"));
        String momentByLogin = explain(ChannelQueries.MOMENT_BY_LOGIN, ps -> ps.setString(1, "l7"));
        String streams = explain(ChannelQueries.STREAMS + ChannelQueries.STREAMS_ORDER,
                ps -> ps.setObject(1, ClipSql.toTimestamp(BASE), Types.TIMESTAMP_WITH_TIMEZONE));

        // Either index fits a 10-minute window of one channel; the planner picks by selectivity.
        assertThat(count).containsPattern("Index (Only )?Scan using chat_summary_minute_(pkey|minute_at_idx)")
                .doesNotContain("Seq Scan");
        assertThat(byLogin).contains("chat_summary_minute_login_idx").doesNotContain("Seq Scan");
        assertThat(momentByLogin).contains("moments_login_peak_at_idx").doesNotContain("Seq Scan");
        // 500 streamers are read whole (that is the answer); per channel, the subqueries probe indexes.
        assertThat(streams).contains("chat_summary_minute_pkey").contains("moments_channel_peak_at_idx")
                .doesNotContain("Seq Scan on moments").doesNotContain("Seq Scan on chat_summary_minute");
    }

    private String explain(String sql, MomentDao.SqlBinder binder) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            binder.bind(ps);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            System.out.println("EXPLAIN " + sql + "\n" + plan);
            return plan.toString();
        }
    }
}
