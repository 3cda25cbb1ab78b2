package dev.streamscout.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.app.cli.CapturedCommandLine;
import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.PropertiesFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamscout api} from the command line: help and refusals (the running process is in {@link SeparateServicesTest}). */
class ApiCommandTest {

    @TempDir
    Path dir;

    private final CapturedCommandLine cli = new CapturedCommandLine();

    private Path configFile(Map<ConfigKey, String> settings) throws IOException {
        return PropertiesFile.write(dir.resolve("api.properties"), settings);
    }

    @Test
    void helpSaysWhatItNeedsAndServes() {
        assertThat(cli.run("api", "--help")).isZero();
        assertThat(cli.out()).contains("POSTGRES_URL", "KAFKA_BOOTSTRAP_SERVERS", "/v1.0/clip", "/health",
                "--port", "SIGTERM");
    }

    @Test
    void withoutPostgresItExitsNonZeroNamingTheVariable() throws IOException {
        Assumptions.assumeTrue(System.getenv("POSTGRES_URL") == null, "POSTGRES_URL is set in this environment");
        assertThat(cli.run("api", "--config", configFile(Map.of(ConfigKey.HTTP_PORT, "0")).toString())).isEqualTo(2);
        assertThat(cli.err()).contains("POSTGRES_URL");
    }

    @Test
    void aMalformedPostgresUrlIsNamed() throws IOException {
        Path config = configFile(Map.of(ConfigKey.POSTGRES_URL, "mysql://db/streamscout", ConfigKey.HTTP_PORT, "0"));
        assertThat(cli.run("api", "--config", config.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("POSTGRES_URL").contains("mysql://db/streamscout");
    }
}
