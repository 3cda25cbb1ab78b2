package dev.streamscout.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.app.kafka.EmbeddedKafkaBroker;
import dev.streamscout.app.kafka.EmbeddedKafkaSettings;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar streamscout.jar job --jobmanager host:port} with the packaged shaded jar (run by
 * failsafe after {@code package}): the jar is uploaded to a Flink session cluster whose own class path
 * holds Flink and nothing of StreamScout, Kafka's client or the JDBC drivers, so the job can only run
 * if the shipped jar carries them. The cluster is a MiniCluster in a child JVM started from a
 * single-file program; Kafka is the app's embedded broker and the database a fresh PostgreSQL schema.
 */
class ShadedJarSubmissionIT {

    private static final Path JAR = Path.of("target", "streamscout.jar");
    private static final Pattern REST = Pattern.compile("REST (http://\\S+)");
    private static final Pattern SUBMITTED = Pattern.compile("Submitted job ([0-9a-f]{32}) to \\S+ with (\\S+)");

    /** Jars a bare Flink cluster would not have: StreamScout, connectors, Kafka, drivers, Flyway. */
    private static final Pattern USER_CODE = Pattern.compile(
            ".*(/classes|/test-classes|streamscout|/org/apache/kafka/|flink-connector-kafka|flink-connector-jdbc"
                    + "|postgresql|/com/h2database/|flyway|HikariCP).*");

    private static final String CLUSTER_SOURCE = """
            import org.apache.flink.configuration.Configuration;
            import org.apache.flink.configuration.RestOptions;
            import org.apache.flink.runtime.minicluster.MiniCluster;
            import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

            public class SessionCluster {
                public static void main(String[] args) throws Exception {
                    Configuration conf = new Configuration();
                    conf.set(RestOptions.BIND_PORT, "0");
                    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
                    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                            .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
                    cluster.start();
                    try {
                        Class.forName("dev.streamscout.job.HighlightJob");
                        System.out.println("StreamScout is on the cluster's class path");
                    } catch (ClassNotFoundException expected) {
                        System.out.println("REST " + cluster.getRestAddress().get());
                    }
                    Thread.currentThread().join();
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theShadedJarIsShippedToASessionClusterAndTheJobRuns() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "no shaded jar at " + JAR.toAbsolutePath()
                + " (this test runs after 'package')");
        try (PostgresSchema database = PostgresSchema.create();
                EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.onFreePorts(dir.resolve("kafka")))) {
            kafka.start();
            Path source = dir.resolve("SessionCluster.java");
            Files.writeString(source, CLUSTER_SOURCE);
            Process cluster = java(dir.resolve("cluster.log"), List.of("-Xmx512m", "-cp", flinkOnlyClassPath(),
                    source.toString()));
            try {
                Path clusterLog = dir.resolve("cluster.log");
                await().atMost(Duration.ofSeconds(60)).failFast(() -> !cluster.isAlive())
                        .until(() -> match(REST, clusterLog) != null);
                URI rest = URI.create(match(REST, clusterLog));
                Path config = dir.resolve("job.properties");
                Files.writeString(config, String.join("\n",
                        "kafka.bootstrap.servers=" + kafka.bootstrapServers(),
                        "kafka.topic.chat.partitions=2",
                        "kafka.topic.lifecycle.partitions=1",
                        "postgres.url=" + database.url().replace("\\", "\\\\"),
                        "postgres.user=" + database.user(),
                        "clips.enabled=false",
                        "job.checkpoint.interval=PT1S",
                        "job.checkpoint.dir=" + dir.resolve("checkpoints").toString().replace("\\", "\\\\")));
                Process submit = java(dir.resolve("submit.log"), List.of("-jar", JAR.toAbsolutePath().toString(),
                        "job", "--jobmanager", rest.getHost() + ":" + rest.getPort(), "--config", config.toString()));
                assertThat(submit.waitFor(120, TimeUnit.SECONDS)).as("submission ends").isTrue();
                String log = Files.readString(dir.resolve("submit.log"));
                assertThat(submit.exitValue()).as(log).isZero();
                Matcher submitted = SUBMITTED.matcher(log);
                assertThat(submitted.find()).as(log).isTrue();
                assertThat(Path.of(submitted.group(2))).isEqualTo(JAR.toAbsolutePath());
                String jobId = submitted.group(1);

                HttpClient http = HttpClient.newHttpClient();
                await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(
                                rest.resolve("/jobs/" + jobId)).build(), HttpResponse.BodyHandlers.ofString()).body()
                        .contains("\"state\":\"RUNNING\""));
                // Running for real: checkpoints complete into the configured directory.
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.isDirectory(dir.resolve("checkpoints")
                        .resolve(jobId)) && Files.list(dir.resolve("checkpoints").resolve(jobId))
                        .anyMatch(p -> p.getFileName().toString().startsWith("chk-")));
                http.send(HttpRequest.newBuilder(rest.resolve("/jobs/" + jobId + "?mode=cancel"))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            } finally {
                cluster.destroy();
                cluster.waitFor(15, TimeUnit.SECONDS);
                cluster.destroyForcibly();
            }
        }
    }

    private static String match(Pattern pattern, Path log) throws Exception {
        if (!Files.exists(log)) {
            return null;
        }
        Matcher m = pattern.matcher(Files.readString(log));
        return m.find() ? m.group(1) : null;
    }

    /** This JVM's class path without anything a bare Flink cluster would lack. */
    private static String flinkOnlyClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !USER_CODE.matcher(entry.replace('\\', '/')).matches())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Process java(Path log, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--add-opens") || arg.startsWith("--add-exports"))
                .forEach(command::add);
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
