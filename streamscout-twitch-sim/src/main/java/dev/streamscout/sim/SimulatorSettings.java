package dev.streamscout.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything that shapes one {@link TwitchSimulator}. Start from {@link #defaults()} and override
 * single values with the {@code with...} methods; every instance is immutable and validated.
 *
 * <p>A class rather than a record: with two dozen settings, positional constructors and
 * hand-written copies of every component in each {@code with} method stopped being readable.
 */
public final class SimulatorSettings {

    /** Upper bound on channels: the name generator and Get Streams paging are sized for it. */
    public static final int MAX_CHANNELS = 1000;

    /** Mutable scratch copy used only while building the next immutable instance. */
    private static final class Values implements Cloneable {
        long seed = 42L;
        int channels = 20;
        int ircPort;
        int ircTlsPort;
        int webSocketPort;
        int webSocketTlsPort;
        int httpPort;
        double totalChatRatePerSecond = 60.0;
        boolean scheduleHypeMoments = true;
        Duration firstHypeAfter = Duration.ofSeconds(30);
        Duration hypeEvery = Duration.ofSeconds(75);
        Clock clock = Clock.systemUTC();
        Duration clipDelay = Duration.ofSeconds(1);
        Duration serverPingInterval = Duration.ofMinutes(5);
        boolean acceptAnyToken = true;
        Duration viewerDriftInterval = Duration.ofSeconds(10);
        int helixRateLimitPerMinute = 800;
        Duration accessTokenLifetime = Duration.ofHours(4);
        int deviceCodeIntervalSeconds = 5;
        Duration deviceCodeLifetime = Duration.ofMinutes(30);
        int deviceAutoApproveAfterPolls;
        double chatEventShare = 0.004;
        int joinRateLimit;
        int channelLimitPerAccount;

        @Override
        protected Values clone() {
            try {
                return (Values) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Values v;

    private SimulatorSettings(Values values) {
        if (values.channels < 1 || values.channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1.." + MAX_CHANNELS + ": " + values.channels);
        }
        checkPort("ircPort", values.ircPort);
        checkPort("ircTlsPort", values.ircTlsPort);
        checkPort("webSocketPort", values.webSocketPort);
        checkPort("webSocketTlsPort", values.webSocketTlsPort);
        checkPort("httpPort", values.httpPort);
        if (!(values.totalChatRatePerSecond >= 0) || Double.isInfinite(values.totalChatRatePerSecond)) {
            throw new IllegalArgumentException("totalChatRatePerSecond must be >= 0: " + values.totalChatRatePerSecond);
        }
        checkNotNegative("firstHypeAfter", values.firstHypeAfter);
        checkPositive("hypeEvery", values.hypeEvery);
        Objects.requireNonNull(values.clock, "clock");
        checkNotNegative("clipDelay", values.clipDelay);
        checkPositive("serverPingInterval", values.serverPingInterval);
        checkPositive("viewerDriftInterval", values.viewerDriftInterval);
        if (values.helixRateLimitPerMinute < 1) {
            throw new IllegalArgumentException("helixRateLimitPerMinute must be >= 1: " + values.helixRateLimitPerMinute);
        }
        checkPositive("accessTokenLifetime", values.accessTokenLifetime);
        if (values.deviceCodeIntervalSeconds < 1) {
            throw new IllegalArgumentException("deviceCodeIntervalSeconds must be >= 1: " + values.deviceCodeIntervalSeconds);
        }
        checkPositive("deviceCodeLifetime", values.deviceCodeLifetime);
        if (values.deviceAutoApproveAfterPolls < 0) {
            throw new IllegalArgumentException("deviceAutoApproveAfterPolls must be >= 0: " + values.deviceAutoApproveAfterPolls);
        }
        if (!(values.chatEventShare >= 0 && values.chatEventShare <= 1)) {
            throw new IllegalArgumentException("chatEventShare must be 0..1: " + values.chatEventShare);
        }
        if (values.joinRateLimit < 0) {
            throw new IllegalArgumentException("joinRateLimit must be >= 0: " + values.joinRateLimit);
        }
        if (values.channelLimitPerAccount < 0) {
            throw new IllegalArgumentException("channelLimitPerAccount must be >= 0: " + values.channelLimitPerAccount);
        }
        this.v = values;
    }

    /**
     * Twenty channels, ~60 messages/s in total, a scripted moment every 60-90 s from 30 s on, lenient
     * tokens, every port picked freely, no JOIN or channel limits enforced, rare chat events.
     */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(new Values());
    }

    private SimulatorSettings with(Consumer<Values> change) {
        Values copy = v.clone();
        change.accept(copy);
        return new SimulatorSettings(copy);
    }

    /** Seed of every random choice: the same seed gives the same world, chatters and scripted moments. */
    public long seed() {
        return v.seed;
    }

    /** Number of synthetic live channels (1..{@value #MAX_CHANNELS}). */
    public int channels() {
        return v.channels;
    }

    /** Plain-TCP IRC port on 127.0.0.1 (Twitch's 6667); 0 picks a free port. */
    public int ircPort() {
        return v.ircPort;
    }

    /** TLS IRC port on 127.0.0.1 (Twitch's 6697); 0 picks a free port. */
    public int ircTlsPort() {
        return v.ircTlsPort;
    }

    /** Plain WebSocket chat port ({@code ws://127.0.0.1:P/}); 0 picks a free port. */
    public int webSocketPort() {
        return v.webSocketPort;
    }

    /** TLS WebSocket chat port ({@code wss://127.0.0.1:P/}, Twitch's 443); 0 picks a free port. */
    public int webSocketTlsPort() {
        return v.webSocketTlsPort;
    }

    /** Helix/OAuth/sim HTTP port on 127.0.0.1; 0 picks a free port. */
    public int httpPort() {
        return v.httpPort;
    }

    /** Chat messages per second summed over all channels outside hype moments, shared by viewers. */
    public double totalChatRatePerSecond() {
        return v.totalChatRatePerSecond;
    }

    /** Whether the simulator scripts hype moments by itself. */
    public boolean scheduleHypeMoments() {
        return v.scheduleHypeMoments;
    }

    /** Delay from {@code start()} to the first self-scripted moment. */
    public Duration firstHypeAfter() {
        return v.firstHypeAfter;
    }

    /** Mean gap between self-scripted moments (each gap varies by ±20 %). */
    public Duration hypeEvery() {
        return v.hypeEvery;
    }

    /** Source of "now" for timestamps, stream times, tokens and hype moments. */
    public Clock clock() {
        return v.clock;
    }

    /** How long a created clip stays invisible to Get Clips. */
    public Duration clipDelay() {
        return v.clipDelay;
    }

    /** How often the IRC server sends {@code PING :tmi.twitch.tv}; a connection that did not answer the previous one is closed. */
    public Duration serverPingInterval() {
        return v.serverPingInterval;
    }

    /** Accept any non-empty token (and OAuth code) as well as those this simulator issued. */
    public boolean acceptAnyToken() {
        return v.acceptAnyToken;
    }

    /** How often viewer counts take a random-walk step. */
    public Duration viewerDriftInterval() {
        return v.viewerDriftInterval;
    }

    /** Helix bucket size (points per minute per client and token). */
    public int helixRateLimitPerMinute() {
        return v.helixRateLimitPerMinute;
    }

    /** {@code expires_in} of issued user tokens; an issued token past it is rejected (401) in every mode. */
    public Duration accessTokenLifetime() {
        return v.accessTokenLifetime;
    }

    /** The device code grant's {@code interval}: polling faster than this answers {@code slow_down}. */
    public int deviceCodeIntervalSeconds() {
        return v.deviceCodeIntervalSeconds;
    }

    /** {@code expires_in} of device codes; later polls answer {@code invalid device code}. */
    public Duration deviceCodeLifetime() {
        return v.deviceCodeLifetime;
    }

    /** Approve a device code by itself at its N-th token poll (the user "clicks Authorize"); 0 = only explicitly. */
    public int deviceAutoApproveAfterPolls() {
        return v.deviceAutoApproveAfterPolls;
    }

    /** Share (0..1) of generated chat items that are events: USERNOTICEs (subs, gifts, raids, announcements) and cheers. */
    public double chatEventShare() {
        return v.chatEventShare;
    }

    /**
     * JOINs accepted per account in any 10 s (Twitch: 20); excess JOINs are silently dropped as
     * Twitch does. 0 = not enforced, only logged. All anonymous ({@code justinfan}) connections
     * count as one account, see {@link JoinAttempt#account()}.
     */
    public int joinRateLimit() {
        return v.joinRateLimit;
    }

    /**
     * Channels one account may have joined at once over all its connections (Twitch: 100); beyond
     * it JOIN answers {@code msg_concurrent_channel_limit_reached}. 0 = unlimited. Anonymous
     * connections count as one account.
     */
    public int channelLimitPerAccount() {
        return v.channelLimitPerAccount;
    }

    public SimulatorSettings withSeed(long value) {
        return with(c -> c.seed = value);
    }

    public SimulatorSettings withChannels(int value) {
        return with(c -> c.channels = value);
    }

    public SimulatorSettings withIrcPort(int value) {
        return with(c -> c.ircPort = value);
    }

    public SimulatorSettings withIrcTlsPort(int value) {
        return with(c -> c.ircTlsPort = value);
    }

    public SimulatorSettings withWebSocketPort(int value) {
        return with(c -> c.webSocketPort = value);
    }

    public SimulatorSettings withWebSocketTlsPort(int value) {
        return with(c -> c.webSocketTlsPort = value);
    }

    public SimulatorSettings withHttpPort(int value) {
        return with(c -> c.httpPort = value);
    }

    public SimulatorSettings withTotalChatRatePerSecond(double value) {
        return with(c -> c.totalChatRatePerSecond = value);
    }

    public SimulatorSettings withScheduleHypeMoments(boolean value) {
        return with(c -> c.scheduleHypeMoments = value);
    }

    public SimulatorSettings withFirstHypeAfter(Duration value) {
        return with(c -> c.firstHypeAfter = value);
    }

    public SimulatorSettings withHypeEvery(Duration value) {
        return with(c -> c.hypeEvery = value);
    }

    public SimulatorSettings withClock(Clock value) {
        return with(c -> c.clock = value);
    }

    public SimulatorSettings withClipDelay(Duration value) {
        return with(c -> c.clipDelay = value);
    }

    public SimulatorSettings withServerPingInterval(Duration value) {
        return with(c -> c.serverPingInterval = value);
    }

    public SimulatorSettings withAcceptAnyToken(boolean value) {
        return with(c -> c.acceptAnyToken = value);
    }

    public SimulatorSettings withViewerDriftInterval(Duration value) {
        return with(c -> c.viewerDriftInterval = value);
    }

    public SimulatorSettings withHelixRateLimitPerMinute(int value) {
        return with(c -> c.helixRateLimitPerMinute = value);
    }

    public SimulatorSettings withAccessTokenLifetime(Duration value) {
        return with(c -> c.accessTokenLifetime = value);
    }

    public SimulatorSettings withDeviceCodeIntervalSeconds(int value) {
        return with(c -> c.deviceCodeIntervalSeconds = value);
    }

    public SimulatorSettings withDeviceCodeLifetime(Duration value) {
        return with(c -> c.deviceCodeLifetime = value);
    }

    public SimulatorSettings withDeviceAutoApproveAfterPolls(int value) {
        return with(c -> c.deviceAutoApproveAfterPolls = value);
    }

    public SimulatorSettings withChatEventShare(double value) {
        return with(c -> c.chatEventShare = value);
    }

    public SimulatorSettings withJoinRateLimit(int value) {
        return with(c -> c.joinRateLimit = value);
    }

    public SimulatorSettings withChannelLimitPerAccount(int value) {
        return with(c -> c.channelLimitPerAccount = value);
    }

    @Override
    public String toString() {
        return "SimulatorSettings[seed=" + v.seed + ", channels=" + v.channels + ", chatRate=" + v.totalChatRatePerSecond
                + ", acceptAnyToken=" + v.acceptAnyToken + ", joinRateLimit=" + v.joinRateLimit
                + ", channelLimitPerAccount=" + v.channelLimitPerAccount + ", chatEventShare=" + v.chatEventShare + "]";
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
