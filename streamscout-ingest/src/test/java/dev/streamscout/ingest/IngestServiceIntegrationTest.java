package dev.streamscout.ingest;

import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.OFFLINE;
import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.ONLINE;
import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.VIEWERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.ingest.observe.IngestHttpServer;
import dev.streamscout.store.ViewerTimeseriesDao;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import dev.streamscout.core.json.Json;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimEndpoint;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import dev.streamscout.store.Streamer;
import dev.streamscout.store.StreamerDao;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest end to end with real parts only: the Twitch simulator (IRC, Helix, OAuth on loopback),
 * an in-process KRaft Kafka, and an H2 {@code streamers} table.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestServiceIntegrationTest {

    private static final String CHAT_TOPIC = "chat-messages";
    private static final String LIFECYCLE_TOPIC = "stream-lifecycle";
    private static final String EVENTS_TOPIC = "chat-events";
    private static final Duration POLL = Duration.ofMillis(700);
    /** Short, so that a stream that ended is reported within seconds rather than minutes. */
    private static final Duration ONLINE_TTL = Duration.ofSeconds(3);

    @TempDir
    static Path dataDir;

    private static KafkaTestCluster kafka;
    private static TwitchSimulator sim;
    private static Database database;
    private static StreamerDao streamers;
    private static IngestService ingest;
    /** The simulator's channels by viewers at the start; viewer drift is off so this ranking holds. */
    private static List<SimChannel> ranking;

    @BeforeAll
    static void startEverything() throws Exception {
        kafka = KafkaTestCluster.start();
        kafka.createTopic(CHAT_TOPIC, 4);
        kafka.createTopic(LIFECYCLE_TOPIC, 2);
        kafka.createTopic(EVENTS_TOPIC, 2);
        sim = new TwitchSimulator(SimulatorSettings.defaults()
                .withSeed(11)
                .withChannels(14)
                .withTotalChatRatePerSecond(300)
                .withChatEventShare(0.05)
                .withScheduleHypeMoments(false)
                .withViewerDriftInterval(Duration.ofHours(1)))
                .start();
        ranking = sim.channels().stream().filter(SimChannel::live)
                .sorted(Comparator.comparingInt(SimChannel::viewerCount).reversed()).toList();
        database = Database.open(DatabaseSettings.h2File(dataDir));
        streamers = new StreamerDao(database.dataSource());

        IngestSettings settings = IngestSettings.twitch("streamscout-test", "not-a-real-secret-123",
                        kafka.bootstrapServers())
                .withTwitchEndpoints(sim.helixBase(), sim.oauthBase(), sim.host(), sim.ircPort())
                .withIrc(ChatTransport.TCP, sim.host(), sim.ircPort(), IngestSettings.TWITCH_IRC_WEBSOCKET)
                .withPollInterval(POLL)
                .withOnlineTtl(ONLINE_TTL)
                .withTopics(CHAT_TOPIC, LIFECYCLE_TOPIC)
                .withEventsTopic(EVENTS_TOPIC)
                .withHttpPorts(0, 0);
        ingest = new IngestService(settings, database);
        ingest.start();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (ingest != null) {
                long begin = System.nanoTime();
                ingest.close();
                assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
            }
        } finally {
            if (sim != null) {
                sim.close();
            }
            if (database != null) {
                database.close();
            }
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    private static Set<String> logins(List<SimChannel> channels) {
        return channels.stream().map(SimChannel::login).collect(Collectors.toSet());
    }

    @Test
    @Order(1)
    void joinsTheTopFiveAndPublishesTheirChatKeyedByChannelIdCommandsIncluded() {
        Set<String> topFive = logins(ranking.subList(0, 5));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ingest.joinedChannels()).isEqualTo(topFive);
            assertThat(sim.joinedChannels()).isEqualTo(topFive);
        });
        Map<String, String> idByLogin = ranking.stream().collect(Collectors.toMap(SimChannel::login, SimChannel::id));
        Set<String> topFiveIds = topFive.stream().map(idByLogin::get).collect(Collectors.toSet());

        List<ConsumerRecord<String, byte[]>> records = kafka.consume(CHAT_TOPIC, Duration.ofSeconds(30),
                r -> r.size() >= 300 && r.stream().anyMatch(x -> decode(x).isCommand()));

        assertThat(records).hasSizeGreaterThanOrEqualTo(300).allSatisfy(record -> {
            ChatMessage m = decode(record);
            assertThat(record.key()).isEqualTo(m.channelId());
            assertThat(m.channelId()).isIn(topFiveIds);
            assertThat(idByLogin.get(m.channelLogin())).isEqualTo(m.channelId());
            assertThat(m.username()).isNotBlank();
            assertThat(m.messageId()).isNotBlank();
            assertThat(m.timestamp()).isPositive();
        });
        assertThat(records.stream().map(IngestServiceIntegrationTest::decode).anyMatch(ChatMessage::isCommand))
                .as("!commands are published; the job filters them").isTrue();
        assertThat(records.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(5);
        assertThat(ingest.chatMessagesPublished()).isGreaterThanOrEqualTo(300);
        assertThat(ingest.chatMessagesFailed()).isZero();
    }

    @Test
    @Order(2)
    void announcesTheTopTenOnlineThenReportsViewersAndRecordsThem() {
        Map<String, String> idByLogin = ranking.stream().collect(Collectors.toMap(SimChannel::login, SimChannel::id));
        Set<String> topTenIds = ranking.subList(0, 10).stream().map(SimChannel::id).collect(Collectors.toSet());

        List<StreamLifecycleEvent> events = kafka.consume(LIFECYCLE_TOPIC, Duration.ofSeconds(20),
                        r -> r.stream().map(IngestServiceIntegrationTest::decodeEvent)
                                .filter(e -> e.type() == VIEWERS).count() >= 10)
                .stream().peek(r -> assertThat(r.key()).isEqualTo(decodeEvent(r).channelId()))
                .map(IngestServiceIntegrationTest::decodeEvent).toList();

        assertThat(events.stream().filter(e -> e.type() == ONLINE).map(StreamLifecycleEvent::channelId))
                .containsExactlyInAnyOrderElementsOf(topTenIds);
        assertThat(events).filteredOn(e -> e.type() == VIEWERS)
                .allSatisfy(e -> assertThat(e.channelId()).isIn(topTenIds));
        StreamLifecycleEvent first = events.stream().filter(e -> e.type() == ONLINE)
                .filter(e -> e.channelId().equals(ranking.get(0).id())).findFirst().orElseThrow();
        assertThat(first.login()).isEqualTo(ranking.get(0).login());
        assertThat(first.viewerCount()).isEqualTo(ranking.get(0).viewerCount());
        assertThat(first.startedAt()).isEqualTo(ranking.get(0).startedAt());
        assertThat(streamers.live()).extracting(Streamer::channelId).containsExactlyInAnyOrderElementsOf(topTenIds);
        assertThat(idByLogin).hasSize(ranking.size());
    }

    @Test
    @Order(3)
    void twitchErrorsAreCountedAndChangeNothing() {
        Set<String> before = ingest.joinedChannels();
        long errorsBefore = ingest.twitchApiErrors();

        // Helix retries a 503 once by itself: four failed answers are two failed polls.
        sim.failNext(SimEndpoint.GET_STREAMS, 4, 503);

        await().atMost(Duration.ofSeconds(20)).until(() -> ingest.twitchApiErrors() >= errorsBefore + 2);
        assertThat(ingest.joinedChannels()).isEqualTo(before);
        assertThat(ingest.monitor().onlineChannelIds()).hasSize(10);
    }

    @Test
    @Order(4)
    void aStreamThatEndsIsAnnouncedOfflineAndItsChatIsLeft() {
        SimChannel leader = ranking.get(0);
        sim.setLive(leader.login(), false);

        Set<String> newTopFive = logins(ranking.subList(1, 6));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ingest.joinedChannels()).isEqualTo(newTopFive);
            assertThat(sim.joinedChannels()).isEqualTo(newTopFive);
        });
        List<StreamLifecycleEvent> offline = kafka.consume(LIFECYCLE_TOPIC, Duration.ofSeconds(20),
                        r -> r.stream().anyMatch(x -> decodeEvent(x).type() == OFFLINE))
                .stream().map(IngestServiceIntegrationTest::decodeEvent).filter(e -> e.type() == OFFLINE).toList();
        assertThat(offline).extracting(StreamLifecycleEvent::channelId).containsExactly(leader.id());
        assertThat(streamers.find(leader.id())).get().extracting(Streamer::live).isEqualTo(false);
    }

    @Test
    @Order(5)
    void chatEventsArePublishedBesideChatKeyedByChannelId() {
        List<ConsumerRecord<String, byte[]>> records = kafka.consume(EVENTS_TOPIC, Duration.ofSeconds(30),
                r -> r.size() >= 5);

        assertThat(records).hasSizeGreaterThanOrEqualTo(5).allSatisfy(record -> {
            ChatEvent event = Json.fromBytes(record.value(), ChatEvent.class);
            assertThat(record.key()).isEqualTo(event.channelId());
            assertThat(event.type()).isNotNull();
            assertThat(event.channelLogin()).isNotBlank();
        });
        assertThat(ingest.chatEventsPublished()).isGreaterThanOrEqualTo(5);
    }

    @Test
    @Order(6)
    void everyPollLeavesViewerSamplesBehind() {
        SimChannel second = ranking.get(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> new ViewerTimeseriesDao(database.dataSource())
                .range(second.id(), Instant.EPOCH, Instant.now().plusSeconds(60)).size() >= 3);
        assertThat(new ViewerTimeseriesDao(database.dataSource())
                .range(second.id(), Instant.EPOCH, Instant.now().plusSeconds(60)))
                .allSatisfy(sample -> assertThat(sample.viewerCount()).isEqualTo(second.viewerCount()));
    }

    @Test
    @Order(7)
    void healthReportsEveryDependencyAndMetricsShowTheSeedNames() throws Exception {
        IngestHttpServer http = ingest.httpServer().orElseThrow();
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<String> health = client.send(HttpRequest.newBuilder(http.healthUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(health.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("dependencies").get("twitch_chat").get("status").asText()).isEqualTo("UP");
        assertThat(body.get("dependencies").get("helix").get("status").asText()).isEqualTo("UP");
        assertThat(body.get("dependencies").get("kafka").get("status").asText()).isEqualTo("UP");
        assertThat(body.get("dependencies").get("database").get("status").asText()).isEqualTo("UP");
        assertThat(body.get("dependencies").get("redis").get("status").asText()).isEqualTo("DISABLED");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String metrics = client.send(HttpRequest.newBuilder(http.metricsUri()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metric(metrics, "active_stream_count")).isEqualTo(5.0);
            assertThat(metric(metrics, "chat_message_rate")).isGreaterThan(0.0);
            assertThat(metric(metrics, "twitch_api_errors_total")).isGreaterThanOrEqualTo(2.0);
            assertThat(metric(metrics, "twitch_chat_connections")).isGreaterThanOrEqualTo(1.0);
            assertThat(metric(metrics, "twitch_chat_joins_total")).isGreaterThanOrEqualTo(5.0);
            assertThat(metrics).contains("twitch_chat_reconnects_total", "twitch_chat_parse_errors_total",
                    "kafka_send_errors_total", "kafka_send_latency_seconds_count", "kafka_buffered_messages");
        });
    }

    /** The value of an untagged sample line {@code name value}. */
    private static double metric(String exposition, String name) {
        return exposition.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " missing from /metrics:\n" + exposition));
    }

    private static ChatMessage decode(ConsumerRecord<String, byte[]> record) {
        return Json.fromBytes(record.value(), ChatMessage.class);
    }

    private static StreamLifecycleEvent decodeEvent(ConsumerRecord<String, byte[]> record) {
        return Json.fromBytes(record.value(), StreamLifecycleEvent.class);
    }
}
