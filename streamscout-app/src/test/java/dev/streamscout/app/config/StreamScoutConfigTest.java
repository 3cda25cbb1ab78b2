package dev.streamscout.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamScoutConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsMatchTheSeeds() {
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.defaults());

        assertThat(config.httpPort()).isEqualTo(5000);
        assertThat(config.joinThreshold()).isEqualTo(5);
        assertThat(config.leaveThreshold()).isEqualTo(10);
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.chatTopic()).isEqualTo("chat-messages");
        assertThat(config.chatTopicPartitions()).isEqualTo(20);
        assertThat(config.lifecycleTopic()).isEqualTo("stream-lifecycle");
        assertThat(config.detectorCooldown()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.detectorProfile()).isEqualTo("default");
        assertThat(config.detectorThreshold()).isEqualTo(2.5);
        assertThat(config.detectorWarmup()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.twitchTokenFile()).isEqualTo(Path.of("./secrets/twitch_user_tokens.json"));
        assertThat(config.kafkaBootstrapServers()).isEmpty();
        assertThat(config.postgresUrl()).isEmpty();
    }

    @Test
    void laterSourcesWin() throws Exception {
        Path file = dir.resolve("streamscout.properties");
        Files.writeString(file, "http.port=6000\nmonitor.join.threshold=3\nmonitor.leave.threshold=8\n");

        RawConfig raw = RawConfig.load(file,
                Map.of("JOIN_THRESHOLD", "4", "KAFKA_BROKER_URL", "broker:9092"),
                Map.of(ConfigKey.HTTP_PORT, "7000"));
        StreamScoutConfig config = StreamScoutConfig.from(raw);

        assertThat(config.httpPort()).isEqualTo(7000);
        assertThat(config.joinThreshold()).isEqualTo(4);
        assertThat(config.leaveThreshold()).isEqualTo(8);
        assertThat(config.kafkaBootstrapServers()).contains("broker:9092");
        assertThat(raw.origin(ConfigKey.JOIN_THRESHOLD)).isEqualTo("environment variable JOIN_THRESHOLD");
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndItsSource() {
        RawConfig raw = RawConfig.load(null, Map.of("HTTP_PORT", "abc"), Map.of());

        assertThatThrownBy(() -> StreamScoutConfig.from(raw))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'abc'")
                .hasMessageContaining("http.port")
                .hasMessageContaining("HTTP_PORT")
                .hasMessageContaining("0 to 65535");
    }

    @Test
    void theDetectorProfileIsDefaultOrSeed() {
        assertThat(StreamScoutConfig.from(RawConfig.load(null, Map.of(), Map.of(ConfigKey.DETECTOR_PROFILE, " Seed ")))
                .detectorProfile()).isEqualTo("seed");
        assertThatThrownBy(() -> StreamScoutConfig.from(
                        RawConfig.load(null, Map.of(), Map.of(ConfigKey.DETECTOR_PROFILE, "fancy"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'fancy'")
                .hasMessageContaining("detector.profile")
                .hasMessageContaining("expected default or seed");
    }

    @Test
    void leaveThresholdBelowJoinThresholdIsRejected() {
        RawConfig raw = RawConfig.load(null, Map.of("JOIN_THRESHOLD", "10", "LEAVE_THRESHOLD", "5"), Map.of());

        assertThatThrownBy(() -> StreamScoutConfig.from(raw))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LEAVE_THRESHOLD (5");
    }

    @Test
    void durationsAcceptIsoAndSeconds() {
        assertThat(StreamScoutConfig.from(RawConfig.load(null, Map.of(), Map.of(ConfigKey.POLL_INTERVAL, "5")))
                .pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(StreamScoutConfig.from(RawConfig.load(null, Map.of(), Map.of(ConfigKey.POLL_INTERVAL, "PT2M")))
                .pollInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> StreamScoutConfig.from(
                        RawConfig.load(null, Map.of(), Map.of(ConfigKey.POLL_INTERVAL, "soon"))))
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void theOutOfOrdernessBoundIsOneSecondByDefaultAndAtMostAMinute() {
        assertThat(StreamScoutConfig.from(RawConfig.defaults()).jobOutOfOrderness()).isEqualTo(Duration.ofSeconds(1));
        assertThat(outOfOrderness("2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThat(outOfOrderness("0")).isZero();
        assertThat(outOfOrderness("PT60S")).isEqualTo(Duration.ofMinutes(1));
        assertThat(StreamScoutConfig.from(RawConfig.load(null, Map.of("STREAMSCOUT_JOB_OUT_OF_ORDERNESS", "PT2S"),
                Map.of())).jobOutOfOrderness()).isEqualTo(Duration.ofSeconds(2));

        assertThatThrownBy(() -> outOfOrderness("PT-1S"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'PT-1S'")
                .hasMessageContaining("job.out-of-orderness")
                .hasMessageContaining("at least 0 ms");
        assertThatThrownBy(() -> outOfOrderness("PT60M"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'PT60M'")
                .hasMessageContaining("job.out-of-orderness")
                .hasMessageContaining("command-line option")
                .hasMessageContaining("at most 60 s");
    }

    private static Duration outOfOrderness(String value) {
        return StreamScoutConfig.from(RawConfig.load(null, Map.of(), Map.of(ConfigKey.JOB_OUT_OF_ORDERNESS, value)))
                .jobOutOfOrderness();
    }

    @Test
    void unknownKeyInAFileIsAnErrorNotSilentlyIgnored() throws Exception {
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "http.prot=6000\n");

        assertThatThrownBy(() -> RawConfig.load(file, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.prot");
    }

    @Test
    void missingConfigFileIsAnError() {
        assertThatThrownBy(() -> RawConfig.load(dir.resolve("nope.properties"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void secretsAreMaskedInToString() {
        RawConfig raw = RawConfig.load(null, Map.of("TWITCH_CLIENT_SECRET", "supersecretvalue",
                "POSTGRES_URL", "postgresql://app:hunter2@db:5432/twitch"), Map.of());

        String text = StreamScoutConfig.from(raw).toString();

        assertThat(text).contains("supe…").doesNotContain("supersecretvalue").doesNotContain("hunter2");
    }

    @Test
    void everyKeyIsDocumented() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (ConfigKey key : ConfigKey.values()) {
            String row = docs.lines().filter(l -> l.startsWith("| `" + key.key() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/configuration.md has no row for " + key.key()));
            String documentedDefault = key.defaultValue().isEmpty() ? "(empty)" : key.defaultValue();
            assertThat(row).as("row of " + key.key())
                    .contains("| " + key.type() + " |")
                    .contains("`" + documentedDefault + "`");
            for (String env : key.envVars()) {
                assertThat(row).contains("`" + env + "`");
            }
        }
    }
}
