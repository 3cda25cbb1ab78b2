package dev.streamscout.sim;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.sim.chat.ChatGenerator;
import dev.streamscout.sim.chat.ChatLine;
import dev.streamscout.sim.chat.ChatSink;
import dev.streamscout.sim.chat.EmoteCatalog;
import dev.streamscout.sim.http.SimHttpServer;
import dev.streamscout.sim.irc.IrcServer;
import dev.streamscout.sim.irc.JoinLedger;
import dev.streamscout.sim.irc.SimTls;
import dev.streamscout.sim.world.ChannelState;
import dev.streamscout.sim.world.ClipStore;
import dev.streamscout.sim.world.DeviceAuthorizations;
import dev.streamscout.sim.world.FaultInjector;
import dev.streamscout.sim.world.HypeSchedule;
import dev.streamscout.sim.world.TokenRegistry;
import dev.streamscout.sim.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Twitch stand-in on 127.0.0.1 for the demo and for end-to-end tests: a chat server on plain
 * TCP, TLS, WebSocket and secure WebSocket (one session logic) with realistic generated chat,
 * USERNOTICEs and cheers; Helix (Get Streams, Create Clip, Get Clips, Get Users); OAuth (token
 * grants including the device code grant, validate, authorize, activation page); the ground truth
 * under {@code /sim}; and faults tests switch on (drops, RECONNECT, PONG delays, JOIN limits,
 * suspended channels, 429/5xx/slow HTTP, token expiry, refused clips).
 *
 * <pre>{@code
 * try (TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withSeed(7)).start()) {
 *     HypeMoment moment = sim.scheduleHype(sim.channels().get(0).login(),
 *             Instant.now().plusSeconds(2), Duration.ofSeconds(10), 8.0);
 *     // connect an IRC client to 127.0.0.1:sim.ircPort(), a Helix client to sim.helixBase() ...
 * }
 * }</pre>
 */
public final class TwitchSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TwitchSimulator.class);
    private static final String HOST = "127.0.0.1";

    private final SimulatorSettings settings;
    private final World world;
    private final HypeSchedule hype;
    private final ClipStore clips;
    private final TokenRegistry tokens;
    private final DeviceAuthorizations devices;
    private final FaultInjector faults = new FaultInjector();
    private final List<Consumer<ChatMessage>> chatListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ChatEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;
    private final IrcServer irc;
    private final SimHttpServer http;
    private final ChatGenerator generator;
    private boolean started;
    private boolean closed;

    public TwitchSimulator(SimulatorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.world = new World(settings);
        this.hype = new HypeSchedule(settings.seed(), settings.hypeEvery());
        this.clips = new ClipStore(settings.seed(), settings.clock(), settings.clipDelay());
        this.tokens = new TokenRegistry(settings.clock(), settings.acceptAnyToken(), settings.accessTokenLifetime());
        this.devices = new DeviceAuthorizations(settings.clock(), settings.deviceCodeLifetime(),
                settings.deviceCodeIntervalSeconds(), settings.deviceAutoApproveAfterPolls());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sim-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        this.irc = new IrcServer(world, tokens, scheduler, settings, this::sent);
        this.http = new SimHttpServer(settings, world, hype, clips, tokens, devices, faults);
        this.generator = new ChatGenerator(settings, world, hype, new EmoteCatalog(settings.seed()), new Fanout());
    }

    /** Opens the ports and starts chat, viewer drift, keepalives and (if enabled) hype planning. */
    public synchronized TwitchSimulator start() {
        if (closed) {
            throw new IllegalStateException("simulator already closed");
        }
        if (started) {
            return this;
        }
        started = true;
        try {
            irc.start();
            http.start();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("could not open the simulator's ports", e);
        }
        generator.start();
        long drift = settings.viewerDriftInterval().toMillis();
        scheduler.scheduleAtFixedRate(guarded("viewer drift", world::drift), drift, drift, TimeUnit.MILLISECONDS);
        long ping = settings.serverPingInterval().toMillis();
        scheduler.scheduleAtFixedRate(guarded("IRC ping", irc::pingAll), ping, ping, TimeUnit.MILLISECONDS);
        if (settings.scheduleHypeMoments()) {
            hype.enablePlanning(settings.clock().instant().plus(settings.firstHypeAfter()));
            scheduler.scheduleAtFixedRate(guarded("hype planning", this::planHype), 0, 1, TimeUnit.SECONDS);
        }
        LOG.info("Twitch simulator on {}: IRC port {} (TLS {}), chat WebSocket {} ({}), HTTP {} ({} channels, {} msg/s, seed {})",
                HOST, ircPort(), tlsPort(), webSocketUri(), secureWebSocketUri(), helixBase(), settings.channels(),
                settings.totalChatRatePerSecond(), settings.seed());
        return this;
    }

    /** Stops everything and releases both ports; returns within a second. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        generator.close();
        scheduler.shutdownNow();
        irc.close();
        http.close();
        LOG.info("Twitch simulator stopped");
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public String host() {
        return HOST;
    }

    public int ircPort() {
        requireStarted();
        return irc.port();
    }

    /** TLS IRC port (Twitch's 6697), serving the certificate {@link #clientTrustContext()} trusts. */
    public int tlsPort() {
        requireStarted();
        return irc.port(IrcServer.Transport.TLS);
    }

    /** {@code ws://127.0.0.1:<port>/}: IRC over WebSocket text frames, the same sessions as the TCP port. */
    public URI webSocketUri() {
        requireStarted();
        return URI.create("ws://" + HOST + ":" + irc.port(IrcServer.Transport.WS) + "/");
    }

    /** {@code wss://127.0.0.1:<port>/}: as {@link #webSocketUri()} over TLS (Twitch's {@code wss://irc-ws.chat.twitch.tv:443}). */
    public URI secureWebSocketUri() {
        requireStarted();
        return URI.create("wss://" + HOST + ":" + irc.port(IrcServer.Transport.WSS) + "/");
    }

    /**
     * An SSL context trusting exactly the simulator's self-signed certificate (SAN {@code localhost}
     * and {@code 127.0.0.1}), for clients of {@link #tlsPort()} and {@link #secureWebSocketUri()}.
     * Available without starting the simulator.
     */
    public static SSLContext clientTrustContext() {
        return SimTls.get().clientTrustContext();
    }

    /** A new in-memory PKCS12 trust store holding only the simulator's certificate. */
    public static KeyStore trustStore() {
        return SimTls.get().trustStore();
    }

    public int httpPort() {
        requireStarted();
        return http.port();
    }

    /** {@code http://127.0.0.1:<port>/helix}: base for Helix paths such as {@code /streams}. */
    public URI helixBase() {
        return URI.create("http://" + HOST + ":" + httpPort() + "/helix");
    }

    /** {@code http://127.0.0.1:<port>/oauth2}: base for {@code /token}, {@code /validate}, {@code /authorize}. */
    public URI oauthBase() {
        return URI.create("http://" + HOST + ":" + httpPort() + "/oauth2");
    }

    /** {@code http://127.0.0.1:<port>/sim}: base for {@code /moments}, {@code /clips}, {@code /channels}. */
    public URI simBase() {
        return URI.create("http://" + HOST + ":" + httpPort() + "/sim");
    }

    /** Every channel, live ones first, by viewers descending. */
    public List<SimChannel> channels() {
        return world.ranking();
    }

    public Optional<SimChannel> channel(String login) {
        return world.byLogin(login).map(ChannelState::snapshot);
    }

    /** Scripts a hype moment; channel rates are multiplied inside {@code [start, start + duration)}. */
    public HypeMoment scheduleHype(String channelLogin, Instant start, Duration duration, double multiplier) {
        ChannelState channel = world.byLogin(channelLogin)
                .orElseThrow(() -> new IllegalArgumentException("unknown channel: " + channelLogin));
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        return hype.add(new HypeMoment(channel.id(), channel.login(), start, start.plus(duration), multiplier));
    }

    /** Every scripted moment (past, current and already planned), by start time. */
    public List<HypeMoment> hypeMoments() {
        return hype.moments();
    }

    /** Every clip created so far, ready or not, in creation order. */
    public List<SimClip> clips() {
        return clips.all();
    }

    /** The next {@code count} calls of {@code endpoint} answer {@code status} (e.g. 503) with an error body. */
    public void failNext(SimEndpoint endpoint, int count, int status) {
        faults.failNext(Objects.requireNonNull(endpoint, "endpoint"), count, status);
    }

    /** Every call of {@code endpoint} is answered {@code delay} later (a slow backend); {@code Duration.ZERO} removes it. */
    public void delayResponses(SimEndpoint endpoint, Duration delay) {
        faults.delay(endpoint, delay);
    }

    /**
     * Empties every Helix rate-limit bucket for {@code duration}: until then every Helix call is
     * answered 429 with {@code Ratelimit-Remaining: 0} and {@code Ratelimit-Reset} set to the epoch
     * second at which the buckets are full again; afterwards calls succeed.
     */
    public void exhaustHelixRateLimit(Duration duration) {
        faults.exhaustRateLimitUntil(settings.clock().millis() + duration.toMillis());
    }

    /**
     * Create Clip for this channel answers {@code status} from now on: 403 (clips restricted or
     * disabled), 404 (not clippable), or any other error status; 0 lifts it.
     */
    public void failCreateClipsFor(String channelLogin, int status) {
        world.byLogin(channelLogin).orElseThrow(() -> new IllegalArgumentException("unknown channel: " + channelLogin));
        faults.failClipsFor(channelLogin.toLowerCase(java.util.Locale.ROOT), status);
    }

    /** Shorthand for {@code failNext(SimEndpoint.CREATE_CLIP, count, status)}. */
    public void failNextCreateClips(int count, int status) {
        failNext(SimEndpoint.CREATE_CLIP, count, status);
    }

    /**
     * Invalidates every access token issued or presented so far (refresh tokens keep working), so
     * the next Helix call or IRC login with one gets 401 / a login failure and a client must refresh.
     */
    public void revokeAccessTokens() {
        tokens.revokeAccessTokens();
    }

    /**
     * The simulated user approves a pending device code, as if they had entered it on the
     * activation page; the next token poll gets the tokens. False if no such pending code.
     */
    public boolean approveDevice(String userCode) {
        return devices.approve(userCode);
    }

    /** The simulated user refuses a pending device code; the next poll answers {@code access_denied}. */
    public boolean denyDevice(String userCode) {
        return devices.deny(userCode);
    }

    /** User codes of device authorizations still waiting for the user. */
    public List<String> pendingDeviceCodes() {
        return devices.pendingUserCodes();
    }

    /** {@code http://127.0.0.1:<port>/activate}: the device activation page ({@code ?user_code=} approves). */
    public URI activationPage() {
        return URI.create("http://" + HOST + ":" + httpPort() + "/activate");
    }

    /**
     * From now on rejects (401) every access token issued or first presented before {@code instant},
     * as if it had expired; refreshing still works. Works in lenient and strict mode.
     */
    public void expireTokensIssuedBefore(Instant instant) {
        tokens.expireIssuedBefore(Objects.requireNonNull(instant, "instant"));
    }

    /** Sets a channel's viewer count (the random walk continues from there). */
    public void setViewers(String channelLogin, int viewers) {
        world.setViewers(channelLogin, viewers);
    }

    /** Takes a channel offline (absent from Get Streams, no chat, no clips) or back live with a new stream. */
    public void setLive(String channelLogin, boolean live) {
        world.setLive(channelLogin, live);
    }

    /** Sends {@code :tmi.twitch.tv RECONNECT} to every IRC connection and closes them after {@code grace}. */
    public void sendReconnect(Duration grace) {
        irc.reconnectAll(grace);
    }

    /**
     * Closes every IRC connection (all transports) at once, as Twitch's side going away would:
     * nothing still queued is sent, everything already written arrives, then the connection ends.
     */
    public void dropIrcConnections() {
        irc.dropAll();
    }

    /** Open IRC connections over all transports. */
    public int ircConnectionCount() {
        return irc.connectionCount();
    }

    /** Open IRC connections per transport: keys {@code tcp}, {@code tls}, {@code ws}, {@code wss}. */
    public Map<String, Integer> ircConnectionsByTransport() {
        return irc.connectionsByTransport();
    }

    /** IRC connections accepted since start, over all transports. */
    public long ircConnectionsAccepted() {
        return irc.connectionsAccepted();
    }

    /** Answers to client PINGs come this much later (zero: at once). */
    public void delayPongs(Duration delay) {
        irc.faults().delayPongs(delay);
    }

    /** While true, client PINGs get no PONG at all (a half-dead connection). */
    public void withholdPongs(boolean withheld) {
        irc.faults().withholdPongs(withheld);
    }

    /** Chance (0..1) that a chat line is sent twice on a connection, as Twitch occasionally does; clients must dedupe by id. */
    public void duplicateChat(double probability) {
        irc.faults().duplicateChat(probability);
    }

    /**
     * Suspends a channel: it goes offline (absent from Get Streams, no chat) and JOINs get a
     * {@code msg_channel_suspended} NOTICE. Lifting the suspension leaves it offline; {@link #setLive} brings it back.
     */
    public void setSuspended(String channelLogin, boolean suspended) {
        world.setSuspended(channelLogin, suspended);
    }

    /**
     * Every JOIN attempt so far (one per channel), oldest first, with its account and outcome. With
     * {@link SimulatorSettings#joinRateLimit()} set, attempts beyond it were dropped silently
     * ({@link JoinAttempt.Outcome#RATE_LIMITED}); either way the log shows what clients sent.
     */
    public List<JoinAttempt> joinLog() {
        return irc.joins().log();
    }

    /** The most JOIN attempts any one account sent within any {@code window} (e.g. 10 s), from {@link #joinLog()}. */
    public int maxJoinsInWindow(Duration window) {
        return JoinLedger.maxAttemptsInWindow(joinLog(), window);
    }

    /** Logins of channels at least one IRC connection has joined. */
    public Set<String> joinedChannels() {
        return irc.joinedChannels();
    }

    /** Client lines the IRC server ignored as malformed. */
    public long malformedIrcLines() {
        return irc.malformedLines();
    }

    /** PRIVMSGs generated so far (each queued once to every connection joined to its channel). */
    public long generatedMessages() {
        return generator.generated();
    }

    /** Chat events generated so far: USERNOTICE lines and cheers. */
    public long generatedEvents() {
        return generator.generatedEvents();
    }

    /**
     * Receives the ground truth of every PRIVMSG (cheers included) exactly once, when it is first
     * written to any IRC connection: never for a message no connection received, once however many
     * connections joined the channel or however often it was re-sent. Called on connection writer
     * threads, possibly concurrently: keep the listener fast and thread-safe.
     */
    public void addChatListener(Consumer<ChatMessage> listener) {
        chatListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** As {@link #addChatListener}, for chat events: USERNOTICEs (subs, gifts, raids, announcements) and cheers. */
    public void addChatEventListener(Consumer<ChatEvent> listener) {
        eventListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Starts recording the ids of everything sent from now on (see {@link SentChatLog}). */
    public SentChatLog recordSentChat() {
        SentChatLog log = new SentChatLog();
        addChatListener(log::message);
        addChatEventListener(log::event);
        return log;
    }

    private void sent(ChatLine line) {
        if (line.truth() != null) {
            for (Consumer<ChatMessage> listener : chatListeners) {
                try {
                    listener.accept(line.truth());
                } catch (RuntimeException e) {
                    LOG.warn("chat listener failed", e);
                }
            }
        }
        if (line.event() != null) {
            for (Consumer<ChatEvent> listener : eventListeners) {
                try {
                    listener.accept(line.event());
                } catch (RuntimeException e) {
                    LOG.warn("chat event listener failed", e);
                }
            }
        }
    }

    private void planHype() {
        hype.planUntil(settings.clock().instant().plus(settings.hypeEvery()), world.ranking());
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("simulator not started");
        }
    }

    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A periodic task that throws is cancelled by the executor; log and keep it alive.
                LOG.warn("simulator {} failed", what, e);
            }
        };
    }

    /** Sends generated chat to the IRC server; listeners hear of it once it is on the wire. */
    private final class Fanout implements ChatSink {
        @Override
        public Set<String> joinedChannels() {
            return irc.joinedChannels();
        }

        @Override
        public void publish(ChatLine line) {
            irc.publish(line);
        }
    }
}
