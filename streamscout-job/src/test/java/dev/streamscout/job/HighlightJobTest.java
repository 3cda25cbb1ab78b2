package dev.streamscout.job;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static dev.streamscout.job.ChatFixtures.CALM_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_LOGIN;
import static dev.streamscout.job.ChatFixtures.ONE_MINUTE;
import static dev.streamscout.job.ChatFixtures.TWO_MINUTES;
import static dev.streamscout.job.ChatFixtures.burst;
import static dev.streamscout.job.ChatFixtures.inTimeOrder;
import static dev.streamscout.job.ChatFixtures.msg;
import static dev.streamscout.job.ChatFixtures.steady;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.job.clip.AccessTokenSource;
import dev.streamscout.job.clip.ClipRequester;
import dev.streamscout.job.clip.ClipSettings;
import dev.streamscout.job.clip.HelixClipRequester;
import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole dataflow on a shared MiniCluster at parallelism 2, fed from collections. */
class HighlightJobTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = PipelineCluster.extension();

    private static final Instant BURST = BEGINNING.plus(TWO_MINUTES);
    private static final Instant CALM_COMMAND_STORM = BEGINNING.plus(Duration.ofSeconds(150));

    /** Fast clip schedule so that failing paths finish within a couple of seconds. */
    private static final ClipSettings FAST_CLIPS = ClipSettings.defaults()
            .withCreateSchedule(List.of(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(200)), Duration.ofMillis(300))
            .withConfirmPollOffsets(List.of(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(700)))
            .withRequestTimeout(Duration.ofMillis(500))
            .withAsync(Duration.ofSeconds(3), 10);

    /**
     * For the tests that expect the simulator to make the clip: as fast when the machine is quiet (the
     * simulator answers in milliseconds), with room to spare when it is busy. FAST_CLIPS' 500 ms request
     * timeout once turned such a clip into FAILED while a CI run shared the machine.
     */
    private static final ClipSettings SIMULATOR_CLIPS = ClipSettings.defaults()
            .withCreateSchedule(List.of(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(200)), Duration.ofSeconds(2))
            .withConfirmPollOffsets(List.of(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(700),
                    Duration.ofMillis(1_500), Duration.ofSeconds(3), Duration.ofSeconds(6)))
            .withRequestTimeout(Duration.ofSeconds(5))
            .withAsync(Duration.ofSeconds(30), 10);

    /** A clip service that never answers, to exercise the async timeout. */
    static final class SilentRequester implements ClipRequester {
        private static final long serialVersionUID = 1L;

        @Override
        public CompletableFuture<Clip> request(Moment moment) {
            return new CompletableFuture<>();
        }
    }

    /** Three minutes of two channels; hype erupts once, calm gets a storm of bot commands. */
    private static List<ChatMessage> scriptedChat(String hypeId) {
        List<ChatMessage> commands = IntStream.range(0, 60)
                .mapToObj(i -> msg(CALM_ID, "bot" + i, "!uptime", CALM_COMMAND_STORM.plusMillis(i * 10L)))
                .toList();
        return inTimeOrder(
                steady(hypeId, 4, BEGINNING, TWO_MINUTES.plus(ONE_MINUTE)),
                burst(hypeId, 40, BURST, Duration.ofMillis(20)),
                steady(CALM_ID, 2, BEGINNING, TWO_MINUTES.plus(ONE_MINUTE)),
                commands);
    }

    private static List<Clip> run(List<ChatMessage> chat, JobSettings settings, ClipRequester requester)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PipelineCluster.PARALLELISM);
        CollectingSink<Clip> clips = new CollectingSink<>();
        DataStream<ChatMessage> source = env.fromData(new ArrayList<>(chat)).name("scripted chat");
        HighlightJob.define(env, source, settings, requester, clips);
        env.execute("highlights-test");
        return clips.results();
    }

    @Test
    void a_scripted_burst_yields_exactly_one_clip_and_commands_do_not_count() throws Exception {
        JobSettings settings = JobSettings.defaults().withProfile(JobSettings.SEED_PROFILE).withClippingEnabled(false);

        List<Clip> clips = run(scriptedChat(HYPE_ID), settings, new SilentRequester());

        assertThat(clips).singleElement().satisfies(clip -> {
            assertThat(clip.status()).isEqualTo(ClipStatus.SKIPPED);
            assertThat(clip.failureReason()).isEqualTo("clipping is switched off");
            assertThat(clip.channelId()).isEqualTo(HYPE_ID);
            assertThat(clip.channelLogin()).isEqualTo(HYPE_LOGIN);
            assertThat(clip.peakMs()).isEqualTo(BURST.toEpochMilli());
            assertThat(clip.momentId()).isEqualTo(Moment.momentId(HYPE_ID, BURST.toEpochMilli()));
            assertThat(clip.messageCount()).isEqualTo(4 * 4 + 4 + 40);
            assertThat(clip.title()).startsWith(HYPE_LOGIN + ": chat spike");
        });
    }

    @Test
    void moments_are_stored_without_a_lifecycle_input() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PipelineCluster.PARALLELISM);
        CollectingSink<Clip> clips = new CollectingSink<>();
        CollectingSink<dev.streamscout.store.StoredMoment> moments = new CollectingSink<>();
        JobSettings settings = JobSettings.defaults().withProfile(JobSettings.SEED_PROFILE).withClippingEnabled(false);

        HighlightJob.define(env, env.fromData(new ArrayList<>(scriptedChat(HYPE_ID))).name("scripted chat"), null,
                settings, new SilentRequester(), new HighlightJob.Sinks(clips, moments, null, null));
        env.execute("moments-without-lifecycle");

        assertThat(moments.results()).singleElement().satisfies(moment -> {
            assertThat(moment.id()).isEqualTo(Moment.momentId(HYPE_ID, BURST.toEpochMilli()));
            assertThat(moment.streamStartedMs()).isNull();
        });
    }

    @Test
    void the_same_chat_gives_the_same_clip_moment_on_every_run() throws Exception {
        JobSettings settings = JobSettings.defaults().withProfile(JobSettings.SEED_PROFILE).withClippingEnabled(false);
        List<ChatMessage> chat = scriptedChat(HYPE_ID);

        Clip first = run(chat, settings, new SilentRequester()).get(0);
        Clip second = run(chat, settings, new SilentRequester()).get(0);

        assertThat(second.momentId()).isEqualTo(first.momentId());
        assertThat(second.intensity()).isEqualTo(first.intensity());
    }

    @Test
    void a_clip_service_that_never_answers_gives_a_failed_clip_not_a_failed_job() throws Exception {
        JobSettings settings = JobSettings.defaults().withProfile(JobSettings.SEED_PROFILE).withClips(FAST_CLIPS);

        List<Clip> clips = run(scriptedChat(HYPE_ID), settings, new SilentRequester());

        assertThat(clips).singleElement().satisfies(clip -> {
            assertThat(clip.status()).isEqualTo(ClipStatus.FAILED);
            assertThat(clip.failureReason()).contains("no outcome from Twitch within 3 s");
            assertThat(clip.peakMs()).isEqualTo(BURST.toEpochMilli());
        });
    }

    @Test
    void replaying_the_same_chat_in_a_second_run_on_the_same_database_never_clips_a_moment_twice(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir) throws Exception {
        try (TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withChannels(1)
                .withTotalChatRatePerSecond(0).withScheduleHypeMoments(false)
                .withClipDelay(Duration.ofMillis(50))).start();
                dev.streamscout.store.Database database = dev.streamscout.store.Database.open(
                        dev.streamscout.store.DatabaseSettings.h2File(dataDir))) {
            SimChannel channel = sim.channels().get(0);
            List<ChatMessage> chat = scriptedChat(channel.id());
            JobSettings settings = JobSettings.defaults().withProfile(JobSettings.SEED_PROFILE).withClips(SIMULATOR_CLIPS);

            for (int run = 0; run < 2; run++) {
                StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                env.setParallelism(PipelineCluster.PARALLELISM);
                ClipRequester guarded = new dev.streamscout.job.clip.LedgerClipRequester(new HelixClipRequester(
                        sim.helixBase(), "streamscouttestclient", () -> "simtoken", SIMULATOR_CLIPS), database.settings());
                HighlightJob.define(env, env.fromData(new ArrayList<>(chat)).name("replayed chat"), settings, guarded,
                        dev.streamscout.job.io.JdbcSinks.clips(database.settings()));
                env.execute("highlights-run-" + run);
            }

            assertThat(sim.clips()).hasSize(1);
            assertThat(new dev.streamscout.store.ClipDao(database.dataSource()).recent(10)).singleElement()
                    .satisfies(clip -> {
                        assertThat(clip.status()).isEqualTo(ClipStatus.CREATED);
                        assertThat(clip.clipId()).isEqualTo(sim.clips().get(0).id());
                    });
        }
    }

    @Test
    void clips_a_burst_through_the_twitch_simulator() throws Exception {
        try (TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withChannels(1)
                .withTotalChatRatePerSecond(0).withScheduleHypeMoments(false)
                .withClipDelay(Duration.ofMillis(50))).start()) {
            SimChannel channel = sim.channels().get(0);
            AccessTokenSource tokens = () -> "simtoken";
            ClipRequester helix = new HelixClipRequester(sim.helixBase(), "streamscouttestclient", tokens, SIMULATOR_CLIPS);

            List<Clip> clips = run(scriptedChat(channel.id()), JobSettings.defaults().withProfile(JobSettings.SEED_PROFILE).withClips(SIMULATOR_CLIPS), helix);

            assertThat(sim.clips()).hasSize(1);
            assertThat(clips).singleElement().satisfies(clip -> {
                assertThat(clip.status()).isEqualTo(ClipStatus.CREATED);
                assertThat(clip.channelId()).isEqualTo(channel.id());
                assertThat(clip.clipId()).isEqualTo(sim.clips().get(0).id());
                assertThat(clip.url()).isEqualTo(sim.clips().get(0).url());
            });
        }
    }
}
