package dev.streamscout.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class CheckpointSettingsTest {

    @Test
    void onByDefaultEveryTenSecondsIntoTheClustersStorageKeptOnCancel() {
        Configuration conf = CheckpointSettings.defaults().toConfiguration();
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(10));
        assertThat(conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(conf.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEmpty();
    }

    @Test
    void aPlainPathBecomesAFileUriAndAFileSystemUriStaysAsItIs() {
        assertThat(CheckpointSettings.defaults().withDirectory("data/checkpoints").directory())
                .isEqualTo(Path.of("data/checkpoints").toAbsolutePath().toUri().toString());
        assertThat(CheckpointSettings.defaults().withDirectory("s3://bucket/streamscout").directory())
                .isEqualTo("s3://bucket/streamscout");
        Configuration conf = CheckpointSettings.defaults().withDirectory("hdfs://nn:8020/cp").toConfiguration();
        assertThat(conf.get(CheckpointingOptions.CHECKPOINT_STORAGE)).isEqualTo("filesystem");
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("hdfs://nn:8020/cp");
    }

    @Test
    void zeroSwitchesCheckpointingOffAndTooShortIntervalsAreRefused() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CheckpointSettings.disabled().applyTo(env);
        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isFalse();
        CheckpointSettings.defaults().withInterval(Duration.ofSeconds(3)).applyTo(env);
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(3_000);
        assertThatThrownBy(() -> CheckpointSettings.defaults().withInterval(Duration.ofMillis(5)))
                .hasMessageContaining("10 ms");
    }
}
