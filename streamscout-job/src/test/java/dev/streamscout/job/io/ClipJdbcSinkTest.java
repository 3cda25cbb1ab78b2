package dev.streamscout.job.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.job.PipelineCluster;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import java.util.List;
import java.util.UUID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC sink against a real (embedded H2, PostgreSQL mode) database migrated by the store. */
class ClipJdbcSinkTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = PipelineCluster.extension();

    private static final long PEAK_MS = 1_714_593_720_000L;

    private Database database;

    @BeforeEach
    void openDatabase() {
        database = Database.open(new DatabaseSettings(
                "jdbc:h2:mem:clipsink-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + DatabaseSettings.H2_OPTIONS, "sa", ""));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static Clip clip(String channelId, long peakMs, ClipStatus status) {
        return new Clip(channelId + ":" + peakMs / 1000, status == ClipStatus.CREATED ? "Clip" + peakMs : null,
                channelId, "ch" + channelId, peakMs, peakMs + 3_000, status == ClipStatus.CREATED ? "https://clips.twitch.tv/x" : null,
                null, "ch" + channelId + ": chat spike, intensity 9.0", 9.0, 56, status,
                status == ClipStatus.CREATED ? null : "clipping is switched off");
    }

    @Test
    void writes_clips_once_even_when_a_replay_delivers_them_twice() throws Exception {
        Clip created = clip("1001", PEAK_MS, ClipStatus.CREATED);
        Clip skipped = clip("2002", PEAK_MS + 60_000, ClipStatus.SKIPPED);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PipelineCluster.PARALLELISM);

        env.fromData(Clip.class, created, skipped, created, created)
                .sinkTo(ClipJdbcSink.create(database.settings())).name("clips");
        env.execute("clip-sink-test");

        ClipDao dao = new ClipDao(database.dataSource());
        assertThat(dao.recent(10)).containsExactlyInAnyOrder(created, skipped);
        assertThat(dao.findByMomentId(created.momentId())).contains(created);
        assertThat(List.of(dao.findByMomentId(skipped.momentId()).orElseThrow().status())).containsExactly(ClipStatus.SKIPPED);
    }
}
