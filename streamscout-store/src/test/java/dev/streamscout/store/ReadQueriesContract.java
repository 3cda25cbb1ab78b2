package dev.streamscout.store;

import static dev.streamscout.store.StoreFixtures.NOON;
import static dev.streamscout.store.StoreFixtures.ONE_HOUR_LATER;
import static dev.streamscout.store.StoreFixtures.ONE_MINUTE_LATER;
import static dev.streamscout.store.StoreFixtures.TWO_MINUTES_LATER;
import static dev.streamscout.store.StoreFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.stream.StreamStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link ChannelQueries} and {@link MomentQueries} promise, on whichever database the subclass provides. */
abstract class ReadQueriesContract extends DatabaseContract {

    private ChannelQueries channels;
    private MomentQueries momentQueries;
    private StreamerDao streamers;
    private ChatSummaryDao summaries;
    private MomentDao moments;
    private ClipDao clips;

    @BeforeEach
    void createDaos() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM moments");
            s.execute("DELETE FROM chat_summary_minute");
        }
        channels = new ChannelQueries(database.dataSource());
        momentQueries = new MomentQueries(database.dataSource());
        streamers = new StreamerDao(database.dataSource());
        summaries = new ChatSummaryDao(database.dataSource());
        moments = new MomentDao(database.dataSource());
        clips = new ClipDao(database.dataSource());
    }

    private static ChatMinuteSummary minute(String channel, String login, Instant minute, int messages) {
        return new ChatMinuteSummary(channel, login, minute.toEpochMilli(), messages, 1, Map.of("amy", messages),
                Map.of(), 0.0);
    }

    @Test
    void resolvesAChannelByIdOrByLoginInAnyCaseAndPrefersTheId() {
        streamers.upsert(stream("1001", 10), true, NOON);
        // A channel whose login is another channel's id: the id wins.
        streamers.upsert(new StreamStatus("1002", "1001", "Odd", 5, null, null, null), true, NOON);
        summaries.upsert(minute("2001", "onlychat", NOON, 3));
        moments.insert(MomentDaoContract.spike("3001", NOON));

        assertThat(channels.resolve("1001")).contains(new ChannelIdentity("1001", "login_1001"));
        assertThat(channels.resolve("LOGIN_1001")).contains(new ChannelIdentity("1001", "login_1001"));
        assertThat(channels.resolve("1002")).contains(new ChannelIdentity("1002", "1001"));
        assertThat(channels.resolve("2001")).contains(new ChannelIdentity("2001", "onlychat"));
        assertThat(channels.resolve("OnlyChat")).contains(new ChannelIdentity("2001", "onlychat"));
        assertThat(channels.resolve("login_3001")).contains(new ChannelIdentity("3001", "login_3001"));
        assertThat(channels.resolve("nope")).isEmpty();
        assertThat(channels.resolve("' OR 1=1 --")).isEmpty();
    }

    @Test
    void listsLiveChannelsFirstThenByViewersWithRecentChatAndLastMoment() {
        streamers.upsert(stream("a", 100), true, NOON);
        streamers.upsert(stream("b", 900), true, NOON);
        streamers.upsert(stream("c", 5000), false, NOON);
        Instant now = TWO_MINUTES_LATER.plusSeconds(10);
        summaries.upsert(minute("a", "login_a", NOON, 7));              // older than two minutes: not "last minute"
        summaries.upsert(minute("b", "login_b", NOON, 50));
        summaries.upsert(minute("b", "login_b", ONE_MINUTE_LATER, 60)); // b's newest recent minute
        moments.insert(MomentDaoContract.spike("b", NOON.plusSeconds(5)));
        moments.insert(MomentDaoContract.spike("b", ONE_MINUTE_LATER.plusSeconds(5)));

        List<StreamOverview> all = channels.streams(null, now);

        assertThat(all).extracting(o -> o.streamer().channelId()).containsExactly("b", "a", "c");
        assertThat(all.get(0).chatMessagesLastMinute()).isEqualTo(60);
        assertThat(all.get(0).lastMomentAt()).isEqualTo(ONE_MINUTE_LATER.plusSeconds(5));
        assertThat(all.get(0).streamer().startedAt()).isEqualTo(StoreFixtures.STREAM_START);
        assertThat(all.get(1).chatMessagesLastMinute()).isZero();
        assertThat(all.get(1).lastMomentAt()).isNull();
        assertThat(channels.streams(true, now)).extracting(o -> o.streamer().channelId()).containsExactly("b", "a");
        assertThat(channels.streams(false, now)).extracting(o -> o.streamer().channelId()).containsExactly("c");
    }

    @Test
    void countsTheMinutesStartingInsideAWindowAndSaysHowFreshTheyAre() {
        Instant window = NOON;
        summaries.upsert(minute("a", "login_a", NOON.minusSeconds(60), 1000)); // before the window
        summaries.upsert(minute("a", "login_a", NOON, 10));
        summaries.upsert(minute("a", "login_a", NOON.plusSeconds(540), 5));    // last minute inside
        summaries.upsert(minute("b", "login_b", NOON, 99));

        ChatWindowCount count = channels.chatMessagesBetween("a", window, window.plusSeconds(600));

        assertThat(count.messageCount()).isEqualTo(15);
        assertThat(count.lastMinuteEndsAt()).isEqualTo(NOON.plusSeconds(600));
        assertThat(channels.chatMessagesBetween("nobody", window, window.plusSeconds(600)))
                .isEqualTo(new ChatWindowCount(0, null));
    }

    @Test
    void pagesAChannelsMomentsNewestFirstWithTheirClipsAndFilters() {
        StoredMoment early = MomentDaoContract.spike("a", NOON.plusSeconds(1))
                .withVodUrl("https://www.twitch.tv/videos/1?t=3h0m1s");
        StoredMoment tieLow = MomentDaoContract.spike("a", NOON.plusSeconds(30));
        // Same peak second as tieLow, other id: the id decides the order.
        StoredMoment tieHigh = new StoredMoment("a:zz", "a", "login_a", StoredMoment.CHAT_SPIKE, tieLow.startMs(),
                tieLow.peakMs(), tieLow.endMs(), 2.0, 1, 1.0, 1, 1, 1, null, null, null, null, null, null, null, 0);
        StoredMoment drop = MomentDaoContract.viewerDrop("a", NOON.plusSeconds(50));
        StoredMoment otherChannel = MomentDaoContract.spike("b", NOON.plusSeconds(40));
        StoredMoment outside = MomentDaoContract.spike("a", ONE_HOUR_LATER);
        for (StoredMoment m : List.of(early, tieLow, tieHigh, drop, otherChannel, outside)) {
            moments.insert(m);
        }
        Clip clip = StoreFixtures.clip("a", NOON.plusSeconds(30));
        clips.insert(clip);

        List<MomentWithClip> first = momentQueries.page(MomentSearch.of("a", NOON, ONE_HOUR_LATER), 2);
        assertThat(first).extracting(r -> r.moment().id()).containsExactly(drop.id(), tieHigh.id());
        assertThat(first.get(0).clip()).isNull();
        assertThat(first.get(0).moment()).isEqualTo(drop);

        var after = MomentSearch.Position.of(first.get(1).moment());
        List<MomentWithClip> second = momentQueries.page(
                new MomentSearch("a", NOON, ONE_HOUR_LATER, null, null, after), 2);
        assertThat(second).extracting(r -> r.moment().id()).containsExactly(tieLow.id(), early.id());
        assertThat(second.get(0).clip()).isEqualTo(new ClipOutcome(ClipStatus.CREATED, clip.clipId(), clip.url(),
                clip.editUrl(), null));
        assertThat(second.get(0).moment()).isEqualTo(tieLow);
        assertThat(second.get(1).moment()).isEqualTo(early);
        var end = MomentSearch.Position.of(second.get(1).moment());
        assertThat(momentQueries.page(new MomentSearch("a", NOON, ONE_HOUR_LATER, null, null, end), 2)).isEmpty();

        assertThat(momentQueries.page(new MomentSearch("a", NOON, ONE_HOUR_LATER, 5.0, null, null), 10))
                .extracting(r -> r.moment().id()).containsExactly(tieLow.id(), early.id());
        assertThat(momentQueries.page(new MomentSearch("a", NOON, ONE_HOUR_LATER, null, StoredMoment.VIEWER_DROP,
                null), 10)).extracting(r -> r.moment().id()).containsExactly(drop.id());
        assertThat(momentQueries.page(MomentSearch.of("a", ONE_HOUR_LATER, ONE_HOUR_LATER.plus(Duration.ofSeconds(1))),
                10)).extracting(r -> r.moment().id()).containsExactly(outside.id());
        assertThatThrownBy(() -> momentQueries.page(MomentSearch.of("a", NOON, ONE_HOUR_LATER), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailedClipShowsItsReason() {
        StoredMoment m = MomentDaoContract.spike("a", NOON);
        moments.insert(m);
        clips.insert(StoreFixtures.failedClip("a", NOON));

        MomentWithClip row = momentQueries.page(MomentSearch.of("a", NOON, ONE_HOUR_LATER), 5).get(0);

        assertThat(row.clip()).isEqualTo(new ClipOutcome(ClipStatus.FAILED, null, null, null,
                "403 Forbidden: clips are disabled"));
    }
}
