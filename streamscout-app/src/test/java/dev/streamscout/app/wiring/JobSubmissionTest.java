package dev.streamscout.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.app.FlinkJobMain;
import dev.streamscout.app.StreamScout;
import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.kafka.EmbeddedKafkaBroker;
import dev.streamscout.app.kafka.EmbeddedKafkaSettings;
import dev.streamscout.job.HighlightJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code streamscout job}: its help, its refusals, and a real submission to a Flink session cluster's
 * REST endpoint.
 *
 * <p>The "session cluster" is a MiniCluster in this JVM with REST on a random port; the command talks
 * to it only over REST, as it would to a remote JobManager. What this does not show is the jar upload:
 * the tests run from class directories (the shaded jar is packaged after them), so nothing is shipped
 * and the cluster finds the job's classes on the class path it shares with the test. The command says
 * so on stderr, and with the shaded jar it ships that jar (see {@link StandaloneJob#runningJar()}).
 */
class JobSubmissionTest {

    private static final Pattern SUBMITTED = Pattern.compile("Submitted job ([0-9a-f]{32})");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = StreamScout.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path configFile(Map<ConfigKey, String> settings) throws IOException {
        Properties p = new Properties();
        settings.forEach((key, value) -> p.put(key.key(), value));
        Path file = dir.resolve("job.properties");
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "job submission test");
        }
        return file;
    }

    @Test
    void helpDocumentsTheThreeWaysToRunTheJob() {
        assertThat(run("job", "--help")).isZero();
        assertThat(out.toString()).contains("--jobmanager", "--attached", "--jar", "HOST:8081",
                "flink run -c dev.streamscout.app.FlinkJobMain streamscout.jar", "MiniCluster", "KAFKA_BOOTSTRAP_SERVERS",
                "POSTGRES_URL", "job.checkpoint.interval");
    }

    @Test
    void withoutKafkaItExitsNonZeroNamingTheVariable() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null
                && System.getenv("KAFKA_BROKER_URL") == null, "Kafka is configured in this environment");
        Path config = configFile(Map.of(ConfigKey.POSTGRES_URL, "jdbc:postgresql://127.0.0.1:1/none"));
        assertThat(run("job", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void aMalformedJobManagerAddressIsNamed() throws IOException {
        Path config = configFile(Map.of(ConfigKey.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:1",
                ConfigKey.POSTGRES_URL, "jdbc:postgresql://127.0.0.1:1/none"));
        assertThat(run("job", "--config", config.toString(), "--jobmanager", "jobmanager-without-port")).isEqualTo(2);
        assertThat(err.toString()).contains("jobmanager-without-port").contains("HOST:PORT");
    }

    @Test
    void aBadCheckpointIntervalIsNamed() throws IOException {
        Path config = configFile(Map.of(ConfigKey.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:1"));
        assertThat(run("job", "--config", config.toString(), "--checkpoint-interval", "often")).isEqualTo(2);
        assertThat(err.toString()).contains("often").contains("job.checkpoint.interval");
    }

    @Test
    void submitsTheJobToASessionClusterOverRestAndItRuns() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        try (PostgresSchema database = PostgresSchema.create();
                EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.onFreePorts(dir.resolve("kafka")));
                MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                        .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build())) {
            kafka.start();
            cluster.start();
            URI rest = cluster.getRestAddress().get();
            Path config = configFile(Map.of(
                    ConfigKey.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                    ConfigKey.CHAT_TOPIC_PARTITIONS, "2",
                    ConfigKey.LIFECYCLE_TOPIC_PARTITIONS, "1",
                    ConfigKey.POSTGRES_URL, database.url(),
                    ConfigKey.POSTGRES_USER, database.user(),
                    ConfigKey.CLIPS_ENABLED, "false"));

            int exit = run("job", "--config", config.toString(), "--jobmanager", "localhost:" + rest.getPort());

            assertThat(exit).as("stdout:%n%s%nstderr:%n%s", out, err).isZero();
            Matcher submitted = SUBMITTED.matcher(out.toString());
            assertThat(submitted.find()).as(out.toString()).isTrue();
            String jobId = submitted.group(1);
            assertThat(err.toString()).contains("no jar is shipped");
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                String overview = http.send(HttpRequest.newBuilder(rest.resolve("/jobs/overview")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                return overview.contains("\"jid\":\"" + jobId + "\"") && overview.contains("\"name\":\"highlights\"")
                        && overview.contains("\"state\":\"RUNNING\"");
            });
            String checkpointConfig = http.send(HttpRequest.newBuilder(rest.resolve("/jobs/" + jobId
                    + "/checkpoints/config")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(checkpointConfig).as("checkpoints on by default, every 10 s").contains("\"interval\":10000");
            // The command migrated the schema before submitting: the job's tables are there.
            assertThat(database.column("SELECT count(*) FROM clips")).containsExactly("0");
            cluster.cancelJob(JobID.fromHexString(jobId)).get();
        }
    }

    /**
     * What {@code flink run -c dev.streamscout.app.FlinkJobMain} runs, minus Flink's own client: the same
     * settings define the same job in the environment Flink provides (here one bound to the cluster).
     */
    @Test
    void theFlinkRunEntryPointDefinesTheSameJob() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        try (PostgresSchema database = PostgresSchema.create();
                EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.onFreePorts(dir.resolve("kafka")));
                MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                        .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build())) {
            kafka.start();
            cluster.start();
            URI rest = cluster.getRestAddress().get();
            Path config = configFile(Map.of(
                    ConfigKey.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                    ConfigKey.CHAT_TOPIC_PARTITIONS, "2",
                    ConfigKey.LIFECYCLE_TOPIC_PARTITIONS, "1",
                    ConfigKey.POSTGRES_URL, database.url(),
                    ConfigKey.POSTGRES_USER, database.user(),
                    ConfigKey.CLIPS_ENABLED, "false",
                    ConfigKey.JOB_CHECKPOINT_INTERVAL, "PT3S"));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment("127.0.0.1", rest.getPort());

            FlinkJobMain.define(env, config);
            JobClient job = env.executeAsync(HighlightJob.JOB_NAME);

            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(
                            rest.resolve("/jobs/" + job.getJobID())).build(), HttpResponse.BodyHandlers.ofString()).body()
                    .contains("\"state\":\"RUNNING\""));
            String plan = http.send(HttpRequest.newBuilder(rest.resolve("/jobs/" + job.getJobID())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(plan).contains("\"name\":\"highlights\"", "Spike detector", "Clip maker", "Kafka chat-messages");
            assertThat(http.send(HttpRequest.newBuilder(rest.resolve("/jobs/" + job.getJobID() + "/checkpoints/config"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).contains("\"interval\":3000");
            job.cancel().get();
        }
    }
}
