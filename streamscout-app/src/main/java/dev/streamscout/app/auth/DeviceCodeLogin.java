package dev.streamscout.app.auth;

import dev.streamscout.twitch.auth.DeviceAuthorization;
import dev.streamscout.twitch.auth.DevicePoll;
import dev.streamscout.twitch.auth.OAuthClient;
import dev.streamscout.twitch.auth.TokenGrant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device code grant (RFC 8628) for machines without a browser: {@link #begin()} asks Twitch
 * for a user code to show, {@link #await(DeviceAuthorization, Duration)} polls the token endpoint
 * every {@code interval} seconds until the user has approved it, adding 5 s to the interval at
 * each {@code slow_down}, and stops with a clear error when the user refuses or the code expires.
 */
public final class DeviceCodeLogin {

    /** RFC 8628 section 3.5: "the interval MUST be increased by 5 seconds" on {@code slow_down}. */
    public static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    /** How the poll loop waits; tests pass one that records the waits. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeviceCodeLogin.class);

    private final OAuthClient oauth;
    private final List<String> scopes;
    private final Clock clock;
    private final Sleeper sleeper;

    public DeviceCodeLogin(OAuthClient oauth, List<String> scopes, Clock clock, Sleeper sleeper) {
        this.oauth = Objects.requireNonNull(oauth, "oauth");
        this.scopes = List.copyOf(scopes);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** On the system clock, sleeping for real. */
    public DeviceCodeLogin(OAuthClient oauth, List<String> scopes) {
        this(oauth, scopes, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    /** {@code POST /oauth2/device}: the code and page to show the user. */
    public DeviceAuthorization begin() {
        return oauth.startDeviceAuthorization(scopes);
    }

    /**
     * Polls until the user approves, refuses, or the code or {@code timeout} runs out.
     *
     * @throws AuthorizationFailedException when the user refused or the code expired
     * @throws TimeoutException when {@code timeout} passed first
     */
    public TokenGrant await(DeviceAuthorization device, Duration timeout) throws TimeoutException, InterruptedException {
        Instant start = clock.instant();
        Instant codeExpiry = start.plusSeconds(device.expiresInSeconds());
        Instant deadline = start.plus(timeout).isBefore(codeExpiry) ? start.plus(timeout) : codeExpiry;
        Duration interval = Duration.ofSeconds(Math.max(1, device.intervalSeconds()));
        int polls = 0;
        while (true) {
            if (clock.instant().plus(interval).isAfter(deadline)) {
                if (deadline.equals(codeExpiry)) {
                    throw new AuthorizationFailedException("the device code expired before it was approved at "
                            + device.verificationUri() + "; run `streamscout auth --headless` again");
                }
                throw new TimeoutException("nobody approved code " + device.userCode() + " at "
                        + device.verificationUri() + " within " + timeout.toSeconds() + " s");
            }
            sleeper.sleep(interval);
            DevicePoll poll = oauth.pollDeviceToken(device.deviceCode(), scopes);
            polls++;
            switch (poll.outcome()) {
                case GRANTED -> {
                    LOG.debug("device code approved after {} poll(s)", polls);
                    return poll.grant();
                }
                case PENDING -> LOG.debug("device code {} not approved yet", device.userCode());
                case SLOW_DOWN -> {
                    interval = interval.plus(SLOW_DOWN_STEP);
                    LOG.info("Twitch asks to poll more slowly; polling every {} s now", interval.toSeconds());
                }
                case DENIED -> throw new AuthorizationFailedException("the user refused access at "
                        + device.verificationUri() + " (" + poll.message() + "); run `streamscout auth --headless`"
                        + " again and choose Authorize");
                case EXPIRED -> throw new AuthorizationFailedException("the device code expired or is unknown ("
                        + poll.message() + "); run `streamscout auth --headless` again");
                default -> throw new IllegalStateException("unexpected poll outcome " + poll.outcome());
            }
        }
    }
}
