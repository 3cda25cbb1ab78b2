package dev.streamscout.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.api.ApiServer;
import dev.streamscout.api.ApiSettings;
import dev.streamscout.api.TestStore;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.json.Json;
import dev.streamscout.core.live.BaselineBand;
import dev.streamscout.core.live.LiveEventJson;
import dev.streamscout.core.live.LiveUpdate;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.store.ChannelQueries;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.StreamerDao;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live push end to end over real Kafka and real HTTP: records on {@code live-updates} and
 * {@code stream-lifecycle} come out of {@code GET /v1.0/events} (SSE) and {@code /live/{stream_id}}
 * (WebSocket), filtered by channel id or login; unknown channels get 404.
 */
class LivePushTest {

    private static final String SHROUD = "42";
    private static final String OTHER = "7";
    private static final Instant AT = Instant.parse("2026-11-23T01:02:03Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static KafkaClusterTestKit kafka;
    private static KafkaProducer<String, String> producer;
    private static TestStore store;
    private static LiveFeed feed;
    private static ApiServer api;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(LiveFeedSettings.LIVE_UPDATES_TOPIC, 3, (short) 1),
                    new NewTopic(LiveFeedSettings.LIFECYCLE_TOPIC, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());

        store = TestStore.h2();
        // "shroud" is known to the store only; channel 7 only from the events it appears on.
        new StreamerDao(store.database().dataSource()).upsert(
                new StreamStatus(SHROUD, "shroud", "Shroud", 1000, AT.minusSeconds(3600), "title", "game"), true, AT);
        feed = new LiveFeed(LiveFeedSettings.of(kafka.bootstrapServers()), new LiveHub()).start();
        assertThat(feed.awaitAssigned(WAIT)).isTrue();
        api = ApiServer.builder(ApiSettings.loopback(0))
                .clips(new ClipDao(store.database().dataSource()))
                .channels(new ChannelQueries(store.database().dataSource()))
                .liveFeed(feed)
                .liveHeartbeat(Duration.ofMillis(500))
                .bindJvmMetrics(false)
                .build()
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
        if (feed != null) {
            feed.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (store != null) {
            store.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static void produce(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String chatRate(String channel, String login, int messages) {
        return LiveEventJson.write(LiveUpdate.chatRate(channel, login, AT.toEpochMilli(), messages, messages - 1,
                new BaselineBand(2.0, 0.5, 6.0)));
    }

    /** An SSE connection whose lines arrive in a queue, read by a thread of its own. */
    private static BlockingQueue<String> openEvents(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/v1.0/events" + query))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The next {@code data:} line after an {@code event: <type>} line, skipping everything else. */
    private static JsonNode nextEvent(BlockingQueue<String> lines, String type) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean typed = false;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals("event: " + type)) {
                typed = true;
            } else if (typed && line.startsWith("data: ")) {
                return Json.mapper().readTree(line.substring("data: ".length()));
            } else if (line.startsWith("event: ")) {
                typed = false;
            }
        }
        throw new AssertionError("no " + type + " event within " + WAIT);
    }

    @Test
    void sse_pushes_the_channels_chat_rate_and_viewers_and_nothing_of_other_channels() throws Exception {
        BlockingQueue<String> lines = openEvents("?channel=SHROUD");
        assertThat(lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(": connected");

        produce(LiveFeedSettings.LIVE_UPDATES_TOPIC, OTHER, chatRate(OTHER, "other", 99));
        produce(LiveFeedSettings.LIVE_UPDATES_TOPIC, SHROUD, chatRate(SHROUD, "shroud", 17));
        produce(LiveFeedSettings.LIFECYCLE_TOPIC, SHROUD, Json.toString(new StreamLifecycleEvent(
                StreamLifecycleEvent.Type.VIEWERS, SHROUD, "shroud", 1234, AT.minusSeconds(3600), AT)));
        produce(LiveFeedSettings.LIFECYCLE_TOPIC, SHROUD, "not json at all");

        JsonNode rate = nextEvent(lines, "chat_rate");
        assertThat(rate.get("channel_id").asText()).isEqualTo(SHROUD);
        assertThat(rate.get("messages").asInt()).isEqualTo(17);
        assertThat(rate.get("unique_chatters").asInt()).isEqualTo(16);
        assertThat(rate.get("t").asText()).isEqualTo("2026-11-23T01:02:03Z");
        assertThat(rate.get("band_high").asDouble()).isEqualTo(6.0);
        JsonNode viewers = nextEvent(lines, "viewers");
        assertThat(viewers.get("viewer_count").asInt()).isEqualTo(1234);
        assertThat(viewers.get("is_live").asBoolean()).isTrue();
        // Nothing of channel 7 came through, and the heartbeat comment keeps the quiet stream alive.
        List<String> rest = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (System.nanoTime() < until) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                rest.add(line);
            }
        }
        assertThat(rest).contains(": heartbeat").noneMatch(line -> line.contains("\"channel_id\":\"" + OTHER + "\""));
        assertThat(feed.skippedCount()).isPositive();
    }

    @Test
    void sse_without_a_channel_gets_every_channel_and_a_channel_seen_only_on_events_can_be_followed()
            throws Exception {
        BlockingQueue<String> all = openEvents("");
        assertThat(all.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(": connected");
        produce(LiveFeedSettings.LIVE_UPDATES_TOPIC, OTHER, chatRate(OTHER, "other", 5));
        assertThat(nextEvent(all, "chat_rate").get("channel_id").asText()).isEqualTo(OTHER);

        BlockingQueue<String> other = openEvents("?channel=other");
        assertThat(other.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(": connected");
        produce(LiveFeedSettings.LIVE_UPDATES_TOPIC, OTHER, chatRate(OTHER, "other", 6));
        assertThat(nextEvent(other, "chat_rate").get("messages").asInt()).isEqualTo(6);
    }

    @Test
    void websocket_pushes_moment_peaks_as_text_frames() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + api.port() + "/live/shroud"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(partial.toString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            Moment moment = new Moment(SHROUD, "shroud", AT.minusSeconds(4).toEpochMilli(), AT.toEpochMilli(),
                    AT.plusSeconds(3).toEpochMilli(), 60, 2.0, 0.0, 7.5, "default", 12.0, 40, List.of("clutch"),
                    List.of("PogChamp"), List.of("ann: <img src=x onerror=alert(1)>"), List.of(), Moment.TYPE_CHAT_SPIKE);
            // The server subscribes the socket just after the handshake: send until a frame comes back.
            String frame = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (frame == null && System.nanoTime() < deadline) {
                produce(LiveFeedSettings.LIVE_UPDATES_TOPIC, OTHER, chatRate(OTHER, "other", 3));
                produce(LiveFeedSettings.LIVE_UPDATES_TOPIC, SHROUD, LiveEventJson.write(LiveUpdate.momentPeak(moment)));
                frame = frames.poll(500, TimeUnit.MILLISECONDS);
            }
            assertThat(frame).isNotNull();
            JsonNode event = Json.mapper().readTree(frame);
            assertThat(event.get("type").asText()).isEqualTo("moment_peak");
            assertThat(event.get("channel_id").asText()).isEqualTo(SHROUD);
            assertThat(event.get("moment").get("id").asText()).isEqualTo(moment.id());
            assertThat(event.get("moment").get("sample_messages").get(0).get("text").asText())
                    .isEqualTo("<img src=x onerror=alert(1)>");
            assertThat(frames).allSatisfy(f -> assertThat(f).doesNotContain("\"channel_id\":\"" + OTHER + "\""));
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void unknown_channels_get_404_before_streaming_or_upgrading_and_a_blank_one_400() throws Exception {
        HttpResponse<String> sse = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.port() + "/v1.0/events?channel=nope"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sse.statusCode()).isEqualTo(404);
        assertThat(sse.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(Json.mapper().readTree(sse.body()).get("status").asInt()).isEqualTo(404);

        HttpResponse<String> blank = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + api.port() + "/v1.0/events?channel=")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(blank.body()).get("parameter").asText()).isEqualTo("channel");

        assertThatThrownBy(() -> HTTP.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + api.port() + "/live/nope"), new WebSocket.Listener() { })
                .get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(404));
    }

    @Test
    void without_a_feed_the_live_endpoints_answer_503() throws Exception {
        try (ApiServer bare = ApiServer.builder(ApiSettings.loopback(0))
                .clips(new ClipDao(store.database().dataSource())).bindJvmMetrics(false).build().start()) {
            HttpResponse<String> sse = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + bare.port() + "/v1.0/events")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(sse.statusCode()).isEqualTo(503);
            assertThat(Json.mapper().readTree(sse.body()).get("status").asInt()).isEqualTo(503);
            assertThatThrownBy(() -> HTTP.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + bare.port() + "/live/42"), new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                            e -> assertThat(e.getResponse().statusCode()).isEqualTo(503));
        }
    }
}
