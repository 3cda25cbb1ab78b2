package dev.streamscout.store;

import static dev.streamscout.store.StoreFixtures.NOON;
import static dev.streamscout.store.StoreFixtures.ONE_HOUR_LATER;
import static dev.streamscout.store.StoreFixtures.ONE_MINUTE_LATER;
import static dev.streamscout.store.StoreFixtures.STREAM_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.highlight.Moment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link MomentDao} and {@link MomentSql} promise, on whichever database the subclass provides. */
abstract class MomentDaoContract extends DatabaseContract {

    private MomentDao moments;

    @BeforeEach
    void createDao() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM moments");
        }
        moments = new MomentDao(database.dataSource());
    }

    /** A chat spike peaking at {@code peak}, with every explanation filled (and milliseconds kept). */
    static StoredMoment spike(String channelId, Instant peak) {
        long p = peak.toEpochMilli();
        return new StoredMoment(Moment.momentId(channelId, p), channelId, "login_" + channelId, StoredMoment.CHAT_SPIKE,
                p - 4_000, p, p + 3_500, 7.25, 2.5, 1.25, 31.0, 87, 40,
                List.of("KEKW", "no", "way"), List.of("KEKW", "PogChamp"),
                List.of("NO WAY", "KEKW KEKW", "what did I just see", "\"quoted\" and ünïcode ✓", "LUL"),
                List.of("raid"), "default", null, null, p + 2_000).withStreamStart(STREAM_START.toEpochMilli())
                .withVodUrl("https://www.twitch.tv/videos/2000000001?t=3h0m0s");
    }

    /** A viewer drop: no login, no explanation, and no baseline spread (NULL in the table). */
    static StoredMoment viewerDrop(String channelId, Instant at) {
        long t = at.toEpochMilli();
        return new StoredMoment(Moment.momentId(channelId, t), channelId, null, StoredMoment.VIEWER_DROP, t - 60_000,
                t, t, 0.5, 1000, null, 500, 0, 0, null, null, null, null, null, null, null, t + 10);
    }

    @Test
    void storedMomentReadsBackUnchanged() {
        StoredMoment full = spike("1001", NOON.plusMillis(456));
        StoredMoment sparse = viewerDrop("1002", NOON);

        assertThat(moments.insert(full)).isTrue();
        assertThat(moments.insert(sparse)).isTrue();

        assertThat(moments.findById(full.id())).contains(full);
        assertThat(moments.findById(sparse.id())).contains(sparse);
        assertThat(full.vodOffsetSeconds()).isEqualTo(3 * 3600L);
        assertThat(full.vodUrl()).isEqualTo("https://www.twitch.tv/videos/2000000001?t=3h0m0s");
        assertThat(sparse.vodUrl()).isNull();
        assertThat(full.baselineStddev()).isEqualTo(1.25);
        assertThat(moments.findById(sparse.id()).orElseThrow().baselineStddev()).isNull();
        assertThat(moments.findById("nobody:1")).isEmpty();
    }

    @Test
    void aReplayedMomentKeepsOneRowAndTheFirstVersion() {
        StoredMoment first = spike("1001", NOON);
        StoredMoment replay = new StoredMoment(first.id(), "1001", "x", StoredMoment.CHAT_SPIKE, 0, NOON.toEpochMilli(),
                0, 99, 0, 0.0, 0, 1, 1, null, null, null, null, "seed", null, null, 0);

        assertThat(moments.insert(first)).isTrue();
        assertThat(moments.insert(replay)).isFalse();

        assertThat(moments.findBetween(NOON, ONE_HOUR_LATER, 10)).containsExactly(first);
    }

    @Test
    void findsOneChannelsMomentsAndAllMomentsInAHalfOpenRangeNewestFirst() {
        StoredMoment a1 = spike("a", NOON);
        StoredMoment a2 = spike("a", ONE_MINUTE_LATER);
        StoredMoment aLate = spike("a", ONE_HOUR_LATER);
        StoredMoment b1 = viewerDrop("b", NOON.plusSeconds(30));
        for (StoredMoment m : List.of(a2, b1, aLate, a1)) {
            moments.insert(m);
        }

        assertThat(moments.findByChannelBetween("a", NOON, ONE_HOUR_LATER, 10)).containsExactly(a2, a1);
        assertThat(moments.findByChannelBetween("a", NOON, ONE_HOUR_LATER, 1)).containsExactly(a2);
        assertThat(moments.findByChannelBetween("b", NOON, ONE_HOUR_LATER, 10)).containsExactly(b1);
        assertThat(moments.findBetween(NOON, ONE_HOUR_LATER, 10)).containsExactly(a2, b1, a1);
        assertThat(moments.findBetween(ONE_HOUR_LATER, ONE_HOUR_LATER.plusSeconds(1), 10)).containsExactly(aLate);
        assertThatThrownBy(() -> moments.findBetween(NOON, ONE_HOUR_LATER, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsWrittenThroughMomentSqlInABatchOnAnotherConnectionAreIdempotent() throws Exception {
        // The Flink JDBC sink opens its own connections and may replay a record within one batch.
        DatabaseSettings settings = testDatabase.settings();
        StoredMoment fromSink = spike("sink", NOON);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                PreparedStatement ps = c.prepareStatement(MomentSql.INSERT)) {
            MomentSql.bind(ps, fromSink);
            ps.addBatch();
            MomentSql.bind(ps, fromSink);
            ps.addBatch();
            ps.executeBatch();
        }

        assertThat(moments.findBetween(NOON, ONE_HOUR_LATER, 10)).containsExactly(fromSink);
    }
}
