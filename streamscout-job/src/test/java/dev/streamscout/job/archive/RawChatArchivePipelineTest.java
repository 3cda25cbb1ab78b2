package dev.streamscout.job.archive;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static dev.streamscout.job.ChatFixtures.CALM_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_ID;
import static dev.streamscout.job.ChatFixtures.inTimeOrder;
import static dev.streamscout.job.ChatFixtures.msg;
import static dev.streamscout.job.ChatFixtures.steady;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.job.CollectingSink;
import dev.streamscout.job.HighlightJob;
import dev.streamscout.job.JobSettings;
import dev.streamscout.job.PipelineCluster;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import dev.streamscout.store.RawChatDao;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job with its raw chat sink on a MiniCluster: what arrives is archived once, commands included. */
class RawChatArchivePipelineTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = PipelineCluster.extension();

    private Database database;

    @BeforeEach
    void openDatabase() {
        database = Database.open(new DatabaseSettings("jdbc:h2:mem:rawchat-job-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1" + DatabaseSettings.H2_OPTIONS, "sa", ""));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void everyMessageWithAnIdLandsInTheArchiveOnceAcrossTwoChannelsAndDays() throws Exception {
        Instant beforeMidnight = Instant.parse("2024-05-01T23:59:30Z");
        List<ChatMessage> hype = steady(HYPE_ID, 12, beforeMidnight, Duration.ofMinutes(1)); // 720, over midnight
        List<ChatMessage> calm = new ArrayList<>(steady(CALM_ID, 1, BEGINNING, Duration.ofSeconds(30)));
        calm.add(msg(CALM_ID, "bot", "!uptime", BEGINNING.plusSeconds(31)));
        ChatMessage withoutId = new ChatMessage(CALM_ID, "calm", "u9", "u9", "U9", "no id",
                BEGINNING.plusSeconds(32).toEpochMilli(), List.of(), null);
        List<ChatMessage> chat = new ArrayList<>(inTimeOrder(hype, calm));
        chat.add(withoutId);
        chat.add(hype.get(0)); // a duplicate, as a replay would deliver it

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PipelineCluster.PARALLELISM);
        CollectingSink<Clip> clips = new CollectingSink<>();
        HighlightJob.define(env, env.fromData(chat).name("scripted chat"), null, null,
                JobSettings.defaults().withClippingEnabled(false), moment -> new CompletableFuture<>(),
                HighlightJob.Sinks.clipsOnly(clips).withRawChat(new RawChatSink(database.settings())));
        env.execute("raw-chat-archive-test");

        RawChatDao archive = new RawChatDao(database.dataSource());
        assertThat(archive.find(HYPE_ID, beforeMidnight, beforeMidnight.plus(Duration.ofHours(1)), 10_000))
                .containsExactlyElementsOf(hype);
        assertThat(archive.find(CALM_ID, BEGINNING, BEGINNING.plus(Duration.ofHours(1)), 10_000))
                .containsExactlyElementsOf(calm)
                .extracting(ChatMessage::message).contains("!uptime");
    }
}
