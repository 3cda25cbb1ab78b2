package dev.streamscout.job;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * The MiniCluster the pipeline tests run the job on: one TaskManager with {@link #PARALLELISM} slots,
 * so that every operator runs in two subtasks and keying and watermarks across subtasks are exercised.
 * A test class registers it once ({@code @RegisterExtension static final MiniClusterExtension}) and
 * all its tests share it.
 */
public final class PipelineCluster {

    public static final int PARALLELISM = 2;

    private PipelineCluster() {}

    public static MiniClusterExtension extension() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(PARALLELISM)
                .build());
    }
}
