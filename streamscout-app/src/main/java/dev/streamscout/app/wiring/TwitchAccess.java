package dev.streamscout.app.wiring;

import dev.streamscout.app.config.ConfigException;
import dev.streamscout.app.config.IrcTransportKind;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.sim.TwitchSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where and as whom StreamScout talks to Twitch: the real service (from configuration) or the
 * simulator (in the demo and in tests).
 *
 * @param helixBase    Helix base URL
 * @param oauthBase    OAuth base URL
 * @param ircTransport how chat is reached
 * @param ircHost      chat host (tls and tcp)
 * @param ircPort      chat port (tls and tcp)
 * @param ircWebSocket chat WebSocket URL (websocket)
 * @param clientId     application client id
 * @param clientSecret application client secret
 * @param userTokens   the user token file, present only when it exists (clips need it)
 * @param ircTrust     trust for TLS chat, or null for the JVM's certificate authorities
 */
public record TwitchAccess(
        URI helixBase,
        URI oauthBase,
        IrcTransportKind ircTransport,
        String ircHost,
        int ircPort,
        URI ircWebSocket,
        String clientId,
        String clientSecret,
        Optional<Path> userTokens,
        SSLContext ircTrust) {

    /**
     * The simulator, reached the way Twitch is by default (chat over TLS, trusting the simulator's own
     * certificate), with a token file the demo obtained from it.
     */
    static TwitchAccess simulator(TwitchSimulator simulator, String clientId, String clientSecret, Path tokenFile) {
        return new TwitchAccess(simulator.helixBase(), simulator.oauthBase(), IrcTransportKind.TLS,
                simulator.host(), simulator.tlsPort(), simulator.secureWebSocketUri(), clientId, clientSecret,
                Optional.of(tokenFile), TwitchSimulator.clientTrustContext());
    }

    /**
     * Real Twitch as configured. Client id and secret are required (Get Streams needs an app token);
     * the user token file is optional: without it, moments are stored without clips.
     */
    public static TwitchAccess fromConfig(StreamScoutConfig config) {
        if (config.twitchClientId().isBlank()) {
            throw new ConfigException("TWITCH_CLIENT_ID is not set: StreamScout needs a Twitch application to list"
                    + " live streams. Register one at https://dev.twitch.tv/console, export TWITCH_CLIENT_ID and"
                    + " TWITCH_CLIENT_SECRET, then run 'streamscout auth' to create the token file for clips"
                    + " (or try 'streamscout demo', which needs no account)");
        }
        if (config.twitchClientSecret().isBlank()) {
            throw new ConfigException("TWITCH_CLIENT_SECRET is not set: export the client secret of the Twitch"
                    + " application whose id is in TWITCH_CLIENT_ID (see 'streamscout auth --help')");
        }
        Path tokens = config.twitchTokenFile();
        return new TwitchAccess(URI.create(config.twitchHelixUrl()), URI.create(config.twitchOauthUrl()),
                config.twitchIrcTransport(), config.twitchIrcHost(), config.twitchIrcPort(),
                URI.create(config.twitchIrcWebsocketUrl()), config.twitchClientId(), config.twitchClientSecret(),
                Files.isRegularFile(tokens) ? Optional.of(tokens) : Optional.empty(),
                config.twitchTlsTruststore().map(file -> trust(file, config.twitchTlsTruststorePassword())).orElse(null));
    }

    /** An SSL context trusting exactly the certificates in a PKCS12 (or JKS) trust store file. */
    static SSLContext trust(Path file, String password) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, secret);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("cannot use " + file + " as twitch.tls.truststore: " + e.getMessage()
                    + " (expected a PKCS12 trust store; check the file and twitch.tls.truststore.password)");
        }
    }
}
