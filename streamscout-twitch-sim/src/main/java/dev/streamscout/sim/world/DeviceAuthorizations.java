package dev.streamscout.sim.world;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The device authorization grant (RFC 8628) as id.twitch.tv runs it: a device asks for a code,
 * shows the user a short {@code user_code}, and polls the token endpoint until the user approves
 * on the activation page. Polling faster than {@code interval} answers {@code slow_down}.
 *
 * <p>Pacing is measured on the monotonic clock, because the client really sleeps between polls;
 * expiry uses the simulator's clock like every other token lifetime.
 */
public final class DeviceAuthorizations {

    /** What one token poll comes to. */
    public enum PollOutcome { PENDING, SLOW_DOWN, APPROVED, DENIED, INVALID }

    /** A started authorization, as {@code POST /oauth2/device} returns it. */
    public record Started(String deviceCode, String userCode, long expiresInSeconds, int intervalSeconds) {}

    /** The result of a poll; {@code scopes} is set when approved. */
    public record Poll(PollOutcome outcome, String clientId, List<String> scopes) {}

    /** Polls this much early still count as on time: clients sleeping a whole interval can jitter. */
    private static final long PACING_TOLERANCE_NANOS = Duration.ofMillis(100).toNanos();
    /** Twitch's user codes are eight upper-case letters; no vowels here, so no words appear by accident. */
    private static final String USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    private static final String DEVICE_CODE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private enum State { WAITING, APPROVED, DENIED }

    private static final class Device {
        final String deviceCode;
        final String userCode;
        final String clientId;
        final List<String> scopes;
        final Instant expiresAt;
        State state = State.WAITING;
        long lastPollNanos;
        boolean polled;
        int pendingAnswers;

        Device(String deviceCode, String userCode, String clientId, List<String> scopes, Instant expiresAt) {
            this.deviceCode = deviceCode;
            this.userCode = userCode;
            this.clientId = clientId;
            this.scopes = scopes;
            this.expiresAt = expiresAt;
        }
    }

    private final Clock clock;
    private final Duration lifetime;
    private final int intervalSeconds;
    private final int autoApproveAfterPolls;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Device> byDeviceCode = new ConcurrentHashMap<>();
    private final Map<String, Device> byUserCode = new ConcurrentHashMap<>();

    /**
     * @param autoApproveAfterPolls when positive, the user approves right after the N-th
     *                              {@code authorization_pending} answer, so poll N+1 gets the tokens
     */
    public DeviceAuthorizations(Clock clock, Duration lifetime, int intervalSeconds, int autoApproveAfterPolls) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.intervalSeconds = intervalSeconds;
        this.autoApproveAfterPolls = autoApproveAfterPolls;
    }

    public Started start(String clientId, List<String> scopes) {
        String deviceCode = randomString(DEVICE_CODE_ALPHABET, 40);
        String userCode;
        Device device;
        do {
            userCode = randomString(USER_CODE_ALPHABET, 8);
            device = new Device(deviceCode, userCode, clientId, List.copyOf(scopes), clock.instant().plus(lifetime));
        } while (byUserCode.putIfAbsent(userCode, device) != null);
        byDeviceCode.put(deviceCode, device);
        return new Started(deviceCode, userCode, lifetime.getSeconds(), intervalSeconds);
    }

    /**
     * One token request. An approved code is redeemed once; unknown, expired, redeemed codes and
     * codes of another client are {@link PollOutcome#INVALID}.
     */
    public Poll poll(String clientId, String deviceCode) {
        Device device = deviceCode == null ? null : byDeviceCode.get(deviceCode);
        if (device == null || !device.clientId.equals(clientId)) {
            return new Poll(PollOutcome.INVALID, clientId, List.of());
        }
        synchronized (device) {
            if (!clock.instant().isBefore(device.expiresAt)) {
                forget(device);
                return new Poll(PollOutcome.INVALID, clientId, List.of());
            }
            long now = System.nanoTime();
            boolean tooSoon = device.polled
                    && now - device.lastPollNanos < Duration.ofSeconds(intervalSeconds).toNanos() - PACING_TOLERANCE_NANOS;
            device.polled = true;
            device.lastPollNanos = now;
            if (tooSoon) {
                return new Poll(PollOutcome.SLOW_DOWN, clientId, List.of());
            }
            switch (device.state) {
                case APPROVED -> {
                    forget(device);
                    return new Poll(PollOutcome.APPROVED, clientId, device.scopes);
                }
                case DENIED -> {
                    forget(device);
                    return new Poll(PollOutcome.DENIED, clientId, List.of());
                }
                default -> {
                    device.pendingAnswers++;
                    if (autoApproveAfterPolls > 0 && device.pendingAnswers >= autoApproveAfterPolls) {
                        device.state = State.APPROVED;
                    }
                    return new Poll(PollOutcome.PENDING, clientId, List.of());
                }
            }
        }
    }

    /** The user enters the code and clicks "Authorize"; false if no such pending code. */
    public boolean approve(String userCode) {
        return decide(userCode, State.APPROVED);
    }

    /** The user clicks "Cancel"; the next poll answers {@code access_denied}. */
    public boolean deny(String userCode) {
        return decide(userCode, State.DENIED);
    }

    /** User codes started and not yet redeemed, expired or denied-and-polled. */
    public List<String> pendingUserCodes() {
        return byUserCode.values().stream().filter(d -> d.state == State.WAITING).map(d -> d.userCode).sorted().toList();
    }

    private boolean decide(String userCode, State decision) {
        Device device = userCode == null ? null : byUserCode.get(userCode.strip().replace("-", "").toUpperCase(Locale.ROOT));
        if (device == null) {
            return false;
        }
        synchronized (device) {
            if (device.state != State.WAITING || !clock.instant().isBefore(device.expiresAt)) {
                return false;
            }
            device.state = decision;
            return true;
        }
    }

    private void forget(Device device) {
        byDeviceCode.remove(device.deviceCode);
        byUserCode.remove(device.userCode);
    }

    private String randomString(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
