package dev.streamscout.store;

import static dev.streamscout.store.StoreFixtures.NOON;
import static dev.streamscout.store.StoreFixtures.ONE_MINUTE_LATER;
import static dev.streamscout.store.StoreFixtures.STREAM_START;
import static dev.streamscout.store.StoreFixtures.TWO_MINUTES_LATER;
import static dev.streamscout.store.StoreFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.stream.StreamStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link StreamerDao} promises, on whichever database the subclass provides. */
abstract class StreamerDaoContract extends DatabaseContract {

    private StreamerDao streamers;

    @BeforeEach
    void createDao() {
        streamers = new StreamerDao(database.dataSource());
    }

    @Test
    void firstObservationInsertsTheChannel() {
        streamers.upsert(stream("42", 1500), true, NOON);

        assertThat(streamers.find("42")).contains(new Streamer("42", "login_42", "Name 42", 1500, true,
                STREAM_START, "Title of 42", "Just Chatting", NOON));
        assertThat(streamers.live()).extracting(Streamer::channelId).containsExactly("42");
    }

    @Test
    void laterObservationUpdatesTheChannel() {
        streamers.upsert(stream("42", 1500), true, NOON);
        StreamStatus renamed = new StreamStatus("42", "newlogin", "New Name", 2000, STREAM_START, null, null);

        streamers.upsert(renamed, true, ONE_MINUTE_LATER);

        assertThat(streamers.find("42")).contains(new Streamer("42", "newlogin", "New Name", 2000, true,
                STREAM_START, null, null, ONE_MINUTE_LATER));
    }

    @Test
    void staleObservationChangesNothing() {
        streamers.upsert(stream("42", 2000), true, ONE_MINUTE_LATER);

        streamers.upsert(stream("42", 10), false, NOON);

        assertThat(streamers.find("42")).get()
                .satisfies(s -> {
                    assertThat(s.viewerCount()).isEqualTo(2000);
                    assertThat(s.live()).isTrue();
                    assertThat(s.updatedAt()).isEqualTo(ONE_MINUTE_LATER);
                });
    }

    @Test
    void channelWithoutStartTimeIsStored() {
        streamers.upsert(new StreamStatus("7", "seven", null, 0, null, null, null), false, NOON);

        assertThat(streamers.find("7")).contains(new Streamer("7", "seven", null, 0, false, null, null, null, NOON));
        assertThat(streamers.live()).isEmpty();
    }

    @Test
    void markOfflineTakesTheChannelOutOfTheLiveList() {
        streamers.upsert(stream("42", 1500), true, NOON);
        streamers.upsert(stream("43", 900), true, NOON);

        assertThat(streamers.markOffline("42", ONE_MINUTE_LATER)).isTrue();

        assertThat(streamers.live()).extracting(Streamer::channelId).containsExactly("43");
        assertThat(streamers.find("42")).get().satisfies(s -> {
            assertThat(s.live()).isFalse();
            assertThat(s.viewerCount()).isZero();
            assertThat(s.updatedAt()).isEqualTo(ONE_MINUTE_LATER);
            assertThat(s.login()).isEqualTo("login_42");
        });
    }

    @Test
    void staleOrUnknownMarkOfflineChangesNothing() {
        streamers.upsert(stream("42", 1500), true, TWO_MINUTES_LATER);

        assertThat(streamers.markOffline("42", ONE_MINUTE_LATER)).isFalse();
        assertThat(streamers.markOffline("nobody", ONE_MINUTE_LATER)).isFalse();

        assertThat(streamers.live()).extracting(Streamer::channelId).containsExactly("42");
    }

    @Test
    void liveListsMostWatchedFirst() {
        streamers.upsert(stream("a", 10), true, NOON);
        streamers.upsert(stream("b", 3000), true, NOON);
        streamers.upsert(stream("c", 500), true, NOON);
        streamers.upsert(stream("d", 99_999), false, NOON);

        assertThat(streamers.live()).extracting(Streamer::channelId).containsExactly("b", "c", "a");
    }
}
