package dev.streamscout.twitch.irc;

import dev.streamscout.core.chat.ChatMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One chat connection to Twitch IRC that hands every PRIVMSG of the channels it has joined to a
 * callback as a {@link ChatMessage}: an {@link IrcConnectionPool} that keeps every channel on a
 * single connection, with the same login, JOIN limit (20 per 10 s), keepalive, dedupe, backoff
 * (1 s doubling to 60 s by default) and login-failure handling. New code should use the pool.
 *
 * <p>The callback runs on the reader thread: it should be quick. Exceptions it throws are counted
 * and logged, and do not stop the reader.
 */
public final class IrcClient implements AutoCloseable {

    /** Where the client is in its life. */
    public enum State { NEW, CONNECTING, CONNECTED, WAITING_TO_RECONNECT, AUTH_FAILED, CLOSED }

    private final IrcConnectionPool pool;

    /** Plain TCP to {@code settings.host():settings.port()}. */
    public IrcClient(IrcClientSettings settings, Consumer<ChatMessage> onChat) {
        this(settings, IrcEndpoint.tcp(settings.host(), settings.port()), onChat);
    }

    /** Any transport; the endpoint replaces the settings' host and port. */
    public IrcClient(IrcClientSettings settings, IrcEndpoint endpoint, Consumer<ChatMessage> onChat) {
        Objects.requireNonNull(settings, "settings");
        this.pool = new IrcConnectionPool(poolSettings(settings, endpoint), Objects.requireNonNull(onChat, "onChat"),
                event -> { });
    }

    private static IrcPoolSettings poolSettings(IrcClientSettings s, IrcEndpoint endpoint) {
        IrcPoolSettings base = IrcPoolSettings.anonymous(endpoint);
        if (s.login() != null) {
            base = base.withLogin(s.login(), s.oauthToken());
        }
        // One connection: every channel on it; reconnects are paced by the backoff alone.
        Duration connectInterval = s.initialBackoff().compareTo(IrcPoolSettings.DEFAULT_CONNECT_INTERVAL) < 0
                ? s.initialBackoff() : IrcPoolSettings.DEFAULT_CONNECT_INTERVAL;
        return base.withChannelsPerConnection(Integer.MAX_VALUE)
                .withConnectInterval(connectInterval)
                .withBackoff(s.initialBackoff(), s.maxBackoff())
                .withKeepalive(s.pingInterval(), s.pongTimeout())
                .withConnectTimeout(s.connectTimeout())
                .withDedupeCapacity(s.dedupeCapacity());
    }

    /** Connects in the background; returns at once. */
    public void start() {
        pool.start();
    }

    /** Joins a channel now (if connected) and after every reconnect. Channel login with or without '#'. */
    public void join(String channelLogin) {
        pool.join(channelLogin);
    }

    /** Leaves a channel and stops rejoining it. */
    public void part(String channelLogin) {
        pool.part(channelLogin);
    }

    /** Channels this client is asked to be in (joined, or to be joined after a reconnect). */
    public Set<String> joinedChannels() {
        return pool.joinedChannels();
    }

    /** Chat messages handed to the callback. */
    public long messagesReceived() {
        return pool.stats().chatMessages();
    }

    /** Lines that were not valid IRC (or not a valid instance of their command), skipped. */
    public long malformedLines() {
        return pool.stats().parseErrors();
    }

    /** PRIVMSGs dropped because their id was seen recently. */
    public long duplicatesDropped() {
        return pool.stats().duplicatesDropped();
    }

    /** Chat lines that could not become a ChatMessage, by reason (e.g. "PRIVMSG missing or garbled tmi-sent-ts"). */
    public Map<String, Long> rejectedMessages() {
        return pool.stats().rejectedMessages();
    }

    /** All lines read from the server. */
    public long linesReceived() {
        return pool.stats().linesReceived();
    }

    /** Exceptions thrown by the chat callback. */
    public long callbackFailures() {
        return pool.stats().callbackFailures();
    }

    /** Connections opened so far (1 + reconnects). */
    public long connectionsOpened() {
        return pool.stats().connectionsOpened();
    }

    public State state() {
        switch (pool.state()) {
            case NEW:
                return State.NEW;
            case LOGIN_FAILED:
                return State.AUTH_FAILED;
            case CLOSED:
                return State.CLOSED;
            default:
                break;
        }
        List<IrcConnectionPool.ConnectionState> states = pool.connectionStates();
        IrcConnectionPool.ConnectionState first = states.isEmpty() ? IrcConnectionPool.ConnectionState.CONNECTING : states.get(0);
        return switch (first) {
            case CONNECTED -> State.CONNECTED;
            case WAITING_TO_RECONNECT -> State.WAITING_TO_RECONNECT;
            case CONNECTING -> State.CONNECTING;
        };
    }

    /** The nick used to log in ({@code justinfan...} when anonymous). */
    public String nick() {
        return pool.nick();
    }

    /** The pool underneath, for its statistics and JOIN log. */
    public IrcConnectionPool pool() {
        return pool;
    }

    /** Stops reading and reconnecting; returns within about 1.5 s. */
    @Override
    public void close() {
        pool.close();
    }
}
