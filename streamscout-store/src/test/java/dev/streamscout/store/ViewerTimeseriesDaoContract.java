package dev.streamscout.store;

import static dev.streamscout.store.StoreFixtures.NOON;
import static dev.streamscout.store.StoreFixtures.ONE_HOUR_LATER;
import static dev.streamscout.store.StoreFixtures.ONE_MINUTE_LATER;
import static dev.streamscout.store.StoreFixtures.TWO_MINUTES_LATER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link ViewerTimeseriesDao} promises, on whichever database the subclass provides. */
abstract class ViewerTimeseriesDaoContract extends DatabaseContract {

    private ViewerTimeseriesDao viewers;

    @BeforeEach
    void createDao() throws SQLException {
        viewers = new ViewerTimeseriesDao(database.dataSource());
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM viewer_timeseries");
        }
    }

    private static ViewerSample sample(String channelId, Instant at, int viewers) {
        return new ViewerSample(channelId, at, viewers);
    }

    @Test
    void samplesComeBackOldestFirstWithinAHalfOpenRange() {
        viewers.record(List.of(sample("42", TWO_MINUTES_LATER, 1_700), sample("42", NOON, 1_500),
                sample("42", ONE_MINUTE_LATER, 1_600), sample("7", ONE_MINUTE_LATER, 90)));

        assertThat(viewers.range("42", NOON, TWO_MINUTES_LATER)).containsExactly(
                sample("42", NOON, 1_500), sample("42", ONE_MINUTE_LATER, 1_600));
        assertThat(viewers.range("42", NOON, ONE_HOUR_LATER)).extracting(ViewerSample::viewerCount)
                .containsExactly(1_500, 1_600, 1_700);
        assertThat(viewers.range("7", NOON, ONE_HOUR_LATER)).containsExactly(sample("7", ONE_MINUTE_LATER, 90));
        assertThat(viewers.range("unknown", NOON, ONE_HOUR_LATER)).isEmpty();
    }

    @Test
    void aReplayedSampleIsSkippedAndNeverOverwrites() {
        assertThat(viewers.record(sample("42", NOON, 1_500))).isTrue();

        assertThat(viewers.record(sample("42", NOON, 9_999))).isFalse();
        int inserted = viewers.record(List.of(sample("42", NOON, 1), sample("42", ONE_MINUTE_LATER, 1_600)));

        assertThat(inserted).isEqualTo(1);
        assertThat(viewers.range("42", NOON, ONE_HOUR_LATER)).containsExactly(
                sample("42", NOON, 1_500), sample("42", ONE_MINUTE_LATER, 1_600));
    }

    @Test
    void millisecondsAreKept() {
        Instant precise = NOON.plusMillis(123);
        viewers.record(sample("42", precise, 10));

        assertThat(viewers.range("42", precise, precise.plusMillis(1))).containsExactly(sample("42", precise, 10));
    }

    @Test
    void aLargeBatchIsOneRoundTrip() {
        List<ViewerSample> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(sample("c" + (i % 50), NOON.plusSeconds(120L * (i / 50)), i));
        }

        assertThat(viewers.record(batch)).isEqualTo(500);
        assertThat(viewers.record(batch)).isZero();
        assertThat(viewers.range("c0", NOON, ONE_HOUR_LATER)).hasSize(10);
    }

    @Test
    void aFailingBatchKeepsNothing() {
        List<ViewerSample> batch = List.of(sample("42", NOON, 1), sample("x".repeat(65), NOON, 2));

        assertThatThrownBy(() -> viewers.record(batch)).isInstanceOf(StoreException.class)
                .hasMessageContaining("2 viewer samples");
        assertThat(viewers.range("42", NOON, ONE_HOUR_LATER)).isEmpty();
    }

    @Test
    void theTimeRangeIndexExists() throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                ResultSet rs = c.getMetaData().getIndexInfo(null, null, "viewer_timeseries", false, false)) {
            List<String> indexes = new ArrayList<>();
            while (rs.next()) {
                indexes.add(String.valueOf(rs.getString("INDEX_NAME")).toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(indexes).contains("viewer_timeseries_observed_at_idx");
        }
    }

    @Test
    void badSamplesAreRejectedBeforeTheDatabase() {
        assertThatThrownBy(() -> sample(" ", NOON, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sample("42", NOON, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThat(viewers.record(List.of())).isZero();
    }
}
