package dev.streamscout.ingest;

import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.OFFLINE;
import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.ONLINE;
import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.VIEWERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.ingest.online.InMemoryOnlineState;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import dev.streamscout.store.Streamer;
import dev.streamscout.store.StreamerDao;
import dev.streamscout.store.ViewerSample;
import dev.streamscout.store.ViewerTimeseriesDao;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor's bookkeeping over scripted Get Streams answers, with real H2 {@code streamers} and
 * {@code viewer_timeseries} tables and the in-memory online state on a test clock. The chat side
 * is an in-memory room set (joining the simulator's chat is covered by {@link IngestServiceIntegrationTest}).
 */
class StreamMonitorTest {

    private static final Instant STARTED = Instant.parse("2026-01-11T18:00:00Z");
    private static final Instant FIRST_POLL = Instant.parse("2026-01-11T20:00:00Z");
    private static final Duration POLL = Duration.ofMinutes(2);
    private static final Duration TTL = Duration.ofMinutes(6);

    @TempDir
    Path dataDir;

    private Database database;
    private StreamerDao streamers;
    private ViewerTimeseriesDao viewers;
    private final TestClock clock = new TestClock(FIRST_POLL);
    private final ScriptedTwitch twitch = new ScriptedTwitch();
    private final RoomSet rooms = new RoomSet();
    private final List<StreamLifecycleEvent> events = new CopyOnWriteArrayList<>();
    private InMemoryOnlineState online;
    private StreamMonitor monitor;

    @BeforeEach
    void openDatabase() {
        database = Database.open(DatabaseSettings.h2File(dataDir));
        streamers = new StreamerDao(database.dataSource());
        viewers = new ViewerTimeseriesDao(database.dataSource());
        monitor = monitorWith(ChannelPolicy.topStreams(ChannelSelection.defaults()), POLL);
    }

    @AfterEach
    void close() {
        monitor.close();
        database.close();
    }

    private StreamMonitor monitorWith(ChannelPolicy policy, Duration interval) {
        online = new InMemoryOnlineState(clock, Duration.ofMillis(50));
        return StreamMonitor.builder(twitch, rooms, events::add).policy(policy).onlineState(online).onlineTtl(TTL)
                .streamers(streamers).viewers(viewers).pollInterval(interval).clock(clock).build();
    }

    private static ChannelPolicy fixed(List<String> channels, List<String> allow, List<String> deny) {
        return new ChannelPolicy(ChannelSelection.defaults(), channels, allow, deny);
    }

    private static StreamStatus stream(String login, int viewers) {
        return new StreamStatus("id-" + login, login, login, viewers, STARTED, "title of " + login, "Just Chatting");
    }

    /** A ranking in the given order: the first login has the most viewers. */
    private static List<StreamStatus> ranking(String... logins) {
        List<StreamStatus> list = new ArrayList<>();
        for (int i = 0; i < logins.length; i++) {
            list.add(stream(logins[i], 50_000 - 1_000 * i));
        }
        return list;
    }

    /** Polls at the current test time, then moves the clock one poll interval on. */
    private SelectionChange poll() {
        SelectionChange change = monitor.pollOnce();
        clock.advance(POLL);
        return change;
    }

    private Map<String, StreamLifecycleEvent.Type> eventTypesByLogin() {
        return events.stream().collect(Collectors.toMap(StreamLifecycleEvent::login, StreamLifecycleEvent::type));
    }

    @Test
    void firstPollAnnouncesEveryStreamJoinsTheTopFiveAndRecordsThem() {
        twitch.then(ranking("a", "b", "c", "d", "e", "f", "g"));

        SelectionChange change = poll();

        assertThat(twitch.limits).containsExactly(10);
        assertThat(change.join()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(rooms.joinedChannels()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(events).hasSize(7).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(ONLINE);
            assertThat(e.observedAt()).isEqualTo(FIRST_POLL);
            assertThat(e.startedAt()).isEqualTo(STARTED);
        });
        assertThat(events.get(0).channelId()).isEqualTo("id-a");
        assertThat(events.get(0).viewerCount()).isEqualTo(50_000);
        assertThat(streamers.live()).extracting(Streamer::login).containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(monitor.activeStreamCount()).isEqualTo(5);
        assertThat(monitor.onlineChannelIds()).hasSize(7);
    }

    @Test
    void everyPollWritesOneViewerSamplePerStream() {
        twitch.then(ranking("a", "b"));
        twitch.then(List.of(stream("a", 48_000), stream("b", 51_000)));

        poll();
        poll();

        assertThat(viewers.range("id-a", FIRST_POLL, FIRST_POLL.plus(Duration.ofHours(1)))).containsExactly(
                new ViewerSample("id-a", FIRST_POLL, 50_000), new ViewerSample("id-a", FIRST_POLL.plus(POLL), 48_000));
        assertThat(viewers.range("id-b", FIRST_POLL, FIRST_POLL.plus(Duration.ofHours(1))))
                .extracting(ViewerSample::viewerCount).containsExactly(49_000, 51_000);
    }

    @Test
    void laterPollsReportViewersAndNewcomers() {
        twitch.then(ranking("a", "b", "c", "d", "e", "f"));
        twitch.then(List.of(stream("b", 60_000), stream("new", 55_000), stream("c", 40_000),
                stream("d", 30_000), stream("e", 20_000), stream("f", 10_000)));
        poll();
        events.clear();

        SelectionChange change = poll();

        // "a" left the answer and, asked for by login, is not live: it ended.
        assertThat(eventTypesByLogin()).containsExactlyInAnyOrderEntriesOf(Map.of("a", OFFLINE,
                "b", VIEWERS, "new", ONLINE, "c", VIEWERS, "d", VIEWERS, "e", VIEWERS, "f", VIEWERS));
        assertThat(events.stream().filter(e -> e.login().equals("b")).findFirst().orElseThrow().viewerCount())
                .isEqualTo(60_000);
        assertThat(change.leave()).containsExactly("a");
        assertThat(change.join()).containsExactly("new");
        assertThat(streamers.find("id-b")).get().extracting(Streamer::viewerCount).isEqualTo(60_000);
    }

    @Test
    void inTopModeAStreamMissingFromTheRanksIsAskedForByLoginAndEndsWhenTwitchNoLongerListsIt() {
        twitch.then(ranking("a", "b"));
        twitch.then(ranking("b"));
        poll();
        events.clear();

        poll(); // "a" is missing: ended, or fell below the ranks fetched? Asked for by login: ended.

        assertThat(twitch.loginQueries).containsExactly(List.of("a"));
        StreamLifecycleEvent offline = events.stream().filter(e -> e.type() == OFFLINE).findFirst().orElseThrow();
        assertThat(offline.channelId()).isEqualTo("id-a");
        assertThat(offline.login()).isEqualTo("a");
        assertThat(offline.viewerCount()).isZero();
        assertThat(monitor.expiries()).isZero();
        assertThat(streamers.find("id-a")).get().satisfies(s -> {
            assertThat(s.live()).isFalse();
            assertThat(s.viewerCount()).isZero();
        });
        assertThat(monitor.onlineChannelIds()).containsExactly("id-b");
    }

    @Test
    void aChannelWobblingAroundTheLeaveThresholdStaysOnlineWithoutFlapping() {
        // "k" is ranked 10th, 11th, 10th, 12th...: still live all along, only its rank changes.
        List<String> top = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i");
        List<String> inside = new ArrayList<>(top);
        inside.addAll(List.of("k", "x", "y"));
        List<String> outside = new ArrayList<>(top);
        outside.addAll(List.of("x", "k", "y"));
        List<String> further = new ArrayList<>(top);
        further.addAll(List.of("x", "y", "k"));
        for (List<String> ranks : List.of(inside, outside, inside, further, outside, further)) {
            twitch.then(ranking(ranks.toArray(String[]::new)));
        }
        poll();
        assertThat(eventTypesByLogin()).containsEntry("k", ONLINE);
        events.clear();

        for (int i = 0; i < 5; i++) {
            poll();
            assertThat(online.sweep()).isZero();
        }

        // "x" entered the ranks once (a real newcomer); nobody went offline, nobody came online twice.
        assertThat(events).filteredOn(e -> e.type() != VIEWERS).extracting(StreamLifecycleEvent::login, StreamLifecycleEvent::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x", ONLINE));
        assertThat(events).filteredOn(e -> e.login().equals("k")).extracting(StreamLifecycleEvent::type)
                .containsExactly(VIEWERS, VIEWERS, VIEWERS, VIEWERS, VIEWERS);
        assertThat(monitor.expiries()).isZero();
        assertThat(monitor.onlineChannelIds()).contains("id-k", "id-x");
        // A tracked channel outside the ten ranks fetched is asked for by login, one call per poll.
        assertThat(twitch.loginQueries).containsExactly(List.of("k"), List.of("x"), List.of("k"), List.of("k"), List.of("k"));
    }

    @Test
    void whenTheLookupOfAChannelThatLeftTheRanksFailsItStaysOnlineAndOnlyItsTtlCanEndIt() {
        twitch.then(ranking("a", "b"));
        twitch.then(ranking("b"));
        poll();
        events.clear();
        twitch.failLookupsAfterTop(new IllegalStateException("Helix 503"));

        poll();
        assertThat(events).extracting(StreamLifecycleEvent::type).containsOnly(VIEWERS);
        assertThat(monitor.twitchApiErrors()).isEqualTo(1);
        assertThat(monitor.onlineChannelIds()).contains("id-a");

        // Then the monitor stops polling: nothing refreshes the channels, and the TTL ends them all.
        clock.advance(TTL.plusSeconds(1));
        assertThat(online.sweep()).isEqualTo(2);

        assertThat(events).filteredOn(e -> e.type() == OFFLINE).extracting(StreamLifecycleEvent::login)
                .containsExactlyInAnyOrder("a", "b");
        assertThat(monitor.expiries()).isEqualTo(2);
        assertThat(streamers.find("id-a")).get().satisfies(s -> assertThat(s.live()).isFalse());
        assertThat(monitor.onlineChannelIds()).isEmpty();
    }

    @Test
    void theExpirySweepRunsOnItsOwnOnceStarted() {
        monitor.close();
        monitor = monitorWith(ChannelPolicy.topStreams(ChannelSelection.defaults()), Duration.ofHours(1));
        twitch.then(ranking("a"));
        monitor.start(); // polls once at once, then not for an hour
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);

        clock.advance(TTL.plusSeconds(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
        assertThat(events.get(1).type()).isEqualTo(OFFLINE);
    }

    @Test
    void aFixedListIsJoinedWhetherLiveOrNotAndAskedForByLogin() {
        monitor.close();
        monitor = monitorWith(fixed(List.of("alpha", "#Beta", "gamma"), List.of(), List.of()), POLL);
        twitch.then(List.of(stream("alpha", 300), stream("unrelated", 99_999)));

        SelectionChange change = poll();

        assertThat(twitch.loginQueries).containsExactly(List.of("alpha", "beta", "gamma"));
        assertThat(twitch.limits).isEmpty(); // the global top is never asked for
        assertThat(change.join()).containsExactlyInAnyOrder("alpha", "beta", "gamma");
        assertThat(events).extracting(StreamLifecycleEvent::login).containsExactly("alpha");
        assertThat(events.get(0).type()).isEqualTo(ONLINE);
        assertThat(poll().isEmpty()).isTrue(); // stable: nothing to join or leave
    }

    @Test
    void withAFixedListAStreamMissingFromTheAnswerEndsAtOnce() {
        monitor.close();
        monitor = monitorWith(fixed(List.of("alpha", "beta"), List.of(), List.of()), POLL);
        twitch.then(List.of(stream("alpha", 300), stream("beta", 200)));
        twitch.then(List.of(stream("beta", 210)));
        poll();
        events.clear();

        poll();

        assertThat(eventTypesByLogin()).containsExactlyInAnyOrderEntriesOf(Map.of("alpha", OFFLINE, "beta", VIEWERS));
        assertThat(monitor.onlineChannelIds()).containsExactly("id-beta");
        assertThat(streamers.find("id-alpha")).get().extracting(Streamer::live).isEqualTo(false);
        assertThat(rooms.joinedChannels()).containsExactlyInAnyOrder("alpha", "beta"); // chat stays joined
        clock.advance(TTL.multipliedBy(2));
        assertThat(online.sweep()).isEqualTo(1); // beta, not seen since; alpha was removed, not expired
        assertThat(events).filteredOn(e -> e.type() == OFFLINE).extracting(StreamLifecycleEvent::login)
                .containsExactly("alpha", "beta");
    }

    @Test
    void theDenyListWinsOverTheFixedListAndTheAllowList() {
        monitor.close();
        monitor = monitorWith(fixed(List.of("alpha", "beta"), List.of("alpha", "beta"), List.of("beta")), POLL);
        twitch.then(List.of(stream("alpha", 300), stream("beta", 200)));

        poll();

        assertThat(twitch.loginQueries).containsExactly(List.of("alpha"));
        assertThat(rooms.joinedChannels()).containsExactly("alpha");
        assertThat(events).extracting(StreamLifecycleEvent::login).containsExactly("alpha");
    }

    @Test
    void inTopModeDeniedChannelsTakeNoPlaceAndMoreAreFetchedToMakeUpForThem() {
        monitor.close();
        monitor = monitorWith(new ChannelPolicy(new ChannelSelection(2, 3), List.of(), List.of(), List.of("b", "x")),
                POLL);
        twitch.then(ranking("a", "b", "c", "d", "e"));

        SelectionChange change = poll();

        assertThat(twitch.limits).containsExactly(5); // leave threshold 3 + 2 denied
        assertThat(change.join()).containsExactlyInAnyOrder("a", "c");
        assertThat(events).extracting(StreamLifecycleEvent::login).containsExactly("a", "c", "d");
    }

    @Test
    void inTopModeAnAllowListRanksOnlyTheAllowedChannelsAskedForByLogin() {
        monitor.close();
        monitor = monitorWith(new ChannelPolicy(new ChannelSelection(1, 2), List.of(), List.of("small", "mid", "tiny"),
                List.of()), POLL);
        twitch.then(List.of(stream("tiny", 5), stream("mid", 500), stream("small", 50)));

        SelectionChange change = poll();

        assertThat(twitch.loginQueries).containsExactly(List.of("mid", "small", "tiny"));
        assertThat(change.join()).containsExactly("mid");
        assertThat(events).extracting(StreamLifecycleEvent::login).containsExactly("mid", "small");
    }

    @Test
    void aTwitchErrorChangesNothingIsCountedAndTheNextPollGoesOn() {
        twitch.then(ranking("a", "b"));
        twitch.thenFail(new IllegalStateException("HTTP 503 from Helix"));
        twitch.then(ranking("a", "b"));
        poll();
        events.clear();

        SelectionChange duringOutage = poll();

        assertThat(duringOutage.isEmpty()).isTrue();
        assertThat(events).isEmpty(); // an outage is not "everybody went offline"
        assertThat(rooms.joinedChannels()).containsExactlyInAnyOrder("a", "b");
        assertThat(monitor.twitchApiErrors()).isEqualTo(1);
        assertThat(monitor.consecutiveFailures()).isEqualTo(1);
        assertThat(monitor.lastError()).contains("503");
        assertThat(streamers.live()).hasSize(2);

        poll();
        assertThat(events).extracting(StreamLifecycleEvent::type).containsOnly(VIEWERS);
        assertThat(monitor.polls()).isEqualTo(3);
        assertThat(monitor.consecutiveFailures()).isZero();
    }

    @Test
    void aTwitchOutageLongerThanTheTtlEndsNoStream() {
        twitch.then(ranking("a"));
        twitch.thenFail(new IllegalStateException("HTTP 503 from Helix"));
        twitch.thenFail(new IllegalStateException("HTTP 503 from Helix"));
        twitch.thenFail(new IllegalStateException("HTTP 503 from Helix"));
        twitch.then(ranking("a"));
        poll();
        for (int i = 0; i < 3; i++) { // 3 failed polls, 6 minutes: a whole TTL without a sighting
            poll();
            online.sweep();
        }

        poll();

        assertThat(events).extracting(StreamLifecycleEvent::type).containsExactly(ONLINE, VIEWERS);
        assertThat(monitor.expiries()).isZero();
    }

    @Test
    void aFailedJoinIsCountedAndRetriedOnTheNextPoll() {
        rooms.refuseNext("b");
        twitch.then(ranking("a", "b"));
        twitch.then(ranking("a", "b"));

        poll();
        assertThat(rooms.joinedChannels()).containsExactly("a");
        assertThat(monitor.chatControlErrors()).isEqualTo(1);

        SelectionChange retry = poll();
        assertThat(retry.join()).containsExactly("b");
        assertThat(rooms.joinedChannels()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aBrokenDatabaseIsCountedButEventsAndRoomsCarryOn() {
        twitch.then(ranking("a", "b"));
        database.close();

        poll();

        assertThat(monitor.storeErrors()).isEqualTo(3); // two streamers upserts, one viewer batch
        assertThat(events).hasSize(2);
        assertThat(rooms.joinedChannels()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void withoutDaosNothingIsStored() {
        StreamMonitor noStore = StreamMonitor.builder(twitch, rooms, events::add).clock(clock).build();
        twitch.then(ranking("a"));

        noStore.pollOnce();
        noStore.close();

        assertThat(events).hasSize(1);
        assertThat(noStore.storeErrors()).isZero();
        assertThat(streamers.find("id-a")).isEmpty();
    }

    @Test
    void startedMonitorPollsOnItsScheduleUntilClosed() {
        StreamMonitor scheduled = monitorWith(ChannelPolicy.topStreams(ChannelSelection.defaults()),
                Duration.ofMillis(50));
        twitch.then(ranking("a", "b"));
        scheduled.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> scheduled.polls() >= 3);
        } finally {
            scheduled.close();
        }
        long afterClose = scheduled.polls();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                .until(() -> scheduled.polls() == afterClose);
        assertThat(rooms.joinedChannels()).containsExactlyInAnyOrder("a", "b");
    }

    /**
     * Get Streams answers in order; the last one repeats. Each answer is every live stream at that poll:
     * the top is its first {@code limit}, login queries filter it. A login query right after a top query
     * (the monitor asking about channels that left the ranks) is answered from the same poll's streams.
     */
    private static final class ScriptedTwitch implements LiveStreams {
        private final Deque<Object> answers = new ArrayDeque<>();
        final List<Integer> limits = new CopyOnWriteArrayList<>();
        final List<List<String>> loginQueries = new CopyOnWriteArrayList<>();
        private List<StreamStatus> samePoll;
        private RuntimeException failLookups;

        /** Login queries that follow a top query fail with {@code error} until called with null. */
        synchronized void failLookupsAfterTop(RuntimeException error) {
            failLookups = error;
        }

        synchronized void then(List<StreamStatus> ranking) {
            answers.add(ranking);
        }

        synchronized void thenFail(RuntimeException error) {
            answers.add(error);
        }

        @SuppressWarnings("unchecked")
        private synchronized List<StreamStatus> next() {
            Object next = answers.size() > 1 ? answers.poll() : answers.peek();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return next == null ? List.of() : (List<StreamStatus>) next;
        }

        @Override
        public synchronized List<StreamStatus> topStreams(int limit) {
            limits.add(limit);
            samePoll = next();
            return samePoll.stream().limit(limit).toList();
        }

        @Override
        public synchronized List<StreamStatus> streamsByLogin(Collection<String> logins) {
            loginQueries.add(List.copyOf(logins));
            Set<String> wanted = Set.copyOf(logins);
            List<StreamStatus> world = samePoll;
            samePoll = null;
            if (world != null && failLookups != null) {
                throw failLookups;
            }
            return (world != null ? world : next()).stream().filter(s -> wanted.contains(s.login())).toList();
        }
    }

    /** Rooms as a set; can refuse one join, as a chat client does when it is not connected. */
    private static final class RoomSet implements ChatRoomControl {
        private final Set<String> joined = new TreeSet<>();
        private String refuse;

        void refuseNext(String login) {
            refuse = login;
        }

        @Override
        public synchronized void join(String login) {
            if (login.equals(refuse)) {
                refuse = null;
                throw new IllegalStateException("not connected");
            }
            joined.add(login);
        }

        @Override
        public synchronized void part(String login) {
            joined.remove(login);
        }

        @Override
        public synchronized Set<String> joinedChannels() {
            return Set.copyOf(joined);
        }
    }

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
