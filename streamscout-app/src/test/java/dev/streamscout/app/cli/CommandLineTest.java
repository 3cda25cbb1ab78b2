package dev.streamscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.app.StreamScout;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = StreamScout.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void topLevelHelpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: streamscout").contains("demo");
    }

    @Test
    void noCommandPrintsUsageInsteadOfDoingSomething() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("Usage: streamscout");
    }

    @Test
    void demoHelpDescribesItsOptions() {
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--data-dir").contains("--port").contains("--kafka-port")
                .contains("--flink-ui-port");
    }

    @Test
    void runHelpSaysWhatItNeeds() {
        assertThat(run("run", "--help")).isZero();
        assertThat(out.toString()).contains("TWITCH_CLIENT_ID").contains("streamscout auth").contains("--channels");
    }

    @Test
    void runWithoutCredentialsExitsNonZeroNamingTheVariable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("TWITCH_CLIENT_ID") == null,
                "TWITCH_CLIENT_ID is set in this environment");
        assertThat(run("run", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("TWITCH_CLIENT_ID").contains("streamscout auth");
    }

    @Test
    void aBadOptionValueNamesTheOption() {
        assertThat(run("demo", "--port", "abc")).isEqualTo(2);
        assertThat(err.toString()).contains("--port").contains("abc");
    }

    @Test
    void anUnknownCommandIsReported() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }

    @Test
    void anOutOfRangePortStopsBeforeAnythingStarts() {
        assertThat(run("demo", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("70000").contains("http.port").contains("0 to 65535");
    }
}
