package dev.streamscout.app.cli;

import dev.streamscout.app.auth.AuthorizationCodeLogin;
import dev.streamscout.app.auth.AuthorizationFailedException;
import dev.streamscout.app.auth.DeviceCodeLogin;
import dev.streamscout.app.auth.TokenFileSeeder;
import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.RawConfig;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.twitch.auth.DeviceAuthorization;
import dev.streamscout.twitch.auth.OAuthClient;
import dev.streamscout.twitch.auth.TokenGrant;
import dev.streamscout.twitch.auth.TokenRequestException;
import dev.streamscout.twitch.auth.TokenValidation;
import dev.streamscout.twitch.auth.UserTokenManager;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code streamscout auth}: creates the user token file ({@code TWITCH_TOKEN_FILE}) that ingest and
 * the clip maker use, with the scopes {@code chat:read clips:edit}; by the authorization-code flow
 * through a local web server, or with {@code --headless} by the device code grant.
 */
@Command(
        name = "auth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Signs in to Twitch once and writes the user token file that clips need.",
        description = {
            "Authorizes StreamScout on a Twitch account (scopes chat:read and clips:edit) and writes "
                    + "the user token file that clipping needs (TWITCH_TOKEN_FILE, default "
                    + "./secrets/twitch_user_tokens.json; private to its owner, refreshed automatically later).",
            "",
            "Needs TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET of a Twitch application whose OAuth "
                    + "redirect URL is http://localhost:3000/auth/callback (or the --port you choose). By default"
                    + " it serves http://localhost:3000/auth: open it in a browser and authorize. With --headless"
                    + " (no browser on this machine) it prints a code to enter at twitch.tv/activate from any "
                    + "device instead.",
            ""
        })
public final class AuthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--headless",
            description = "Use the device code grant: print a code to enter on another device, no local server.")
    boolean headless;

    @Option(names = "--port", paramLabel = "N", defaultValue = "3000",
            description = "Port of the local server for the browser flow (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Where to write the tokens (default: TWITCH_TOKEN_FILE or ./secrets/twitch_user_tokens.json).")
    Path tokenFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Give up when the authorization is not done within this time (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with settings (default: ./streamscout.properties if present).")
    Path configFile;

    private final Map<String, String> env;

    public AuthCommand() {
        this(System.getenv());
    }

    /** With an explicit environment, for tests. */
    public AuthCommand(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        if (tokenFile != null) {
            overrides.put(ConfigKey.TWITCH_TOKEN_FILE, tokenFile.toString());
        }
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(configFile, env, overrides));
        Logging.setLevel(config.logLevel());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        String missing = config.twitchClientId().isBlank() ? "TWITCH_CLIENT_ID"
                : config.twitchClientSecret().isBlank() ? "TWITCH_CLIENT_SECRET" : null;
        if (missing != null) {
            err.println("streamscout: " + missing + " is not set: export " + missing + " (from your application at "
                    + "https://dev.twitch.tv/console/apps, or twitch." + (missing.endsWith("ID") ? "client.id" : "client.secret")
                    + " in the configuration file) and run `streamscout auth` again");
            return 2;
        }
        if (timeoutSeconds < 1) {
            err.println("streamscout: --timeout must be at least 1 second: " + timeoutSeconds);
            return 2;
        }
        OAuthClient oauth = new OAuthClient(URI.create(config.twitchOauthUrl()), config.twitchClientId(),
                config.twitchClientSecret(), HttpClient.newBuilder().connectTimeout(OAuthClient.DEFAULT_REQUEST_TIMEOUT).build());
        Path file = config.twitchTokenFile();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try {
            TokenValidation validation = headless ? deviceFlow(oauth, file, timeout, out) : browserFlow(oauth, file, timeout, out);
            out.println("Authorized as " + validation.login() + " with scopes " + validation.scopes() + ".");
            out.println("Token file written: " + file.toAbsolutePath().normalize() + " (readable by you only).");
            if (!validation.hasScope(UserTokenManager.CLIPS_SCOPE)) {
                err.println("streamscout: warning: the token lacks " + UserTokenManager.CLIPS_SCOPE + "; clips cannot be "
                        + "created with it");
            }
            out.flush();
            return 0;
        } catch (TimeoutException e) {
            err.println("streamscout: auth gave up: " + e.getMessage() + "; run `streamscout auth` again (or raise --timeout)");
            return 1;
        } catch (AuthorizationFailedException | TokenRequestException | UncheckedIOException e) {
            err.println("streamscout: auth failed: " + e.getMessage());
            return 1;
        }
    }

    private TokenValidation browserFlow(OAuthClient oauth, Path file, Duration timeout, PrintWriter out)
            throws TimeoutException, InterruptedException {
        try (AuthorizationCodeLogin login = AuthorizationCodeLogin.start(oauth, file, UserTokenManager.SCOPES,
                Clock.systemUTC(), port)) {
            out.println("Open this page in a browser on this machine and authorize StreamScout on Twitch:");
            out.println();
            out.println("    " + login.startUri());
            out.println();
            out.println("(The Twitch application must list " + login.redirectUri() + " as an OAuth redirect URL.)");
            out.println("Waiting up to " + timeout.toSeconds() + " s... (Ctrl-C to stop; no browser here? use --headless)");
            out.flush();
            return login.await(timeout);
        }
    }

    private TokenValidation deviceFlow(OAuthClient oauth, Path file, Duration timeout, PrintWriter out)
            throws TimeoutException, InterruptedException {
        DeviceCodeLogin login = new DeviceCodeLogin(oauth, UserTokenManager.SCOPES);
        DeviceAuthorization device = login.begin();
        out.println("On any device, open");
        out.println();
        out.println("    " + device.verificationUri());
        out.println();
        out.println("and enter the code  " + device.userCode() + "  (valid for " + device.expiresInSeconds() / 60
                + " minutes), then authorize StreamScout.");
        out.println("Waiting... (Ctrl-C to stop)");
        out.flush();
        TokenGrant grant = login.await(device, timeout);
        return TokenFileSeeder.save(oauth, grant, file, Clock.systemUTC());
    }
}
