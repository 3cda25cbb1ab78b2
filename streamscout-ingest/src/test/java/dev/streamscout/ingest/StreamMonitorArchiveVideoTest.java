package dev.streamscout.ingest;

import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.OFFLINE;
import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.ONLINE;
import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.VIEWERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.json.Json;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimEndpoint;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import dev.streamscout.twitch.helix.HelixClient;
import dev.streamscout.twitch.helix.HelixVideo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monitor puts each stream's archive video on its lifecycle events, asking the simulator's Get
 * Videos over real HTTP; a failing Get Videos never holds a channel back from going online.
 */
class StreamMonitorArchiveVideoTest {

    private TwitchSimulator sim;
    private HelixClient helix;
    private final List<StreamLifecycleEvent> events = new CopyOnWriteArrayList<>();
    private StreamMonitor monitor;
    private List<SimChannel> watched;

    @BeforeEach
    void start() {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withChannels(6).withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withViewerDriftInterval(Duration.ofHours(1))).start();
        // No retries of its own, so that each injected failure is one failed lookup.
        helix = new HelixClient(sim.helixBase(), "streamscout-test", () -> "anytokenworksinlenientmode0001");
        watched = sim.channels().subList(0, 3);
        ChannelPolicy fixed = new ChannelPolicy(ChannelSelection.defaults(),
                watched.stream().map(SimChannel::login).toList(), List.of(), List.of());
        monitor = StreamMonitor.builder(new HelixLiveStreams(helix), new Rooms(), events::add).policy(fixed)
                .archiveVideos(new HelixArchiveVideos(helix)).build();
    }

    @AfterEach
    void stop() {
        monitor.close();
        sim.close();
    }

    private Map<String, StreamLifecycleEvent> lastEventByLogin() {
        return events.stream().collect(Collectors.toMap(StreamLifecycleEvent::login, e -> e, (a, b) -> b));
    }

    @Test
    void onlineEventsCarryTheArchiveVideoAndLaterPollsRepeatItWithoutAsking() {
        monitor.pollOnce();

        assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e.type()).isEqualTo(ONLINE));
        for (SimChannel channel : watched) {
            assertThat(lastEventByLogin().get(channel.login()).videoId()).as(channel.login()).isEqualTo(channel.videoId());
        }
        events.clear();

        monitor.pollOnce();

        assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e.type()).isEqualTo(VIEWERS));
        assertThat(events).extracting(StreamLifecycleEvent::videoId)
                .containsExactlyInAnyOrderElementsOf(watched.stream().map(SimChannel::videoId).toList());
        assertThat(monitor.videoLookups()).isEqualTo(3);
        assertThat(monitor.videoLookupErrors()).isZero();
        // On the wire the id is the nullable video_id field.
        assertThat(Json.toString(events.get(0))).contains("\"video_id\":\"" + events.get(0).videoId() + "\"");
    }

    @Test
    void aFailingLookupStillGoesOnlineIsCountedAndIsTriedAgainAtTheNextPoll() {
        sim.failNext(SimEndpoint.GET_VIDEOS, 3, 500);

        monitor.pollOnce();

        assertThat(events).hasSize(3).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(ONLINE);
            assertThat(e.videoId()).isNull();
        });
        assertThat(Json.toString(events.get(0))).doesNotContain("video_id");
        assertThat(monitor.videoLookupErrors()).isEqualTo(3);
        events.clear();

        monitor.pollOnce();

        assertThat(events).extracting(StreamLifecycleEvent::videoId)
                .containsExactlyInAnyOrderElementsOf(watched.stream().map(SimChannel::videoId).toList());
        assertThat(monitor.videoLookups()).isEqualTo(6);
    }

    @Test
    void aNewStreamOfTheSameChannelGetsItsNewArchive() {
        SimChannel channel = watched.get(1);
        monitor.pollOnce();
        sim.setLive(channel.login(), false);
        monitor.pollOnce();
        assertThat(lastEventByLogin().get(channel.login()).type()).isEqualTo(OFFLINE);

        sim.setLive(channel.login(), true);
        monitor.pollOnce();

        StreamLifecycleEvent online = lastEventByLogin().get(channel.login());
        String newVideo = sim.channel(channel.login()).orElseThrow().videoId();
        assertThat(online.type()).isEqualTo(ONLINE);
        assertThat(newVideo).isNotEqualTo(channel.videoId());
        assertThat(online.videoId()).isEqualTo(newVideo);
    }

    @Test
    void anArchiveOfAnEarlierBroadcastIsNotThisStreamsVod() {
        Instant start = Instant.parse("2026-03-01T18:00:00Z");
        HelixVideo sameStream = new HelixVideo("1", "u", null, "archive", start.plusSeconds(40), null);
        HelixVideo yesterday = new HelixVideo("2", "u", null, "archive", start.minus(Duration.ofDays(1)), null);
        HelixVideo undated = new HelixVideo("3", "u", null, "archive", null, null);

        assertThat(HelixArchiveVideos.sameBroadcast(sameStream, start)).isTrue();
        assertThat(HelixArchiveVideos.sameBroadcast(yesterday, start)).isFalse();
        assertThat(HelixArchiveVideos.sameBroadcast(undated, start)).isFalse();
        assertThat(HelixArchiveVideos.sameBroadcast(sameStream, null)).isFalse();
    }

    /** Chat rooms as a set: joining real chat is covered by {@link IngestServiceIntegrationTest}. */
    private static final class Rooms implements ChatRoomControl {
        private final Set<String> joined = new TreeSet<>();

        @Override
        public synchronized void join(String login) {
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
}
