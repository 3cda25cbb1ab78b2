package dev.streamscout.app.cli;

import dev.streamscout.app.config.ConfigException;
import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.app.wiring.StandaloneJob;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamscout job}: the Flink job alone, in this JVM or on a Flink cluster. */
@Command(
        name = "job",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Runs the Flink highlights job alone, here or on a Flink cluster.",
        description = {
            "Runs the Flink job that turns chat into moments and clips, reading chat-messages, chat-events and "
                    + "stream-lifecycle from an external Kafka (KAFKA_BOOTSTRAP_SERVERS, required) and writing "
                    + "clips, moments and chat summaries to PostgreSQL (POSTGRES_URL, required) and channel-stats "
                    + "to Kafka. Clips need TWITCH_CLIENT_ID, TWITCH_CLIENT_SECRET and the token file 'streamscout "
                    + "auth' creates (TWITCH_TOKEN_FILE); without them moments are stored without clips.",
            "",
            "Three ways to run it:",
            "  1. streamscout job",
            "     A Flink MiniCluster in this JVM: Web UI on 8081 (--flink-ui-port), Prometheus reporter on 9249 "
                    + "(flink.prometheus.port), checkpoints under <data-dir>/checkpoints. Ctrl-C or SIGTERM "
                    + "cancels the job and stops within 10 s.",
            "  2. streamscout job --jobmanager HOST:8081",
            "     Submits the same job to a Flink session cluster's REST endpoint, shipping this jar, prints the "
                    + "job id and exits (--attached waits for the job to end). Set job.checkpoint.dir to a file "
                    + "system every TaskManager reaches (s3://, hdfs://, a shared volume) or leave it to the "
                    + "cluster's execution.checkpointing.dir.",
            "  3. flink run -c dev.streamscout.app.FlinkJobMain streamscout.jar [--config FILE]",
            "     Flink's own client builds the same job from the same settings (environment variables or the "
                    + "properties file); use this for application mode and the Flink Kubernetes Operator.",
            "",
            "Checkpoints every job.checkpoint.interval (10 s); Kafka offsets are committed to the consumer group "
                    + "streamscout-highlights when one completes, so a restarted job resumes where the last one "
                    + "stopped. Every key is in docs/configuration.md.",
            ""
        })
public final class JobCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions logging;

    @Option(names = "--jobmanager", paramLabel = "HOST:PORT",
            description = "Submit to the Flink session cluster whose REST endpoint (Web UI) is HOST:PORT instead of "
                    + "running a MiniCluster here.")
    String jobManager;

    @Option(names = "--attached",
            description = "With --jobmanager: wait until the job ends and exit non-zero if it failed.")
    boolean attached;

    @Option(names = "--jar", paramLabel = "FILE",
            description = "With --jobmanager: the jar to ship (default: the shaded jar this command runs from).")
    Path jar;

    @Option(names = "--flink-ui-port", paramLabel = "N",
            description = "Port of the MiniCluster's Web UI and REST API (default: 8081, flink.web.port).")
    Integer flinkUiPort;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Parallelism of the job (default: 2, FLINK_PARALLELISM).")
    Integer parallelism;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION",
            description = "Time between checkpoints, e.g. PT10S or 10 (default: 10 s, job.checkpoint.interval; 0 is off).")
    String checkpointInterval;

    @Option(names = "--checkpoint-dir", paramLabel = "URI",
            description = "Checkpoint storage: a Flink file system URI or a local path (job.checkpoint.dir).")
    String checkpointDir;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the MiniCluster keeps checkpoints when no checkpoint directory is set (default: ./data).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with settings (default: ./streamscout.properties if present).")
    Path configFile;

    @Override
    public Integer call() throws Exception {
        StreamScoutConfig config = logging.loadSettings(configFile, overrides());
        return jobManager == null ? runHere(config) : submit(config);
    }

    private int runHere(StreamScoutConfig config) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("StreamScout job is starting (Kafka " + config.kafkaBootstrapServers().orElse("not set") + ")...");
        out.flush();
        StandaloneJob job = StandaloneJob.startLocal(config);
        return Foreground.serve(spec, "StreamScout job", List.of("job id       " + job.job().getJobID(),
                "Flink UI     http://localhost:" + config.flinkWebPort()), job::close, job.failure());
    }

    private int submit(StreamScoutConfig config) throws Exception {
        HostAndPort target = HostAndPort.parse(jobManager);
        Optional<Path> shipped = jar != null ? Optional.of(existingJar(jar)) : StandaloneJob.runningJar();
        PrintWriter out = spec.commandLine().getOut();
        if (shipped.isEmpty()) {
            spec.commandLine().getErr().println("streamscout: not running from the shaded jar, so no jar is shipped;"
                    + " the cluster must already have StreamScout's classes (give one with --jar)");
        }
        JobClient client = StandaloneJob.submit(config, target.host(), target.port(), shipped);
        out.println("Submitted job " + client.getJobID() + " to http://" + target.host() + ":" + target.port()
                + shipped.map(path -> " with " + path).orElse(""));
        out.flush();
        if (!attached) {
            return 0;
        }
        out.println("Waiting for the job to end (--attached)...");
        out.flush();
        try {
            client.getJobExecutionResult().get();
            out.println("Job " + client.getJobID() + " finished");
            return 0;
        } catch (java.util.concurrent.ExecutionException e) {
            JobStatus status = client.getJobStatus().handle((s, error) -> s).get();
            spec.commandLine().getErr().println("streamscout: job " + client.getJobID() + " ended "
                    + (status == null ? "" : status + " ") + "with " + e.getCause().getMessage());
            return 1;
        }
    }

    private static Path existingJar(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--jar " + file + ": no such file");
        }
        return file;
    }

    private Map<ConfigKey, String> overrides() {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        if (flinkUiPort != null) {
            overrides.put(ConfigKey.FLINK_WEB_PORT, flinkUiPort.toString());
        }
        if (parallelism != null) {
            overrides.put(ConfigKey.FLINK_PARALLELISM, parallelism.toString());
        }
        if (checkpointInterval != null) {
            overrides.put(ConfigKey.JOB_CHECKPOINT_INTERVAL, checkpointInterval);
        }
        if (checkpointDir != null) {
            overrides.put(ConfigKey.JOB_CHECKPOINT_DIR, checkpointDir);
        }
        if (dataDir != null) {
            overrides.put(ConfigKey.DATA_DIR, dataDir.toString());
        }
        return overrides;
    }

    /** {@code host:port} of a JobManager's REST endpoint. */
    record HostAndPort(String host, int port) {

        static HostAndPort parse(String value) {
            int colon = value.lastIndexOf(':');
            String host = colon > 0 ? value.substring(0, colon).trim() : "";
            int port = -1;
            if (colon > 0) {
                try {
                    port = Integer.parseInt(value.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    port = -1;
                }
            }
            if (host.isEmpty() || port < 1 || port > 65535) {
                throw new ConfigException("invalid value '" + value + "' for --jobmanager: expected HOST:PORT of the"
                        + " Flink REST endpoint, e.g. jobmanager:8081");
            }
            return new HostAndPort(host, port);
        }
    }
}
