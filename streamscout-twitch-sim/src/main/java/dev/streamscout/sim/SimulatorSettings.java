package dev.streamscout.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything that shapes one {@link TwitchSimulator}. Start from {@link #defaults()} and override
 * single values with the {@code with...} methods.
 *
 * @param seed                    seed of every random choice: the same seed gives the same world,
 *                                chatters and scripted moments
 * @param channels                number of synthetic live channels
 * @param ircPort                 IRC (plain TCP) port on 127.0.0.1; 0 picks a free port
 * @param httpPort                Helix/OAuth/sim HTTP port on 127.0.0.1; 0 picks a free port
 * @param totalChatRatePerSecond  chat messages per second summed over all channels outside hype
 *                                moments; each channel gets a share proportional to its viewers
 * @param scheduleHypeMoments     whether the simulator scripts hype moments by itself
 * @param firstHypeAfter          delay from {@code start()} to the first self-scripted moment
 * @param hypeEvery               mean gap between self-scripted moments (each gap varies by ±20 %)
 * @param clock                   source of "now" for timestamps, stream times and hype moments
 * @param clipDelay               how long a created clip stays invisible to Get Clips
 * @param serverPingInterval      how often the IRC server sends {@code PING :tmi.twitch.tv}; a
 *                                connection that has not answered the previous one is closed
 * @param acceptAnyToken          accept any non-empty token (and OAuth code) instead of only those
 *                                this simulator issued
 * @param viewerDriftInterval     how often viewer counts take a random-walk step
 * @param helixRateLimitPerMinute Helix bucket size (points per minute per client and token)
 * @param accessTokenLifetime     {@code expires_in} of issued user tokens; expired tokens are
 *                                rejected unless {@code acceptAnyToken}
 */
public record SimulatorSettings(
        long seed,
        int channels,
        int ircPort,
        int httpPort,
        double totalChatRatePerSecond,
        boolean scheduleHypeMoments,
        Duration firstHypeAfter,
        Duration hypeEvery,
        Clock clock,
        Duration clipDelay,
        Duration serverPingInterval,
        boolean acceptAnyToken,
        Duration viewerDriftInterval,
        int helixRateLimitPerMinute,
        Duration accessTokenLifetime) {

    /** Upper bound on channels: the name generator and Get Streams paging are sized for it. */
    public static final int MAX_CHANNELS = 1000;

    public SimulatorSettings {
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1.." + MAX_CHANNELS + ": " + channels);
        }
        checkPort("ircPort", ircPort);
        checkPort("httpPort", httpPort);
        if (!(totalChatRatePerSecond >= 0) || Double.isInfinite(totalChatRatePerSecond)) {
            throw new IllegalArgumentException("totalChatRatePerSecond must be >= 0: " + totalChatRatePerSecond);
        }
        checkNotNegative("firstHypeAfter", firstHypeAfter);
        checkPositive("hypeEvery", hypeEvery);
        Objects.requireNonNull(clock, "clock");
        checkNotNegative("clipDelay", clipDelay);
        checkPositive("serverPingInterval", serverPingInterval);
        checkPositive("viewerDriftInterval", viewerDriftInterval);
        if (helixRateLimitPerMinute < 1) {
            throw new IllegalArgumentException("helixRateLimitPerMinute must be >= 1: " + helixRateLimitPerMinute);
        }
        checkPositive("accessTokenLifetime", accessTokenLifetime);
    }

    /** Twenty channels, ~60 messages/s in total, a scripted moment every 60-90 s from 30 s on. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(
                42L, 20, 0, 0, 60.0, true,
                Duration.ofSeconds(30), Duration.ofSeconds(75),
                Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofMinutes(5), true,
                Duration.ofSeconds(10), 800, Duration.ofHours(4));
    }

    public SimulatorSettings withSeed(long value) {
        return new SimulatorSettings(value, channels, ircPort, httpPort, totalChatRatePerSecond,
                scheduleHypeMoments, firstHypeAfter, hypeEvery, clock, clipDelay, serverPingInterval,
                acceptAnyToken, viewerDriftInterval, helixRateLimitPerMinute, accessTokenLifetime);
    }

    public SimulatorSettings withChannels(int value) {
        return new SimulatorSettings(seed, value, ircPort, httpPort, totalChatRatePerSecond,
                scheduleHypeMoments, firstHypeAfter, hypeEvery, clock, clipDelay, serverPingInterval,
                acceptAnyToken, viewerDriftInterval, helixRateLimitPerMinute, accessTokenLifetime);
    }

    public SimulatorSettings withIrcPort(int value) {
        return new SimulatorSettings(seed, channels, value, httpPort, totalChatRatePerSecond,
                scheduleHypeMoments, firstHypeAfter, hypeEvery, clock, clipDelay, serverPingInterval,
                acceptAnyToken, viewerDriftInterval, helixRateLimitPerMinute, accessTokenLifetime);
    }

    public SimulatorSettings withHttpPort(int value) {
        return new SimulatorSettings(seed, channels, ircPort, value, totalChatRatePerSecond,
                scheduleHypeMoments, firstHypeAfter, hypeEvery, clock, clipDelay, serverPingInterval,
                acceptAnyToken, viewerDriftInterval, helixRateLimitPerMinute, accessTokenLifetime);
    }

    public SimulatorSettings withTotalChatRatePerSecond(double value) {
        return new SimulatorSettings(seed, channels, ircPort, httpPort, value,
                scheduleHypeMoments, firstHypeAfter, hypeEvery, clock, clipDelay, serverPingInterval,
                acceptAnyToken, viewerDriftInterval, helixRateLimitPerMinute, accessTokenLifetime);
    }

    public SimulatorSettings withScheduleHypeMoments(boolean value) {
        return new SimulatorSettings(seed, channels, ircPort, httpPort, totalChatRatePerSecond,
                value, firstHypeAfter, hypeEvery, clock, clipDelay, serverPingInterval,
                acceptAnyToken, viewerDriftInterval, helixRateLimitPerMinute, accessTokenLifetime);
    }

    public SimulatorSettings withFirstHypeAfter(Duration value) {
        return new SimulatorSettings(seed, channels, ircPort, httpPort, totalChatRatePerSecond,
                scheduleHypeMoments, value, hypeEvery, clock, clipDelay, serverPingInterval,
                acceptAnyToken, viewerDriftInterval, helixRateLimitPerMinute, accessTokenLifetime);
    }

    public SimulatorSettings withHypeEvery(Duration value) {
        return new SimulatorSettings(seed, channels, ircPort, httpPort, totalChatRatePerSecond,
                scheduleHypeMoments, firstHypeAfter, value, clock, clipDelay, serverPingInterval,
                acceptAnyToken, viewerDriftInterval, helixRateLimitPerMinute, accessTokenLifetime);
    }

    public SimulatorSettings withClock(Clock value) {
        return new SimulatorSettings(seed, channels, ircPort, httpPort, totalChatRatePerSecond,
                scheduleHypeMoments, firstHypeAfter, hypeEvery, value, clipDelay, serverPingInterval,
                acceptAnyToken, viewerDriftInterval, helixRateLimitPerMinute, accessTokenLifetime);
    }

    public SimulatorSettings withClipDelay(Duration value) {
        return new SimulatorSettings(seed, channels, ircPort, httpPort, totalChatRatePerSecond,
                scheduleHypeMoments, firstHypeAfter, hypeEvery, clock, value, serverPingInterval,
                acceptAnyToken, viewerDriftInterval, helixRateLimitPerMinute, accessTokenLifetime);
    }

    public SimulatorSettings withServerPingInterval(Duration value) {
        return new SimulatorSettings(seed, channels, ircPort, httpPort, totalChatRatePerSecond,
                scheduleHypeMoments, firstHypeAfter, hypeEvery, clock, clipDelay, value,
                acceptAnyToken, viewerDriftInterval, helixRateLimitPerMinute, accessTokenLifetime);
    }

    public SimulatorSettings withAcceptAnyToken(boolean value) {
        return new SimulatorSettings(seed, channels, ircPort, httpPort, totalChatRatePerSecond,
                scheduleHypeMoments, firstHypeAfter, hypeEvery, clock, clipDelay, serverPingInterval,
                value, viewerDriftInterval, helixRateLimitPerMinute, accessTokenLifetime);
    }

    public SimulatorSettings withViewerDriftInterval(Duration value) {
        return new SimulatorSettings(seed, channels, ircPort, httpPort, totalChatRatePerSecond,
                scheduleHypeMoments, firstHypeAfter, hypeEvery, clock, clipDelay, serverPingInterval,
                acceptAnyToken, value, helixRateLimitPerMinute, accessTokenLifetime);
    }

    public SimulatorSettings withHelixRateLimitPerMinute(int value) {
        return new SimulatorSettings(seed, channels, ircPort, httpPort, totalChatRatePerSecond,
                scheduleHypeMoments, firstHypeAfter, hypeEvery, clock, clipDelay, serverPingInterval,
                acceptAnyToken, viewerDriftInterval, value, accessTokenLifetime);
    }

    public SimulatorSettings withAccessTokenLifetime(Duration value) {
        return new SimulatorSettings(seed, channels, ircPort, httpPort, totalChatRatePerSecond,
                scheduleHypeMoments, firstHypeAfter, hypeEvery, clock, clipDelay, serverPingInterval,
                acceptAnyToken, viewerDriftInterval, helixRateLimitPerMinute, value);
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0..65535: " + port);
        }
    }

    private static void checkNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    private static void checkPositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
