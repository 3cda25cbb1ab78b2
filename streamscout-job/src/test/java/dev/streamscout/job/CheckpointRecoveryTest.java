package dev.streamscout.job;

import static dev.streamscout.job.ChatFixtures.msg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.Json;
import dev.streamscout.job.clip.AccessTokenSource;
import dev.streamscout.job.clip.ClipSettings;
import dev.streamscout.job.clip.HelixClipRequester;
import dev.streamscout.job.io.AnalyticsTopics;
import dev.streamscout.job.io.KafkaChatSettings;
import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimClip;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery from a checkpoint: the deployed topology ({@link HighlightPipeline}: Kafka in, JDBC and the
 * clip ledger out, Create Clip on the Twitch simulator) on 2 TaskManagers × 2 slots at parallelism 4,
 * reading a 20-partition chat topic that a producer fills at 25× real time with a fixed workload of
 * eight known spikes. Run once without failures (set A), then again on the same input with an operator
 * that throws once in the middle of the stream after a checkpoint has completed: the job must restore
 * from that checkpoint and end with exactly set A: the same moments, the same clips and clip requests,
 * and exactly one Create Clip call per moment at the simulator.
 *
 * <p>The out-of-orderness bound is 2 minutes here, not the live 2 s: after a restore the sources replay
 * the backlog since the checkpoint partition by partition, and a subtask reading five partitions then
 * sees up to a backlog's worth of event-time skew between them (see docs/operations.md, Recovery).
 */
class CheckpointRecoveryTest {

    private static final int PARTITIONS = 20;
    private static final int SPIKES = 8;
    private static final Instant START = Instant.parse("2024-05-01T20:00:00Z");
    private static final Duration SPAN = Duration.ofSeconds(400);
    private static final long SPEED = 25;
    private static final Instant FIRST_SPIKE = START.plusSeconds(90);
    private static final Duration SPIKE_SPACING = Duration.ofSeconds(20);
    /** Between the fifth and the sixth spike: some moments stored, some still in state, some to come. */
    private static final Instant FAIL_AT = START.plusSeconds(175);

    private static final ClipSettings FAST_CLIPS = ClipSettings.defaults()
            .withCreateSchedule(List.of(Duration.ZERO, Duration.ofMillis(300), Duration.ofMillis(600)), Duration.ofSeconds(1))
            .withConfirmPollOffsets(List.of(Duration.ofMillis(200), Duration.ofMillis(600), Duration.ofMillis(1200)))
            .withRequestTimeout(Duration.ofSeconds(2));

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(() -> {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        return new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).setConfiguration(conf).build();
    });

    private static KafkaTestBroker kafka;
    private static TwitchSimulator sim;
    private static List<SimChannel> channels;

    /** A fixed user token; the simulator accepts any in its default mode. */
    static final class FixedToken implements AccessTokenSource {
        private static final long serialVersionUID = 1L;

        @Override
        public String accessToken() {
            return "recovery-token";
        }

        @Override
        public String refresh() {
            return accessToken();
        }
    }

    /** What one run left behind. */
    record Outcome(TreeSet<String> moments, TreeSet<String> clips, TreeSet<String> clipRequests,
            Map<String, Integer> createClipCalls, long restoredCheckpoint) {}

    @BeforeAll
    static void startServices() throws Exception {
        kafka = KafkaTestBroker.start();
        sim = new TwitchSimulator(SimulatorSettings.defaults().withChannels(20).withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withClipDelay(Duration.ofMillis(100))).start();
        channels = sim.channels().stream().filter(SimChannel::live).limit(SPIKES).toList();
        assertThat(channels).hasSize(SPIKES);
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (sim != null) {
            sim.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void a_failure_mid_stream_recovers_from_the_last_checkpoint_with_no_moment_or_clip_lost_or_repeated() throws Exception {
        Outcome clean = run("clean", false);
        Outcome recovered = run("failed", true);

        assertThat(FailOnceTap.FIRED).as("the injected failure happened").isTrue();
        assertThat(recovered.restoredCheckpoint()).as("restored from a completed checkpoint").isPositive();
        assertThat(clean.restoredCheckpoint()).isZero();

        // Set A: one moment per scripted spike, each clipped once.
        assertThat(clean.moments()).hasSize(SPIKES);
        assertThat(clean.clips()).isEqualTo(clean.moments());
        assertThat(clean.clipRequests()).isEqualTo(clean.moments());
        Map<String, Integer> once = new TreeMap<>();
        channels.forEach(channel -> once.put(channel.id(), 1));
        assertThat(clean.createClipCalls()).isEqualTo(once);

        // The failed run ends with exactly set A.
        assertThat(recovered.moments()).isEqualTo(clean.moments());
        assertThat(recovered.clips()).isEqualTo(clean.clips());
        assertThat(recovered.clipRequests()).isEqualTo(clean.clipRequests());
        assertThat(recovered.createClipCalls()).isEqualTo(once);
    }

    @TempDir
    Path checkpointDir;

    private Outcome run(String name, boolean failOnce) throws Exception {
        String chatTopic = "chat-" + name;
        AnalyticsTopics topics = new AnalyticsTopics("lifecycle-" + name, "stats-" + name, "events-" + name);
        kafka.createTopics(new NewTopic(chatTopic, PARTITIONS, (short) 1),
                new NewTopic(topics.lifecycleTopic(), 1, (short) 1),
                new NewTopic(topics.eventsTopic(), 1, (short) 1),
                new NewTopic(topics.channelStatsTopic(), 1, (short) 1));
        String group = "recovery-" + name;
        KafkaChatSettings source = new KafkaChatSettings(kafka.bootstrapServers(), chatTopic, group,
                KafkaChatSettings.StartingOffsets.EARLIEST);
        JobSettings settings = JobSettings.defaults().withProfile(JobSettings.SEED_PROFILE)
                .withOutOfOrderness(Duration.ofMinutes(2)).withClips(FAST_CLIPS).withParallelism(4);
        FailOnceTap.arm(failOnce);
        int clipsBefore = sim.clips().size();

        try (Database database = Database.open(new DatabaseSettings("jdbc:h2:mem:recovery-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1" + DatabaseSettings.H2_OPTIONS, "sa", ""))) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            HighlightPipeline.define(env, settings, source, database.settings(),
                    new HelixClipRequester(sim.helixBase(), "recovery-client", new FixedToken(), FAST_CLIPS),
                    topics, new CheckpointSettings(Duration.ofSeconds(1), null, false)
                            .withDirectory(checkpointDir.resolve(name).toString()),
                    chat -> chat.map(new FailOnceTap(FAIL_AT.toEpochMilli())).uid("fail-once").name("Fail once"));
            JobClient job = env.executeAsync("recovery-" + name);
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> job.getJobStatus().get(5, TimeUnit.SECONDS) == JobStatus.RUNNING);
                List<ChatMessage> workload = workload();
                produceInChatTime(chatTopic, workload);

                // Done when every spike is clipped, the last messages are committed and nothing changes for 3 s.
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> ids(database, "SELECT moment_id FROM clips").size() >= SPIKES
                                && committed(group) == workload.size());
                Thread.sleep(3_000);
                // Checkpoints went to the configured file system directory: <dir>/<job id>/chk-<n>.
                try (var files = Files.list(checkpointDir.resolve(name).resolve(job.getJobID().toHexString()))) {
                    assertThat(files.map(f -> f.getFileName().toString())).anyMatch(f -> f.startsWith("chk-"));
                }
                return new Outcome(ids(database, "SELECT id FROM moments"), ids(database, "SELECT moment_id FROM clips"),
                        ids(database, "SELECT moment_id FROM clip_requests"), createClipCalls(clipsBefore),
                        restoredCheckpoint(job));
            } finally {
                job.cancel().get(10, TimeUnit.SECONDS);
                job.getJobExecutionResult().handle((r, e) -> null).get(20, TimeUnit.SECONDS);
            }
        }
    }

    /** Eight channels chatting 3 lines a second, each with one burst of 40 lines; the bursts 20 s apart. */
    private static List<ChatMessage> workload() {
        List<ChatMessage> all = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            String id = channels.get(c).id();
            all.addAll(ChatFixtures.steady(id, 3, START, SPAN));
            Instant burst = FIRST_SPIKE.plus(SPIKE_SPACING.multipliedBy(c));
            for (int i = 0; i < 40; i++) {
                all.add(msg(id, "hyper" + i, "PogChamp PogChamp", burst.plusMillis(20L * i)));
            }
        }
        all.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
        return all;
    }

    /** Sends the chat in event-time order, {@value #SPEED} times faster than it was "said". */
    private static void produceInChatTime(String topic, List<ChatMessage> chat) throws InterruptedException {
        long wallStart = System.nanoTime();
        long chatStart = chat.get(0).timestamp();
        try (KafkaProducer<String, byte[]> producer = kafka.producer()) {
            for (ChatMessage m : chat) {
                long dueNanos = TimeUnit.MILLISECONDS.toNanos((m.timestamp() - chatStart) / SPEED);
                long wait = dueNanos - (System.nanoTime() - wallStart);
                if (wait > 1_000_000) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                producer.send(new ProducerRecord<>(topic, m.channelId(), Json.toBytes(m)));
            }
            producer.flush();
        }
    }

    /** Offsets the job's consumer group has committed, summed over the chat topic's partitions. */
    private static long committed(String group) throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    /** Create Clip calls that reached the simulator since {@code before}, by broadcaster. */
    private static Map<String, Integer> createClipCalls(int before) {
        Map<String, Integer> calls = new TreeMap<>();
        List<SimClip> clips = sim.clips();
        for (SimClip clip : clips.subList(before, clips.size())) {
            calls.merge(clip.broadcasterId(), 1, Integer::sum);
        }
        return calls;
    }

    /** The id of the checkpoint the job was restored from, 0 if it never was (Flink's REST API). */
    private static long restoredCheckpoint(JobClient job) throws Exception {
        int port = FLINK.getClientConfiguration().get(RestOptions.PORT);
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/jobs/" + job.getJobID() + "/checkpoints")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonNode restored = new ObjectMapper().readTree(body).path("latest").path("restored");
        return restored.isMissingNode() || restored.isNull() ? 0 : restored.path("id").asLong();
    }

    private static TreeSet<String> ids(Database database, String sql) throws Exception {
        TreeSet<String> ids = new TreeSet<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
