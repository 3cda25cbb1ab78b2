package dev.streamscout.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.app.FlinkJobMain;
import dev.streamscout.app.cli.CapturedCommandLine;
import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.PropertiesFile;
import dev.streamscout.app.kafka.EmbeddedKafkaBroker;
import dev.streamscout.app.kafka.EmbeddedKafkaSettings;
import dev.streamscout.job.HighlightJob;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
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

    private final CapturedCommandLine cli = new CapturedCommandLine();

    private Path configFile(Map<ConfigKey, String> settings) throws IOException {
        return PropertiesFile.write(dir.resolve("job.properties"), settings);
    }

    /**
     * What a submission needs: PostgreSQL, an embedded Kafka and a Flink "session cluster" (a MiniCluster
     * with REST on a random port and 2 slots), all started; closed in reverse order.
     */
    private record SessionCluster(PostgresSchema database, EmbeddedKafkaBroker kafka, MiniCluster cluster)
            implements AutoCloseable {

        static SessionCluster start(Path dir) throws Exception {
            Configuration conf = new Configuration();
            conf.set(RestOptions.BIND_PORT, "0");
            conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
            PostgresSchema database = PostgresSchema.create();
            EmbeddedKafkaBroker kafka = null;
            MiniCluster cluster = null;
            try {
                kafka = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.onFreePorts(dir.resolve("kafka")));
                cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                        .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
                kafka.start();
                cluster.start();
                return new SessionCluster(database, kafka, cluster);
            } catch (Exception e) {
                // Whatever was opened is closed (a null resource is skipped), its failures added to e.
                try (database; EmbeddedKafkaBroker openedKafka = kafka; MiniCluster openedCluster = cluster) {
                    throw e;
                }
            }
        }

        /** The cluster's REST endpoint, where {@code --jobmanager} and Flink's client submit to. */
        URI rest() throws Exception {
            return cluster.getRestAddress().get();
        }

        /** The body of a GET on the REST API, e.g. {@code /jobs/overview}. */
        String get(String path) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(rest().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        /** The settings the job needs to reach these services; clipping off (no Twitch here). */
        Map<ConfigKey, String> settings() {
            Map<ConfigKey, String> settings = new EnumMap<>(ConfigKey.class);
            settings.put(ConfigKey.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            settings.put(ConfigKey.CHAT_TOPIC_PARTITIONS, "2");
            settings.put(ConfigKey.LIFECYCLE_TOPIC_PARTITIONS, "1");
            settings.put(ConfigKey.POSTGRES_URL, database.url());
            settings.put(ConfigKey.POSTGRES_USER, database.user());
            settings.put(ConfigKey.CLIPS_ENABLED, "false");
            return settings;
        }

        @Override
        public void close() throws Exception {
            try (database; kafka; cluster) {
                // closes the cluster, then Kafka, then the database
            }
        }
    }

    @Test
    void helpDocumentsTheThreeWaysToRunTheJob() {
        assertThat(cli.run("job", "--help")).isZero();
        assertThat(cli.out()).contains("--jobmanager", "--attached", "--jar", "HOST:8081",
                "flink run -c dev.streamscout.app.FlinkJobMain streamscout.jar", "MiniCluster", "KAFKA_BOOTSTRAP_SERVERS",
                "POSTGRES_URL", "job.checkpoint.interval");
    }

    @Test
    void withoutKafkaItExitsNonZeroNamingTheVariable() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null
                && System.getenv("KAFKA_BROKER_URL") == null, "Kafka is configured in this environment");
        Path config = configFile(Map.of(ConfigKey.POSTGRES_URL, "jdbc:postgresql://127.0.0.1:1/none"));
        assertThat(cli.run("job", "--config", config.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void aMalformedJobManagerAddressIsNamed() throws IOException {
        Path config = configFile(Map.of(ConfigKey.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:1",
                ConfigKey.POSTGRES_URL, "jdbc:postgresql://127.0.0.1:1/none"));
        assertThat(cli.run("job", "--config", config.toString(), "--jobmanager", "jobmanager-without-port")).isEqualTo(2);
        assertThat(cli.err()).contains("jobmanager-without-port").contains("HOST:PORT");
    }

    @Test
    void aBadCheckpointIntervalIsNamed() throws IOException {
        Path config = configFile(Map.of(ConfigKey.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:1"));
        assertThat(cli.run("job", "--config", config.toString(), "--checkpoint-interval", "often")).isEqualTo(2);
        assertThat(cli.err()).contains("often").contains("job.checkpoint.interval");
    }

    @Test
    void submitsTheJobToASessionClusterOverRestAndItRuns() throws Exception {
        try (SessionCluster session = SessionCluster.start(dir)) {
            Path config = configFile(session.settings());

            int exit = cli.run("job", "--config", config.toString(),
                    "--jobmanager", "localhost:" + session.rest().getPort());

            assertThat(exit).as("stdout:%n%s%nstderr:%n%s", cli.out(), cli.err()).isZero();
            Matcher submitted = SUBMITTED.matcher(cli.out());
            assertThat(submitted.find()).as(cli.out()).isTrue();
            String jobId = submitted.group(1);
            assertThat(cli.err()).contains("no jar is shipped");
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                String overview = session.get("/jobs/overview");
                return overview.contains("\"jid\":\"" + jobId + "\"") && overview.contains("\"name\":\"highlights\"")
                        && overview.contains("\"state\":\"RUNNING\"");
            });
            assertThat(session.get("/jobs/" + jobId + "/checkpoints/config"))
                    .as("checkpoints on by default, every 10 s").contains("\"interval\":10000");
            // The command migrated the schema before submitting: the job's tables are there.
            assertThat(session.database().column("SELECT count(*) FROM clips")).containsExactly("0");
            session.cluster().cancelJob(JobID.fromHexString(jobId)).get();
        }
    }

    /**
     * What {@code flink run -c dev.streamscout.app.FlinkJobMain} runs, minus Flink's own client: the same
     * settings define the same job in the environment Flink provides (here one bound to the cluster).
     */
    @Test
    void theFlinkRunEntryPointDefinesTheSameJob() throws Exception {
        try (SessionCluster session = SessionCluster.start(dir)) {
            Map<ConfigKey, String> settings = session.settings();
            settings.put(ConfigKey.JOB_CHECKPOINT_INTERVAL, "PT3S");
            Path config = configFile(settings);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment("127.0.0.1",
                    session.rest().getPort());

            FlinkJobMain.define(env, config);
            JobClient job = env.executeAsync(HighlightJob.JOB_NAME);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> session.get("/jobs/" + job.getJobID()).contains("\"state\":\"RUNNING\""));
            assertThat(session.get("/jobs/" + job.getJobID()))
                    .contains("\"name\":\"highlights\"", "Spike detector", "Clip maker", "Kafka chat-messages");
            assertThat(session.get("/jobs/" + job.getJobID() + "/checkpoints/config")).contains("\"interval\":3000");
            job.cancel().get();
        }
    }
}
