package dev.streamscout.store;

import static dev.streamscout.store.StoreFixtures.NOON;
import static dev.streamscout.store.StoreFixtures.ONE_HOUR_LATER;
import static dev.streamscout.store.StoreFixtures.ONE_MINUTE_LATER;
import static dev.streamscout.store.StoreFixtures.TWO_MINUTES_LATER;
import static dev.streamscout.store.StoreFixtures.clip;
import static dev.streamscout.store.StoreFixtures.failedClip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link ClipDao} and {@link ClipSql} promise, on whichever database the subclass provides. */
abstract class ClipDaoContract extends DatabaseContract {

    private ClipDao clips;

    @BeforeEach
    void createDao() {
        clips = new ClipDao(database.dataSource());
    }

    @Test
    void storedClipReadsBackUnchanged() {
        Clip created = clip("1001", NOON.plusMillis(456));
        Clip failed = failedClip("1002", NOON);

        assertThat(clips.insert(created)).isTrue();
        assertThat(clips.insert(failed)).isTrue();

        assertThat(clips.findByMomentId(created.momentId())).contains(created);
        assertThat(clips.findByMomentId(failed.momentId())).contains(failed);
    }

    @Test
    void unknownMomentIsEmpty() {
        assertThat(clips.findByMomentId("nobody:1")).isEmpty();
    }

    @Test
    void insertingTheSameMomentTwiceKeepsOneRowAndTheFirstVersion() {
        Clip first = clip("1001", NOON);
        Clip replay = new Clip(first.momentId(), "OtherClip", "1001", "login_1001", first.peakMs(),
                first.createdMs() + 60_000, null, null, "retry", 9.0, 500, ClipStatus.PENDING, null);

        assertThat(clips.insert(first)).isTrue();
        assertThat(clips.insert(first)).isFalse();
        assertThat(clips.insert(replay)).isFalse();

        assertThat(clips.recent(100)).containsExactly(first);
    }

    @Test
    void rangeIncludesStartExcludesEndAndListsNewestFirst() {
        Clip before = clip("1", NOON.minusMillis(1));
        Clip atStart = clip("2", NOON);
        Clip middle = clip("3", ONE_MINUTE_LATER);
        Clip later = clip("4", TWO_MINUTES_LATER);
        Clip atEnd = clip("5", ONE_HOUR_LATER);
        for (Clip c : List.of(middle, atEnd, before, later, atStart)) {
            clips.insert(c);
        }

        assertThat(clips.findByPeakBetween(NOON, ONE_HOUR_LATER, 10)).containsExactly(later, middle, atStart);
        assertThat(clips.findByPeakBetween(NOON, ONE_HOUR_LATER, 2)).containsExactly(later, middle);
        assertThat(clips.findByPeakBetween(ONE_HOUR_LATER, ONE_HOUR_LATER.plusSeconds(1), 10)).containsExactly(atEnd);
        assertThat(clips.findByPeakBetween(ONE_HOUR_LATER.plusSeconds(1), ONE_HOUR_LATER.plusSeconds(60), 10)).isEmpty();
    }

    @Test
    void clipsWithTheSamePeakAreOrderedByMomentId() {
        Clip a = clip("a", NOON);
        Clip b = clip("b", NOON);
        clips.insert(a);
        clips.insert(b);

        assertThat(clips.findByPeakBetween(NOON, ONE_MINUTE_LATER, 10)).containsExactly(b, a);
    }

    @Test
    void recentListsNewestPeaksFirstUpToTheLimit() {
        Instant t = NOON;
        for (int i = 0; i < 7; i++) {
            clips.insert(clip("c" + i, t.plus(Duration.ofSeconds(i * 10L))));
        }

        List<Clip> recent = clips.recent(3);

        assertThat(recent).extracting(Clip::channelId).containsExactly("c6", "c5", "c4");
        assertThat(clips.recent(100)).hasSize(7);
    }

    @Test
    void nonPositiveLimitIsRejected() {
        assertThatThrownBy(() -> clips.recent(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clips.findByPeakBetween(NOON, ONE_HOUR_LATER, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsWrittenThroughClipSqlOnAnotherConnectionAreVisible() throws Exception {
        // The Flink JDBC sink opens its own connections with the same settings, outside the pool.
        DatabaseSettings settings = testDatabase.settings();
        Clip fromSink = clip("sink", NOON);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                PreparedStatement ps = c.prepareStatement(ClipSql.INSERT)) {
            ClipSql.bind(ps, fromSink);
            ps.addBatch();
            ClipSql.bind(ps, fromSink); // a replayed record within one batch
            ps.addBatch();
            ps.executeBatch();
        }

        assertThat(clips.recent(10)).containsExactly(fromSink);
    }
}
