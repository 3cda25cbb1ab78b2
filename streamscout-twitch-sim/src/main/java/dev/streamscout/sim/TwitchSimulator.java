package dev.streamscout.sim;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.sim.chat.ChatGenerator;
import dev.streamscout.sim.chat.ChatLine;
import dev.streamscout.sim.chat.ChatSink;
import dev.streamscout.sim.chat.EmoteCatalog;
import dev.streamscout.sim.http.SimHttpServer;
import dev.streamscout.sim.irc.IrcServer;
import dev.streamscout.sim.world.ChannelState;
import dev.streamscout.sim.world.ClipStore;
import dev.streamscout.sim.world.FaultInjector;
import dev.streamscout.sim.world.HypeSchedule;
import dev.streamscout.sim.world.TokenRegistry;
import dev.streamscout.sim.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Twitch stand-in on 127.0.0.1 for the demo and for end-to-end tests: an IRC chat server with
 * realistic generated chat, Helix (Get Streams, Create Clip, Get Clips, Get Users), OAuth
 * (token grants, validate, authorize) and the ground truth under {@code /sim}.
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
    private final FaultInjector faults = new FaultInjector();
    private final List<Consumer<ChatMessage>> chatListeners = new CopyOnWriteArrayList<>();
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
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sim-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        this.irc = new IrcServer(world, tokens, scheduler, settings.ircPort());
        this.http = new SimHttpServer(settings, world, hype, clips, tokens, faults);
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
        LOG.info("Twitch simulator on {}: IRC port {}, HTTP {} ({} channels, {} msg/s, seed {})",
                HOST, ircPort(), helixBase(), settings.channels(), settings.totalChatRatePerSecond(), settings.seed());
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

    /** Shorthand for {@code failNext(SimEndpoint.CREATE_CLIP, count, status)}. */
    public void failNextCreateClips(int count, int status) {
        failNext(SimEndpoint.CREATE_CLIP, count, status);
    }

    /**
     * Invalidates every access token issued so far (refresh tokens keep working), so the next
     * Helix call gets 401 and a client must refresh. Only meaningful with {@code acceptAnyToken=false}.
     */
    public void revokeAccessTokens() {
        tokens.revokeAccessTokens();
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

    /** Closes every IRC connection at once, as a network failure would. */
    public void dropIrcConnections() {
        irc.dropAll();
    }

    public int ircConnectionCount() {
        return irc.connectionCount();
    }

    /** Logins of channels at least one IRC connection has joined. */
    public Set<String> joinedChannels() {
        return irc.joinedChannels();
    }

    /** Client lines the IRC server ignored as malformed. */
    public long malformedIrcLines() {
        return irc.malformedLines();
    }

    /** Chat messages generated so far (each sent once to every connection joined to its channel). */
    public long generatedMessages() {
        return generator.generated();
    }

    /**
     * Receives the ground truth of every generated message, on the generator thread: keep the
     * listener fast. Useful to compare what a pipeline stored with what was sent.
     */
    public void addChatListener(Consumer<ChatMessage> listener) {
        chatListeners.add(Objects.requireNonNull(listener, "listener"));
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

    /** Sends generated chat to the IRC server and to in-process listeners. */
    private final class Fanout implements ChatSink {
        @Override
        public Set<String> joinedChannels() {
            return irc.joinedChannels();
        }

        @Override
        public void publish(ChatLine line) {
            irc.publish(line);
            for (Consumer<ChatMessage> listener : chatListeners) {
                try {
                    listener.accept(line.truth());
                } catch (RuntimeException e) {
                    LOG.warn("chat listener failed", e);
                }
            }
        }
    }
}
