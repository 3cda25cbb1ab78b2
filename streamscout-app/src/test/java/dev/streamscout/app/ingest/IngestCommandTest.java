package dev.streamscout.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.app.StreamScout;
import dev.streamscout.app.cli.CapturedCommandLine;
import dev.streamscout.app.cli.IngestCommand;
import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.PropertiesFile;
import dev.streamscout.app.kafka.EmbeddedKafkaBroker;
import dev.streamscout.app.kafka.EmbeddedKafkaSettings;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code streamscout ingest} from the command line: help, configuration errors, and a real process stopped by SIGTERM. */
class IngestCommandTest {

    @TempDir
    Path dir;

    private final CapturedCommandLine cli = new CapturedCommandLine(IngestCommandTest::commandLine);

    /** The real command line, with {@code ingest} added if the entry point does not list it yet. */
    static CommandLine commandLine() {
        CommandLine cli = StreamScout.commandLine();
        if (!cli.getSubcommands().containsKey("ingest")) {
            cli.addSubcommand("ingest", new CommandLine(new IngestCommand())
                    .setExecutionExceptionHandler(cli.getExecutionExceptionHandler()));
        }
        return cli;
    }

    private Path configFile(Map<ConfigKey, String> settings) throws IOException {
        return PropertiesFile.write(dir.resolve("ingest.properties"), settings);
    }

    @Test
    void helpSaysWhatItNeeds() {
        assertThat(cli.run("ingest", "--help")).isZero();
        assertThat(cli.out()).contains("KAFKA_BOOTSTRAP_SERVERS", "TWITCH_CLIENT_ID", "streamscout auth",
                "--channels", "--health-port", "--metrics-port", "/health", "/metrics");
    }

    @Test
    void withoutKafkaItExitsNonZeroNamingTheVariable() throws IOException {
        Assumptions.assumeTrue(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null
                && System.getenv("KAFKA_BROKER_URL") == null, "Kafka is configured in this environment");
        Path config = configFile(Map.of(ConfigKey.TWITCH_CLIENT_ID, "id", ConfigKey.TWITCH_CLIENT_SECRET, "secret"));

        assertThat(cli.run("ingest", "--config", config.toString(), "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void withoutCredentialsItExitsNonZeroNamingThemAndPointingToAuth() throws IOException {
        Assumptions.assumeTrue(System.getenv("TWITCH_CLIENT_ID") == null, "TWITCH_CLIENT_ID is set in this environment");
        Path config = configFile(Map.of(ConfigKey.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:1"));

        assertThat(cli.run("ingest", "--config", config.toString(), "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("TWITCH_CLIENT_ID").contains("streamscout auth");
    }

    @Test
    void aRealProcessServesHealthAndStopsWithinTenSecondsOfSigterm() throws Exception {
        try (TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withChannels(8)
                        .withScheduleHypeMoments(false)).start();
                EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(
                        EmbeddedKafkaSettings.onFreePorts(dir.resolve("kafka")))) {
            kafka.start();
            int healthPort = StandaloneIngestTest.freePort();
            Map<ConfigKey, String> settings = StandaloneIngestTest.simulatorEndpoints(sim, dir.resolve("data"));
            settings.put(ConfigKey.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            settings.put(ConfigKey.TWITCH_CLIENT_ID, "ingest-process");
            settings.put(ConfigKey.TWITCH_CLIENT_SECRET, "ingest-process-secret");
            Path config = configFile(settings);

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
