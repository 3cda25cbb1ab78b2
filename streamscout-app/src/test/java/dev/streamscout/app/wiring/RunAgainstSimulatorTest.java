package dev.streamscout.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.streamscout.app.config.ConfigException;
import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.RawConfig;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamscout run} is the demo without the simulator: point its Twitch endpoints at one. */
class RunAgainstSimulatorTest {

    @TempDir
    Path dataDir;

    private TwitchSimulator simulator;
    private AllInOne app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private Map<ConfigKey, String> localPorts() {
        Map<ConfigKey, String> overrides = WiringFixtures.onFreePorts(dataDir);
        overrides.put(ConfigKey.CHAT_TOPIC_PARTITIONS, "2");
        overrides.put(ConfigKey.LIFECYCLE_TOPIC_PARTITIONS, "2");
        return overrides;
    }

    @Test
    void runFollowsTheConfiguredEndpointsAndWorksWithoutATokenFile() throws Exception {
        simulator = new TwitchSimulator(SimulatorSettings.defaults().withScheduleHypeMoments(false)).start();
        Map<ConfigKey, String> overrides = localPorts();
        overrides.putAll(WiringFixtures.twitchAt(simulator));
        overrides.put(ConfigKey.TWITCH_TOKEN_FILE, dataDir.resolve("no-such-token-file.json").toString());
        overrides.put(ConfigKey.POLL_INTERVAL, "2");
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(null,
                Map.of("TWITCH_CLIENT_ID", "run-test", "TWITCH_CLIENT_SECRET", "run-test-secret"), overrides));

        app = AllInOne.startRun(config);

        assertThat(app.endpoints().simulator()).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> app.ingest().chatMessagesPublished() > 100);
        assertThat(app.ingest().joinedChannels()).hasSize(5);
        assertThat(simulator.joinedChannels()).hasSize(5);
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(app.endpoints().api() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    /** The production transports, trusting the simulator's certificate through a trust store file. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tls", "websocket"})
    void chatArrivesOverTheSecureTransports(String transport) throws Exception {
        simulator = new TwitchSimulator(SimulatorSettings.defaults().withScheduleHypeMoments(false)).start();
        Path trustStore = dataDir.resolve("simulator-trust.p12");
        try (var out = java.nio.file.Files.newOutputStream(trustStore)) {
            TwitchSimulator.trustStore().store(out, "trust-me".toCharArray());
        }
        Map<ConfigKey, String> overrides = localPorts();
        overrides.put(ConfigKey.TWITCH_HELIX_URL, simulator.helixBase().toString());
        overrides.put(ConfigKey.TWITCH_OAUTH_URL, simulator.oauthBase().toString());
        overrides.put(ConfigKey.TWITCH_IRC_TRANSPORT, transport);
        overrides.put(ConfigKey.TWITCH_IRC_HOST, "localhost");
        overrides.put(ConfigKey.TWITCH_IRC_PORT, Integer.toString(simulator.tlsPort()));
        overrides.put(ConfigKey.TWITCH_IRC_WEBSOCKET_URL, simulator.secureWebSocketUri().toString());
        overrides.put(ConfigKey.TWITCH_TLS_TRUSTSTORE, trustStore.toString());
        overrides.put(ConfigKey.TWITCH_TLS_TRUSTSTORE_PASSWORD, "trust-me");
        overrides.put(ConfigKey.TWITCH_TOKEN_FILE, dataDir.resolve("no-such-token-file.json").toString());
        overrides.put(ConfigKey.POLL_INTERVAL, "2");
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(null,
                Map.of("TWITCH_CLIENT_ID", "run-test", "TWITCH_CLIENT_SECRET", "run-test-secret"), overrides));

        app = AllInOne.startRun(config);

        await().atMost(Duration.ofSeconds(30)).until(() -> app.ingest().chatMessagesPublished() > 100);
        String wire = transport.equals("tls") ? "tls" : "wss";
        assertThat(simulator.ircConnectionsByTransport()).containsKey(wire);
    }

    @Test
    void aTrustStoreThatIsNotOneIsAConfigurationError() throws Exception {
        Path bogus = dataDir.resolve("bogus.p12");
        java.nio.file.Files.writeString(bogus, "not a key store");
        Map<ConfigKey, String> overrides = localPorts();
        overrides.put(ConfigKey.TWITCH_TLS_TRUSTSTORE, bogus.toString());
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(null,
                Map.of("TWITCH_CLIENT_ID", "abc", "TWITCH_CLIENT_SECRET", "def"), overrides));

        assertThatThrownBy(() -> AllInOne.startRun(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("twitch.tls.truststore")
                .hasMessageContaining(bogus.toString());
    }

    @Test
    void runWithoutCredentialsNamesTheVariableAndTheFix() {
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(null, Map.of(), localPorts()));

        assertThatThrownBy(() -> AllInOne.startRun(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TWITCH_CLIENT_ID")
                .hasMessageContaining("streamscout auth");
    }

    @Test
    void anUnusableTokenFileStopsTheStartNamingTheFix() throws Exception {
        Path tokenFile = dataDir.resolve("twitch_user_tokens.json");
        java.nio.file.Files.writeString(tokenFile, "{not json");
        Map<ConfigKey, String> overrides = localPorts();
        overrides.put(ConfigKey.TWITCH_TOKEN_FILE, tokenFile.toString());
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(null,
                Map.of("TWITCH_CLIENT_ID", "abc", "TWITCH_CLIENT_SECRET", "def"), overrides));

        assertThatThrownBy(() -> AllInOne.startRun(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("streamscout auth");
    }

    @Test
    void runWithoutTheSecretNamesIt() {
        StreamScoutConfig config = StreamScoutConfig.from(
                RawConfig.load(null, Map.of("TWITCH_CLIENT_ID", "abc"), localPorts()));

        assertThatThrownBy(() -> AllInOne.startRun(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TWITCH_CLIENT_SECRET");
    }
}
