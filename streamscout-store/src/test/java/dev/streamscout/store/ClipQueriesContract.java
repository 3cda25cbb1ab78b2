package dev.streamscout.store;

import static dev.streamscout.store.StoreFixtures.NOON;
import static dev.streamscout.store.StoreFixtures.clip;
import static dev.streamscout.store.StoreFixtures.failedClip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.highlight.Clip;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link ClipQueries} promises on either database: filters and keyset pages. */
abstract class ClipQueriesContract extends DatabaseContract {

    private static final Instant FROM = NOON.minus(Duration.ofHours(1));
    private static final Instant TO = NOON.plus(Duration.ofHours(1));

    private ClipQueries queries;
    private Clip strong1;
    private Clip weak1;
    private Clip strong2;
    private Clip tiedWithStrong2;

    @BeforeEach
    void seed() {
        queries = new ClipQueries(database.dataSource());
        ClipDao clips = new ClipDao(database.dataSource());
        strong1 = clip("1", NOON);                          // intensity 4.75, login login_1
        weak1 = failedClip("1", NOON.plusSeconds(60));      // intensity 2.5, no login
        strong2 = clip("2", NOON.plusSeconds(120));
        tiedWithStrong2 = clip("3", NOON.plusSeconds(120)); // same peak: the moment id breaks the tie
        for (Clip c : List.of(strong1, weak1, strong2, tiedWithStrong2, clip("1", TO))) {
            clips.insert(c);
        }
    }

    @Test
    void filtersByBroadcasterIdOrLoginAndByIntensity() {
        assertThat(queries.page(new ClipSearch(FROM, TO, "1", null, null), 10)).containsExactly(weak1, strong1);
        assertThat(queries.page(new ClipSearch(FROM, TO, "LOGIN_1", null, null), 10)).containsExactly(strong1);
        assertThat(queries.page(new ClipSearch(FROM, TO, null, 3.0, null), 10))
                .containsExactly(tiedWithStrong2, strong2, strong1);
        assertThat(queries.page(new ClipSearch(FROM, TO, "1", 4.75, null), 10)).containsExactly(strong1);
        assertThat(queries.page(new ClipSearch(FROM, TO, "nobody", null, null), 10)).isEmpty();
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsAcrossTiedPeaks() {
        List<Clip> all = queries.page(new ClipSearch(FROM, TO, null, null, null), 100);
        assertThat(all).containsExactly(tiedWithStrong2, strong2, weak1, strong1);

        List<Clip> paged = new ArrayList<>();
        ClipSearch.Position after = null;
        for (int pages = 0; pages < 10; pages++) {
            List<Clip> page = queries.page(new ClipSearch(FROM, TO, null, null, after), 1);
            if (page.isEmpty()) {
                break;
            }
            paged.addAll(page);
            Clip last = page.get(page.size() - 1);
            after = new ClipSearch.Position(last.peakMs(), last.momentId());
        }
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void aBroadcastersPagesFollowEachOtherAndAClipMatchingByIdAndLoginComesOnce() {
        Clip sameIdAndLogin = new Clip("77:1", null, "77", "77", NOON.plusSeconds(30).toEpochMilli(),
                NOON.plusSeconds(31).toEpochMilli(), null, null, "title", 3.0, 5,
                dev.streamscout.core.highlight.ClipStatus.PENDING, null);
        new ClipDao(database.dataSource()).insert(sameIdAndLogin);

        assertThat(queries.page(new ClipSearch(FROM, TO, "77", null, null), 10)).containsExactly(sameIdAndLogin);
        List<Clip> paged = new ArrayList<>();
        ClipSearch.Position after = null;
        for (int pages = 0; pages < 10; pages++) {
            List<Clip> page = queries.page(new ClipSearch(FROM, TO, "1", null, after), 1);
            if (page.isEmpty()) {
                break;
            }
            paged.addAll(page);
            after = new ClipSearch.Position(page.get(0).peakMs(), page.get(0).momentId());
        }
        assertThat(paged).containsExactly(weak1, strong1);
    }
}
