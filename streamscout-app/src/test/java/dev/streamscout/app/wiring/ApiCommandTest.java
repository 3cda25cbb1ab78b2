package dev.streamscout.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.app.StreamScout;
import dev.streamscout.app.config.ConfigKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code streamscout api} from the command line: help and refusals (the running process is in {@link SeparateServicesTest}). */
class ApiCommandTest {

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
        Path file = dir.resolve("api.properties");
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "api test");
        }
        return file;
    }

    @Test
    void helpSaysWhatItNeedsAndServes() {
        assertThat(run("api", "--help")).isZero();
        assertThat(out.toString()).contains("POSTGRES_URL", "KAFKA_BOOTSTRAP_SERVERS", "/v1.0/clip", "/health",
                "--port", "SIGTERM");
    }

    @Test
    void withoutPostgresItExitsNonZeroNamingTheVariable() throws IOException {
        Assumptions.assumeTrue(System.getenv("POSTGRES_URL") == null, "POSTGRES_URL is set in this environment");
        assertThat(run("api", "--config", configFile(Map.of(ConfigKey.HTTP_PORT, "0")).toString())).isEqualTo(2);
        assertThat(err.toString()).contains("POSTGRES_URL");
    }

    @Test
    void aMalformedPostgresUrlIsNamed() throws IOException {
        Path config = configFile(Map.of(ConfigKey.POSTGRES_URL, "mysql://db/streamscout", ConfigKey.HTTP_PORT, "0"));
        assertThat(run("api", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("POSTGRES_URL").contains("mysql://db/streamscout");
    }
}
