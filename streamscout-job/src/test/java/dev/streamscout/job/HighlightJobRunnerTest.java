package dev.streamscout.job;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static dev.streamscout.job.ChatFixtures.CALM_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_ID;
import static dev.streamscout.job.ChatFixtures.ONE_MINUTE;
import static dev.streamscout.job.ChatFixtures.TWO_MINUTES;
import static dev.streamscout.job.ChatFixtures.burst;
import static dev.streamscout.job.ChatFixtures.inTimeOrder;
import static dev.streamscout.job.ChatFixtures.steady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatEventType;
import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.CauseTags;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.json.Json;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.job.clip.ClipRequester;
import dev.streamscout.job.io.AnalyticsKafkaIo;
import dev.streamscout.job.io.KafkaChatSettings;
import dev.streamscout.store.ChatSummaryDao;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.MomentDao;
import dev.streamscout.store.StoredMoment;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** All-in-one wiring: in-process Kafka → embedded Flink cluster → JDBC into the store's schema. */
class HighlightJobRunnerTest {

    private static final Instant BURST = BEGINNING.plus(TWO_MINUTES);

    private static KafkaTestBroker kafka;
    private static Database database;

    /** Would fail the test if the job tried to clip with clipping switched off. */
    static final class ForbiddenRequester implements ClipRequester {
        private static final long serialVersionUID = 1L;

        @Override
        public CompletableFuture<Clip> request(Moment moment) {
            throw new AssertionError("Twitch must not be called when clipping is off");
        }
    }

    @BeforeAll
    static void startServices() throws Exception {
        kafka = KafkaTestBroker.start();
        kafka.createTopics(new NewTopic(KafkaChatSettings.CHAT_TOPIC, 2, (short) 1),
                new NewTopic(AnalyticsKafkaIo.LIFECYCLE_TOPIC, 2, (short) 1),
                new NewTopic(AnalyticsKafkaIo.EVENTS_TOPIC, 2, (short) 1),
                new NewTopic(AnalyticsKafkaIo.CHANNEL_STATS_TOPIC, 1, (short) 1));
        database = Database.open(new DatabaseSettings(
                "jdbc:h2:mem:runner-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + DatabaseSettings.H2_OPTIONS, "sa", ""));
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (database != null) {
            database.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /**
     * Writes {@code records} as JSON keyed by channel id, as ingest does, after {@code garbage}: values
     * that are not such records, under the hype channel's key.
     */
    private static <T> void publish(String topic, List<String> garbage, List<T> records, Function<T, String> channelId) {
        try (KafkaProducer<String, byte[]> producer = kafka.producer()) {
            for (String junk : garbage) {
                producer.send(new ProducerRecord<>(topic, HYPE_ID, junk.getBytes(StandardCharsets.UTF_8)));
            }
            for (T record : records) {
                producer.send(new ProducerRecord<>(topic, channelId.apply(record), Json.toBytes(record)));
            }
            producer.flush();
        }
    }

    /** Every record of the channel-stats topic so far. */
    private static List<String> channelStatsRecords() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "stats-reader-" + UUID.randomUUID());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(AnalyticsKafkaIo.CHANNEL_STATS_TOPIC));
            List<String> values = new java.util.ArrayList<>();
            long until = System.currentTimeMillis() + 3_000;
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.key() + "=" + r.value());
                }
                if (!values.isEmpty()) {
                    break;
                }
            }
            return values;
        }
    }

    @Test
    void reads_chat_from_kafka_and_stores_one_clip_per_moment_then_shuts_down_promptly() throws Exception {
        Instant streamStart = BEGINNING.minus(Duration.ofMinutes(30));
        publish(AnalyticsKafkaIo.LIFECYCLE_TOPIC, List.of("{not a lifecycle event"), List.of(
                new StreamLifecycleEvent(StreamLifecycleEvent.Type.ONLINE, HYPE_ID, "hypechannel", 800, streamStart, BEGINNING),
                new StreamLifecycleEvent(StreamLifecycleEvent.Type.VIEWERS, HYPE_ID, "hypechannel", 300, streamStart,
                        BEGINNING.plusSeconds(60))), StreamLifecycleEvent::channelId);
        // A raid on the hype channel right before its burst, as ingest would publish it.
        publish(AnalyticsKafkaIo.EVENTS_TOPIC, List.of("{not a chat event"), List.of(new ChatEvent(ChatEventType.RAID,
                "raid", "raid-1", HYPE_ID, "hypechannel", "99", "raider", "Raider", BURST.minusSeconds(3).toEpochMilli(),
                250, "250 raiders are here", "", Map.of())), ChatEvent::channelId);
        // Chat runs past 20:10 so that the first 10-minute channel-stats window closes.
        publish(KafkaChatSettings.CHAT_TOPIC, List.of("this is not json", "{\"channel_id\":"), inTimeOrder(
                        steady(HYPE_ID, 4, BEGINNING, TWO_MINUTES.plus(ONE_MINUTE)),
                        steady(HYPE_ID, 1, BEGINNING.plus(Duration.ofMinutes(3)), Duration.ofMinutes(8)),
                        burst(HYPE_ID, 40, BURST, Duration.ofMillis(20)),
                        steady(CALM_ID, 2, BEGINNING, TWO_MINUTES.plus(ONE_MINUTE))),
                ChatMessage::channelId);
        KafkaChatSettings source = KafkaChatSettings.of(kafka.bootstrapServers())
                .withStartingOffsets(KafkaChatSettings.StartingOffsets.EARLIEST);
        ClipDao clips = new ClipDao(database.dataSource());

        int webPort = freePort();
        int prometheusPort = freePort();
        HighlightJobRunner runner = new HighlightJobRunner(
                // The fixture's burst comes two minutes in, inside the default profile's warm-up.
                JobSettings.defaults().withProfile(JobSettings.SEED_PROFILE).withClippingEnabled(false), source,
                database.settings(), new ForbiddenRequester(), new FlinkClusterSettings(webPort, prometheusPort));
        JobClient job;
        try {
            job = runner.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> !clips.recent(10).isEmpty());
            Thread.sleep(1_000); // a second clip, if the job wrongly made one, would show up by now

            assertThat(clips.recent(10)).singleElement().satisfies(clip -> {
                assertThat(clip.momentId()).isEqualTo(Moment.momentId(HYPE_ID, BURST.toEpochMilli()));
                assertThat(clip.status()).isEqualTo(ClipStatus.SKIPPED);
            });
            assertThat(job.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
            assertThat(get("http://127.0.0.1:" + webPort + "/jobs/overview")).contains("\"name\":\"highlights\"").contains("RUNNING");
            String metrics = get("http://127.0.0.1:" + prometheusPort + "/metrics");
            assertThat(metricLines(metrics, "anomalies_detected")).anyMatch(line -> line.endsWith(" 1.0"));
            // Both bad records share a key, hence a partition, hence a reader.
            assertThat(metricLines(metrics, "malformed_chat_messages")).anyMatch(line -> line.endsWith(" 2.0"));
            assertThat(metricLines(metrics, "late_messages")).isNotEmpty();

            // Kafka to moments: the burst with its explanation and VOD offset, and the viewer drop.
            MomentDao moments = new MomentDao(database.dataSource());
            await().atMost(Duration.ofSeconds(20)).until(() -> moments.findByChannelBetween(HYPE_ID, BEGINNING,
                    BEGINNING.plus(Duration.ofHours(1)), 10).size() >= 2);
            assertThat(moments.findById(Moment.momentId(HYPE_ID, BURST.toEpochMilli()))).hasValueSatisfying(m -> {
                assertThat(m.type()).isEqualTo(StoredMoment.CHAT_SPIKE);
                assertThat(m.vodOffsetSeconds()).isEqualTo(Duration.between(streamStart, BURST).toSeconds());
                assertThat(m.causeTags()).containsExactly(CauseTags.RAID);
            });
            assertThat(moments.findById(Moment.momentId(HYPE_ID, BEGINNING.plusSeconds(60).toEpochMilli())))
                    .hasValueSatisfying(m -> assertThat(m.type()).isEqualTo(StoredMoment.VIEWER_DROP));
            assertThat(metricLines(metrics, "malformed_lifecycle_events")).anyMatch(line -> line.endsWith(" 1.0"));
            assertThat(metricLines(metrics, "malformed_chat_events")).anyMatch(line -> line.endsWith(" 1.0"));
            String scrape = get("http://127.0.0.1:" + prometheusPort + "/metrics");
            assertThat(metricLines(scrape, "anomalies_detected"))
                    .anyMatch(line -> line.contains("channel=\"" + HYPE_ID + "\"") && line.endsWith(" 2.0"));

            // Chat analytics: minutes in the table, the first 10 minutes on channel-stats.
            assertThat(new ChatSummaryDao(database.dataSource()).findByChannelBetween(HYPE_ID, BEGINNING,
                    BEGINNING.plus(ONE_MINUTE), 10)).singleElement()
                    .satisfies(s -> assertThat(s.messageCount()).isEqualTo(240));
            // A loaded machine (CI beside other builds) has taken over 20 s here; the window closes once either way.
            await().atMost(Duration.ofSeconds(60)).until(() -> !channelStatsRecords().isEmpty());
            assertThat(channelStatsRecords()).anyMatch(r -> r.startsWith(HYPE_ID + "={")
                    && r.contains("\"message_count\":" + (3 * 240 + 40 + 7 * 60))
                    && r.contains("\"window_start\":" + BEGINNING.getEpochSecond())
                    && r.contains("\"window_duration_seconds\":600"));
        } finally {
            long start = System.nanoTime();
            runner.close();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(6_000);
        }
        assertThat(job.getJobExecutionResult()).isDone();
        // The MiniCluster is gone too: its Web UI port is free again.
        try (ServerSocket rebind = new ServerSocket(webPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(rebind.getLocalPort()).isEqualTo(webPort);
        }
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Sample lines of a Prometheus scrape whose metric name ends with {@code name}. */
    private static List<String> metricLines(String scrape, String name) {
        return scrape.lines().filter(l -> !l.startsWith("#") && l.matches("^\\w*" + name + "\\{.*")).toList();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
