package dev.streamscout.ingest;

import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.OFFLINE;
import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.ONLINE;
import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.VIEWERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import dev.streamscout.store.Streamer;
import dev.streamscout.store.StreamerDao;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor's bookkeeping over scripted Get Streams answers, with a real H2 {@code streamers}
 * table. The chat side is an in-memory room set (joining the real IRC simulator is covered by
 * {@link IngestServiceIntegrationTest}).
 */
class StreamMonitorTest {

    private static final Instant STARTED = Instant.parse("2026-01-11T18:00:00Z");
    private static final Instant FIRST_POLL = Instant.parse("2026-01-11T20:00:00Z");

    @TempDir
    Path dataDir;

    private Database database;
    private StreamerDao streamers;
    private final ScriptedRanking twitch = new ScriptedRanking();
    private final RoomSet rooms = new RoomSet();
    private final List<StreamLifecycleEvent> events = new CopyOnWriteArrayList<>();
    private StreamMonitor monitor;

    @BeforeEach
    void openDatabase() {
        database = Database.open(DatabaseSettings.h2File(dataDir));
        streamers = new StreamerDao(database.dataSource());
        monitor = monitorWith(streamers, Duration.ofMinutes(2));
    }

    @AfterEach
    void close() {
        monitor.close();
        database.close();
    }

    private StreamMonitor monitorWith(StreamerDao dao, Duration interval) {
        return new StreamMonitor(twitch, ChannelSelection.defaults(), rooms, events::add, dao, interval,
                new SteppingClock(FIRST_POLL, Duration.ofMinutes(2)));
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

    private Map<String, StreamLifecycleEvent.Type> eventTypesByLogin() {
        return events.stream().collect(Collectors.toMap(StreamLifecycleEvent::login, StreamLifecycleEvent::type));
    }

    @Test
    void firstPollAnnouncesEveryStreamJoinsTheTopFiveAndRecordsThem() {
        twitch.then(ranking("a", "b", "c", "d", "e", "f", "g"));

        SelectionChange change = monitor.pollOnce();

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
    void laterPollsReportViewersNewcomersAndStreamsThatEnded() {
        twitch.then(ranking("a", "b", "c", "d", "e", "f"));
        twitch.then(List.of(stream("b", 60_000), stream("new", 55_000), stream("c", 40_000),
                stream("d", 30_000), stream("e", 20_000), stream("f", 10_000)));
        monitor.pollOnce();
        events.clear();

        SelectionChange change = monitor.pollOnce();

        assertThat(eventTypesByLogin()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "a", OFFLINE, "b", VIEWERS, "new", ONLINE, "c", VIEWERS, "d", VIEWERS, "e", VIEWERS, "f", VIEWERS));
        StreamLifecycleEvent offline = events.stream().filter(e -> e.type() == OFFLINE).findFirst().orElseThrow();
        assertThat(offline.channelId()).isEqualTo("id-a");
        assertThat(offline.viewerCount()).isZero();
        assertThat(events.stream().filter(e -> e.login().equals("b")).findFirst().orElseThrow().viewerCount())
                .isEqualTo(60_000);
        assertThat(change.leave()).containsExactly("a");
        assertThat(change.join()).containsExactly("new");
        assertThat(streamers.find("id-a")).get().satisfies(s -> {
            assertThat(s.live()).isFalse();
            assertThat(s.viewerCount()).isZero();
        });
        assertThat(streamers.find("id-b")).get().extracting(Streamer::viewerCount).isEqualTo(60_000);
    }

    @Test
    void aTwitchErrorChangesNothingIsCountedAndTheNextPollGoesOn() {
        twitch.then(ranking("a", "b"));
        twitch.thenFail(new IllegalStateException("HTTP 503 from Helix"));
        twitch.then(ranking("a", "b"));
        monitor.pollOnce();
        events.clear();

        SelectionChange duringOutage = monitor.pollOnce();

        assertThat(duringOutage.isEmpty()).isTrue();
        assertThat(events).isEmpty(); // an outage is not "everybody went offline"
        assertThat(rooms.joinedChannels()).containsExactlyInAnyOrder("a", "b");
        assertThat(monitor.twitchApiErrors()).isEqualTo(1);
        assertThat(streamers.live()).hasSize(2);

        monitor.pollOnce();
        assertThat(events).extracting(StreamLifecycleEvent::type).containsOnly(VIEWERS);
        assertThat(monitor.polls()).isEqualTo(3);
    }

    @Test
    void aFailedJoinIsCountedAndRetriedOnTheNextPoll() {
        rooms.refuseNext("b");
        twitch.then(ranking("a", "b"));
        twitch.then(ranking("a", "b"));

        monitor.pollOnce();
        assertThat(rooms.joinedChannels()).containsExactly("a");
        assertThat(monitor.chatControlErrors()).isEqualTo(1);

        SelectionChange retry = monitor.pollOnce();
        assertThat(retry.join()).containsExactly("b");
        assertThat(rooms.joinedChannels()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aBrokenDatabaseIsCountedButEventsAndRoomsCarryOn() {
        twitch.then(ranking("a", "b"));
        database.close();

        monitor.pollOnce();

        assertThat(monitor.storeErrors()).isEqualTo(2);
        assertThat(events).hasSize(2);
        assertThat(rooms.joinedChannels()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void withoutADaoNothingIsStored() {
        StreamMonitor noStore = monitorWith(null, Duration.ofMinutes(2));
        twitch.then(ranking("a"));

        noStore.pollOnce();

        assertThat(events).hasSize(1);
        assertThat(noStore.storeErrors()).isZero();
        assertThat(streamers.find("id-a")).isEmpty();
    }

    @Test
    void startedMonitorPollsOnItsScheduleUntilClosed() {
        StreamMonitor scheduled = monitorWith(streamers, Duration.ofMillis(50));
        for (int i = 0; i < 1_000; i++) {
            twitch.then(ranking("a", "b"));
        }
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

    /** Get Streams answers in order; the last one repeats. */
    private static final class ScriptedRanking implements TopStreamsSource {
        private final Deque<Object> answers = new ArrayDeque<>();
        final List<Integer> limits = new CopyOnWriteArrayList<>();

        synchronized void then(List<StreamStatus> ranking) {
            answers.add(ranking);
        }

        synchronized void thenFail(RuntimeException error) {
            answers.add(error);
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized List<StreamStatus> topStreams(int limit) {
            limits.add(limit);
            Object next = answers.size() > 1 ? answers.poll() : answers.peek();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return next == null ? List.of() : ((List<StreamStatus>) next).stream().limit(limit).toList();
        }
    }

    /** Rooms as a set; can refuse one join, as an IRC client does when it is not connected. */
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

    /** Each reading is {@code step} later than the previous one, like polls two minutes apart. */
    private static final class SteppingClock extends Clock {
        private Instant next;
        private final Duration step;

        SteppingClock(Instant first, Duration step) {
            this.next = first;
            this.step = step;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            next = next.plus(step);
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
