package dev.streamscout.app.wiring;

import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.app.ingest.StandaloneIngest;
import dev.streamscout.app.kafka.TopicProvisioner;
import dev.streamscout.app.kafka.TopicSpec;
import dev.streamscout.job.FlinkClusterSettings;
import dev.streamscout.job.HighlightJob;
import dev.streamscout.job.HighlightJobRunner;
import dev.streamscout.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flink job on its own ({@code streamscout job}), against an external Kafka and PostgreSQL, in
 * one of two ways: on a MiniCluster in this JVM (Web UI, Prometheus reporter, checkpoints under the
 * data directory), or submitted to a Flink session cluster's REST endpoint, after which this process
 * has nothing left to do.
 *
 * <p>Either way the schema is migrated and the topics the job reads and writes are created first,
 * so the job never starts against a database or broker that is not ready for it.
 */
public final class StandaloneJob implements AutoCloseable {

    /** The process promises to stop within 10 s of SIGTERM; keep a margin for the JVM. */
    public static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(8);

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneJob.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(15);

    private final ShutdownSequence shutdown;
    private final JobClient job;
    private final CompletableFuture<String> failure;

    private StandaloneJob(ShutdownSequence shutdown, JobClient job, CompletableFuture<String> failure) {
        this.shutdown = shutdown;
        this.job = job;
        this.failure = failure;
    }

    /**
     * Runs the job on a MiniCluster in this JVM (Web UI on {@code flink.web.port}, Prometheus reporter on
     * {@code flink.prometheus.port}, checkpoints in {@code job.checkpoint.dir} or {@code <data-dir>/checkpoints}).
     */
    public static StandaloneJob startLocal(StreamScoutConfig config) {
        Path checkpoints = config.dataDir().toAbsolutePath().normalize().resolve("checkpoints");
        JobDefinition definition = JobDefinition.fromConfig(config, checkpoints);
        prepare(config, definition);
        ShutdownSequence shutdown = new ShutdownSequence(SHUTDOWN_DEADLINE);
        CompletableFuture<String> failure = new CompletableFuture<>();
        try {
            HighlightJobRunner runner = new HighlightJobRunner(definition.job(), definition.kafka(),
                    definition.database(), definition.clips(),
                    new FlinkClusterSettings(config.flinkWebPort(), config.flinkPrometheusPort() == 0
                            ? FlinkClusterSettings.DISABLED : config.flinkPrometheusPort()),
                    definition.topics(), definition.checkpoints().withRetainOnCancel(false));
            JobClient client = StartupStep.run("the Flink job", " (Web UI port " + config.flinkWebPort()
                    + "; choose another with --flink-ui-port)", () -> {
                        shutdown.add("Flink job", runner);
                        try {
                            return runner.start();
                        } catch (Exception e) {
                            throw new IllegalStateException(e.getMessage(), e);
                        }
                    });
            client.getJobExecutionResult().whenComplete((result, error) -> {
                if (!shutdown.isClosing()) {
                    failure.complete(error == null ? "the Flink job finished unexpectedly"
                            : "the Flink job failed: " + StartupStep.rootMessage(error));
                }
            });
            return new StandaloneJob(shutdown, client, failure);
        } catch (RuntimeException e) {
            shutdown.close();
            throw e;
        }
    }

    /**
     * Submits the job to the session cluster whose REST endpoint is {@code host:port} and returns once
     * it is accepted. The classes travel in {@code jar} (normally the running shaded jar); without one
     * the cluster must already have them, which is only true of a MiniCluster sharing this class path.
     */
    public static JobClient submit(StreamScoutConfig config, String host, int port, Optional<Path> jar) {
        JobDefinition definition = JobDefinition.fromConfig(config, null);
        prepare(config, definition);
        String[] jars = jar.map(path -> new String[] {path.toAbsolutePath().toString()}).orElse(new String[0]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(host, port,
                new Configuration(), jars);
        definition.define(env);
        return StartupStep.run("the Flink job", " on the cluster at " + host + ":" + port + " (--jobmanager)", () -> {
            try {
                JobClient client = env.executeAsync(HighlightJob.JOB_NAME);
                LOG.info("Flink job '{}' submitted to {}:{} as {}", HighlightJob.JOB_NAME, host, port, client.getJobID());
                return client;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** The shaded jar this code runs from, if it runs from a jar at all (not from a class directory). */
    public static Optional<Path> runningJar() {
        try {
            Path location = Path.of(StandaloneJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar")
                    ? Optional.of(location) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Creates the topics the job needs and migrates the schema its sinks write to. */
    public static void prepare(StreamScoutConfig config, JobDefinition definition) {
        String bootstrap = definition.kafka().bootstrapServers();
        StartupStep.run("the Kafka topics", " at " + bootstrap + " (KAFKA_BOOTSTRAP_SERVERS)",
                () -> new TopicProvisioner(bootstrap, TOPIC_TIMEOUT).provision(topics(config)));
        StartupStep.run("the database", " at " + definition.database() + " (POSTGRES_URL)", () -> {
            // Opening runs the migrations; the job's sinks open their own connections.
            Database.open(definition.database()).close();
            return null;
        });
    }

    /** What ingest writes and the job reads, plus the job's own {@code live-updates} and {@code channel-stats}. */
    static List<TopicSpec> topics(StreamScoutConfig config) {
        List<TopicSpec> topics = new ArrayList<>(StandaloneIngest.topics(config));
        topics.add(TopicSpec.LIVE_UPDATES.withName(config.liveUpdatesTopic())
                .withReplicationFactor(config.kafkaReplicationFactor()));
        topics.add(TopicSpec.STREAM_LIFECYCLE.withName(config.channelStatsTopic())
                .withPartitions(config.lifecycleTopicPartitions())
                .withReplicationFactor(config.kafkaReplicationFactor()));
        return topics;
    }

    /** The running job. */
    public JobClient job() {
        return job;
    }

    /** Completes with a reason when the job stops on its own: the process should end. */
    public CompletableFuture<String> failure() {
        return failure;
    }

    /** Cancels the job and stops the MiniCluster within {@link #SHUTDOWN_DEADLINE}. */
    @Override
    public void close() {
        shutdown.close();
    }
}
