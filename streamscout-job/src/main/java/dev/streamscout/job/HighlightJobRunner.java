package dev.streamscout.job;

import dev.streamscout.job.clip.ClipRequester;
import dev.streamscout.job.clip.LedgerClipRequester;
import dev.streamscout.job.io.AnalyticsTopics;
import dev.streamscout.job.io.KafkaChatSettings;
import dev.streamscout.store.DatabaseSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.client.deployment.executors.LocalExecutor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the highlights job in this JVM (all-in-one mode): a Flink MiniCluster with the Web UI and,
 * optionally, the Prometheus reporter, reading chat, {@code chat-events} and {@code stream-lifecycle} from Kafka, writing
 * clips, moments and chat summaries through JDBC and 10-minute counts to {@code channel-stats}. The
 * clip requester is put behind a {@link LedgerClipRequester}, so Create Clip is sent at most once per
 * moment across restarts and replays, and channels that answered 403 are not asked again for a while.
 * The topology is {@link HighlightPipeline}'s; checkpoints are taken as {@link CheckpointSettings} say.
 *
 * <p>{@link #start()} submits the job and returns at once; {@link #close()} cancels it and waits for
 * the MiniCluster to stop, giving up after {@link #SHUTDOWN_TIMEOUT} in all.
 */
public final class HighlightJobRunner implements AutoCloseable {

    public static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(HighlightJobRunner.class);

    private final JobSettings job;
    private final KafkaChatSettings kafka;
    private final DatabaseSettings database;
    private final ClipRequester clipRequester;
    private final FlinkClusterSettings cluster;
    private final AnalyticsTopics topics;
    private final CheckpointSettings checkpoints;

    private JobClient jobClient;
    private volatile MiniCluster miniCluster;
    private boolean closed;

    /** With the default analytics topics ({@code stream-lifecycle}, {@code channel-stats}). */
    public HighlightJobRunner(JobSettings job, KafkaChatSettings kafka, DatabaseSettings database,
            ClipRequester clipRequester, FlinkClusterSettings cluster) {
        this(job, kafka, database, clipRequester, cluster, AnalyticsTopics.defaults());
    }

    /** Checkpoints every 10 s into the JobManager's memory (nothing on disk). */
    public HighlightJobRunner(JobSettings job, KafkaChatSettings kafka, DatabaseSettings database,
            ClipRequester clipRequester, FlinkClusterSettings cluster, AnalyticsTopics topics) {
        this(job, kafka, database, clipRequester, cluster, topics,
                CheckpointSettings.defaults().withRetainOnCancel(false));
    }

    public HighlightJobRunner(JobSettings job, KafkaChatSettings kafka, DatabaseSettings database,
            ClipRequester clipRequester, FlinkClusterSettings cluster, AnalyticsTopics topics,
            CheckpointSettings checkpoints) {
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.job = Objects.requireNonNull(job, "job");
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.database = Objects.requireNonNull(database, "database");
        this.clipRequester = Objects.requireNonNull(clipRequester, "clipRequester");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    /** The configuration of the embedded cluster: REST port, parallelism and the metrics reporter. */
    static Configuration clusterConfiguration(FlinkClusterSettings cluster, int parallelism) {
        Configuration conf = new Configuration();
        conf.set(RestOptions.PORT, cluster.restPort());
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        if (cluster.prometheusEnabled()) {
            conf.setString("metrics.reporter.prom.factory.class",
                    "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
            conf.setString("metrics.reporter.prom.port", Integer.toString(cluster.prometheusPort()));
        }
        return conf;
    }

    /**
     * Starts the MiniCluster and submits the job.
     *
     * @return the running job
     * @throws IllegalStateException if already started or closed
     */
    public synchronized JobClient start() throws Exception {
        if (closed || jobClient != null) {
            throw new IllegalStateException(closed ? "runner is closed" : "job already started");
        }
        Configuration conf = clusterConfiguration(cluster, job.parallelism());
        conf.addAll(checkpoints.toConfiguration());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
        HighlightPipeline.define(env, job, kafka, database, clipRequester, topics, checkpoints);
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(HighlightJob.JOB_NAME);
        // The same local executor env.executeAsync() would use, but keeping hold of the MiniCluster so
        // that close() can wait until it has really stopped (ports released, threads gone).
        LocalExecutor executor = LocalExecutor.createWithFactory(conf, miniClusterConfig -> {
            MiniCluster created = new MiniCluster(miniClusterConfig);
            miniCluster = created;
            return created;
        });
        Configuration submission = new Configuration(conf);
        submission.set(DeploymentOptions.TARGET, LocalExecutor.NAME);
        submission.set(DeploymentOptions.ATTACHED, true); // the local executor only runs attached jobs
        jobClient = executor.execute(graph, submission, HighlightJobRunner.class.getClassLoader()).get();
        LOG.info("Flink job '{}' ({}) started; Web UI on port {}{}", HighlightJob.JOB_NAME, jobClient.getJobID(),
                cluster.restPort(), cluster.prometheusEnabled() ? ", Prometheus on " + cluster.prometheusPort() : "");
        return jobClient;
    }

    /** The running job, once {@link #start()} has returned. */
    public synchronized Optional<JobClient> jobClient() {
        return Optional.ofNullable(jobClient);
    }

    /** Cancels the job and waits up to {@link #SHUTDOWN_TIMEOUT} for it and the MiniCluster to stop. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (jobClient == null) {
            return;
        }
        long deadline = System.nanoTime() + SHUTDOWN_TIMEOUT.toNanos();
        try {
            jobClient.cancel().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            jobClient.getJobExecutionResult().handle((r, e) -> null).get(remaining(deadline), TimeUnit.NANOSECONDS);
            // The per-job MiniCluster closes itself once the job is gone; this waits for the same termination.
            if (miniCluster != null) {
                miniCluster.closeAsync().get(remaining(deadline), TimeUnit.NANOSECONDS);
            }
            LOG.info("Flink job '{}' cancelled and its cluster stopped", HighlightJob.JOB_NAME);
        } catch (TimeoutException e) {
            LOG.warn("Flink job '{}' did not stop within {} s; giving up", HighlightJob.JOB_NAME,
                    SHUTDOWN_TIMEOUT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("stopping Flink job '{}' failed: {}", HighlightJob.JOB_NAME, e.toString());
        }
    }

    private static long remaining(long deadlineNanos) {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }
}
