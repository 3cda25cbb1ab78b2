package dev.streamscout.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.app.StreamScout;
import dev.streamscout.app.cli.IngestCommand;
import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.kafka.EmbeddedKafkaBroker;
import dev.streamscout.app.kafka.EmbeddedKafkaSettings;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code streamscout ingest} from the command line: help, configuration errors, and a real process stopped by SIGTERM. */
class IngestCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The real command line, with {@code ingest} added if the entry point does not list it yet. */
    static CommandLine commandLine() {
        CommandLine cli = StreamScout.commandLine();
        if (!cli.getSubcommands().containsKey("ingest")) {
            cli.addSubcommand("ingest", new CommandLine(new IngestCommand())
                    .setExecutionExceptionHandler(cli.getExecutionExceptionHandler()));
        }
        return cli;
    }

    private int run(String... args) {
        CommandLine cli = commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path configFile(Map<String, String> properties) throws IOException {
        Properties p = new Properties();
        p.putAll(properties);
        Path file = dir.resolve("ingest.properties");
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "ingest test");
        }
        return file;
    }

    @Test
    void helpSaysWhatItNeeds() {
        assertThat(run("ingest", "--help")).isZero();
        assertThat(out.toString()).contains("KAFKA_BOOTSTRAP_SERVERS", "TWITCH_CLIENT_ID", "streamscout auth",
                "--channels", "--health-port", "--metrics-port", "/health", "/metrics");
    }

    @Test
    void withoutKafkaItExitsNonZeroNamingTheVariable() throws IOException {
        Assumptions.assumeTrue(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null
                && System.getenv("KAFKA_BROKER_URL") == null, "Kafka is configured in this environment");
        Path config = configFile(Map.of(ConfigKey.TWITCH_CLIENT_ID.key(), "id",
                ConfigKey.TWITCH_CLIENT_SECRET.key(), "secret"));

        assertThat(run("ingest", "--config", config.toString(), "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void withoutCredentialsItExitsNonZeroNamingThemAndPointingToAuth() throws IOException {
        Assumptions.assumeTrue(System.getenv("TWITCH_CLIENT_ID") == null, "TWITCH_CLIENT_ID is set in this environment");
        Path config = configFile(Map.of(ConfigKey.KAFKA_BOOTSTRAP_SERVERS.key(), "127.0.0.1:1"));

        assertThat(run("ingest", "--config", config.toString(), "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("TWITCH_CLIENT_ID").contains("streamscout auth");
    }

    @Test
    void aRealProcessServesHealthAndStopsWithinTenSecondsOfSigterm() throws Exception {
        try (TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withChannels(8)
                        .withScheduleHypeMoments(false)).start();
                EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(
                        EmbeddedKafkaSettings.onFreePorts(dir.resolve("kafka")))) {
            kafka.start();
            int healthPort = StandaloneIngestTest.freePort();
            java.util.Map<String, String> properties = new java.util.HashMap<>();
            StandaloneIngestTest.simulatorEndpoints(sim, dir.resolve("data"))
                    .forEach((key, value) -> properties.put(key.key(), value));
            properties.put(ConfigKey.KAFKA_BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers());
            properties.put(ConfigKey.TWITCH_CLIENT_ID.key(), "ingest-process");
            properties.put(ConfigKey.TWITCH_CLIENT_SECRET.key(), "ingest-process-secret");
            Path config = configFile(properties);

            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), IngestProcessMain.class.getName(), "ingest",
                    "--config", config.toString(), "--health-port", Integer.toString(healthPort),
                    "--metrics-port", Integer.toString(StandaloneIngestTest.freePort())));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("ingest.log").toFile()).start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                URI health = URI.create("http://localhost:" + healthPort + "/health");
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> http.send(
                        HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

                long begin = System.nanoTime();
                process.destroy(); // SIGTERM
                boolean exited = process.waitFor(10, TimeUnit.SECONDS);

                assertThat(exited).as("exited within 10 s of SIGTERM; log:%n%s",
                        Files.readString(dir.resolve("ingest.log"))).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
            } finally {
                process.destroyForcibly();
            }
        }
    }
}
