package dev.streamscout.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.job.JobSettings;
import org.junit.jupiter.api.Test;

/** Every engine waits for out-of-order chat as long as our job does by default, so latencies compare. */
class EngineOutOfOrdernessTest {

    @Test
    void the_peers_bound_is_the_jobs_default() {
        assertThat(Engine.OUT_OF_ORDERNESS).isEqualTo(JobSettings.defaults().outOfOrderness());
        // Flink SQL's watermark takes it as a whole number of seconds.
        assertThat(Engine.OUT_OF_ORDERNESS.toMillis() % 1000).isZero();
    }
}
