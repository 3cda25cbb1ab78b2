package dev.streamscout.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamscout.app.StreamScout;
import dev.streamscout.app.config.ConfigException;
import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.RawConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --log-format json}: the real demo in a child JVM writes nothing but JSON objects on stdout,
 * StreamScout's lines, the command's banner and the engines' (Flink, Kafka) alike.
 */
class JsonLogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void demoWritesOneJsonObjectPerLineOnStdoutIncludingFlinkAndKafka() throws Exception {
        // Every port the demo opens is picked free or switched off, so the test runs beside anything.
        Path config = dir.resolve("streamscout.properties");
        Files.writeString(config, String.join("\n",
                "ingest.health.port=0", "ingest.metrics.port=0", "flink.prometheus.port=0", ""));
        // An operator's own Log4j2 file with the engines at INFO: many Flink and Kafka lines, all switched to JSON.
        Path log4j = dir.resolve("log4j2-verbose.xml");
        Files.writeString(log4j, """
                <Configuration status="WARN" shutdownHook="disable">
                  <Appenders><Console name="console" target="SYSTEM_ERR"><PatternLayout pattern="%m%n"/></Console></Appenders>
                  <Loggers>
                    <Logger name="org.apache.pekko" level="WARN"/>
                    <Root level="INFO"><AppenderRef ref="console"/></Root>
                  </Loggers>
                </Configuration>
                """);
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-cp", System.getProperty("java.class.path"), StreamScout.class.getName(),
                "demo", "--log-format", "json", "--config", config.toString(), "--data-dir", dir.resolve("data").toString(),
                "--port", "0", "--kafka-port", "0", "--flink-ui-port", "0");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.equals("STREAMSCOUT_LOG_FORMAT"));
        Process process = builder.start();

        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch running = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                    if (line.contains("Press Ctrl-C to stop.")) { // the banner's last line
                        running.countDown();
                    }
                }
            } catch (IOException e) {
                // the process is gone; what was read is checked below
            }
        }, "demo-stdout");
        reader.start();
        try {
            boolean started = running.await(120, TimeUnit.SECONDS);
            assertThat(started).as("demo banner within 120 s; stdout so far: %s, stderr: %s", lines,
                    Files.readString(dir.resolve("stderr.txt"))).isTrue();
        } finally {
            process.destroy(); // SIGTERM: the shutdown lines are checked too
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            reader.join(10_000);
        }

        List<JsonNode> events = new ArrayList<>();
        for (String line : List.copyOf(lines)) {
            JsonNode event = parseObject(line);
            for (String field : List.of("time", "level", "service", "logger", "message", "thread")) {
                assertThat(event.hasNonNull(field)).as("field %s in %s", field, line).isTrue();
            }
            assertThat(event.get("service").asText()).isEqualTo("demo");
            assertThat(event.get("time").asText()).endsWith("Z");
            Instant.parse(event.get("time").asText());
            events.add(event);
        }
        List<String> loggers = events.stream().map(e -> e.get("logger").asText()).toList();
        assertThat(loggers).anyMatch(name -> name.startsWith("org.apache.flink"));
        assertThat(loggers).anyMatch(name -> name.startsWith("org.apache.kafka") || name.startsWith("kafka"));
        assertThat(loggers).anyMatch(name -> name.startsWith("dev.streamscout.ingest"));
        // The banner is a log event too, not a bare line.
        assertThat(events).anyMatch(e -> e.get("message").asText().startsWith("clips API"));
        // Per-channel events carry the channel in its own field.
        assertThat(events).anyMatch(e -> e.hasNonNull("channel") && e.get("message").asText().startsWith("Joined chat"));
    }

    private static JsonNode parseObject(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
            return node;
        } catch (IOException e) {
            throw new AssertionError("stdout line is not JSON: " + line, e);
        }
    }

    @Test
    void logFormatIsTextByDefaultAndNamesABadValue() {
        assertThat(LogFormat.from(RawConfig.defaults())).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.from(RawConfig.load(null, Map.of("STREAMSCOUT_LOG_FORMAT", "JSON"), Map.of())))
                .isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> LogFormat.from(RawConfig.load(null, Map.of(), Map.of(ConfigKey.LOG_FORMAT, "xml"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'xml'").hasMessageContaining("log.format").hasMessageContaining("text or json");
    }

    @Test
    void demoRejectsAnUnknownLogFormatWithItsName() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = StreamScout.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true));
        int exit = cli.execute("demo", "--log-format", "yaml", "--data-dir", dir.resolve("data").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'yaml'").contains("log.format");
    }
}
