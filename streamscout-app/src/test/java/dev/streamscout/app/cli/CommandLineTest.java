package dev.streamscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final CapturedCommandLine cli = new CapturedCommandLine();

    @Test
    void topLevelHelpListsTheCommands() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("Usage: streamscout").contains("demo");
    }

    @Test
    void noCommandPrintsUsageInsteadOfDoingSomething() {
        assertThat(cli.run()).isZero();
        assertThat(cli.out()).contains("Usage: streamscout");
    }

    @Test
    void demoHelpDescribesItsOptions() {
        assertThat(cli.run("demo", "--help")).isZero();
        assertThat(cli.out()).contains("--data-dir").contains("--port").contains("--kafka-port")
                .contains("--flink-ui-port");
    }

    @Test
    void runHelpSaysWhatItNeeds() {
        assertThat(cli.run("run", "--help")).isZero();
        assertThat(cli.out()).contains("TWITCH_CLIENT_ID").contains("streamscout auth").contains("--channels");
    }

    @Test
    void runWithoutCredentialsExitsNonZeroNamingTheVariable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("TWITCH_CLIENT_ID") == null,
                "TWITCH_CLIENT_ID is set in this environment");
        assertThat(cli.run("run", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("TWITCH_CLIENT_ID").contains("streamscout auth");
    }

    @Test
    void aBadOptionValueNamesTheOption() {
        assertThat(cli.run("demo", "--port", "abc")).isEqualTo(2);
        assertThat(cli.err()).contains("--port").contains("abc");
    }

    @Test
    void anUnknownCommandIsReported() {
        assertThat(cli.run("frobnicate")).isEqualTo(2);
        assertThat(cli.err()).contains("frobnicate");
    }

    @Test
    void anOutOfRangePortStopsBeforeAnythingStarts() {
        assertThat(cli.run("demo", "--port", "70000")).isEqualTo(2);
        assertThat(cli.err()).contains("70000").contains("http.port").contains("0 to 65535");
    }
}
