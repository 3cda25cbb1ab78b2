package dev.streamscout.sim.irc;

import dev.streamscout.sim.JoinAttempt;
import dev.streamscout.sim.chat.ChatLine;
import dev.streamscout.sim.world.ChannelState;
import dev.streamscout.sim.world.TokenRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, whatever its transport. A reader thread completes the transport's
 * handshake and handles the client's commands; a writer thread drains the outgoing queue and
 * writes whatever is queued at once, so several lines often share one TCP segment or WebSocket
 * frame, as they do from Twitch. A client too slow to keep up is disconnected.
 *
 * <p>Two ways to end: {@link #close()} cuts everything at once (shutdown, errors);
 * {@link #drop()} is what the server does on purpose (RECONNECT, faults, refused logins, silent
 * clients): nothing more is queued, the line being written finishes, the output is shut down
 * gracefully and the client's remaining input is drained, so every line the server reports as sent
 * really reaches the client.
 */
final class IrcSession {

    private static final Logger LOG = LoggerFactory.getLogger(IrcSession.class);
    private static final Pattern ANONYMOUS = Pattern.compile("justinfan[0-9]+");
    private static final Set<String> CAPABILITIES =
            Set.of("twitch.tv/tags", "twitch.tv/commands", "twitch.tv/membership");
    /** Twitch accepts tags up to 8 KiB plus a 512-byte message; anything beyond is not IRC. */
    static final int MAX_LINE_BYTES = 8_704;
    private static final int MAX_QUEUED_LINES = 50_000;
    private static final int MAX_BATCH = 1_000;
    /** How long a dropped connection may take to finish writing and be closed by the client. */
    private static final long DROP_LINGER_MILLIS = 2_000;
    private static final String HOST = "tmi.twitch.tv";

    /** A queued line; {@code chat} is set for generated chat so it can be reported once written. */
    private record Outgoing(String text, ChatLine chat) {}

    private static final Outgoing STOP = new Outgoing("", null);

    private final int number;
    private final LineTransport transport;
    private final IrcServer server;
    private final TokenRegistry tokens;
    private final BlockingQueue<Outgoing> outgoing = new LinkedBlockingQueue<>(MAX_QUEUED_LINES);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean dropping = new AtomicBoolean();
    /** Set by a drop that discards what is still queued (faults), not by one after a last word (refusals). */
    private volatile boolean discardQueued;
    private final Thread reader;
    private final Thread writer;

    // Written by the reader thread; read by the generator, the ping task and the server.
    private final Set<String> capabilities = ConcurrentHashMap.newKeySet();
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private String password;
    private volatile String nick;
    private volatile String account;
    private String userId = "";
    private String displayName = "";
    private volatile boolean registered;
    private volatile boolean awaitingPong;
    private volatile long malformedLines;

    IrcSession(int number, LineTransport transport, IrcServer server, TokenRegistry tokens) {
        this.number = number;
        this.transport = transport;
        this.server = server;
        this.tokens = tokens;
        String name = "sim-irc-" + transport.kind() + "-" + number;
        this.reader = new Thread(this::readLoop, name + "-read");
        this.writer = new Thread(this::writeLoop, name + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
    }

    /** Starts the reader; it completes the transport handshake, then starts the writer. */
    void start() {
        reader.start();
    }

    int number() {
        return number;
    }

    String transportKind() {
        return transport.kind();
    }

    /** The account the connection logged in as ({@link JoinAttempt#ANONYMOUS} for justinfan logins); null before login. */
    String account() {
        return account;
    }

    Set<String> joinedChannels() {
        return Set.copyOf(joined);
    }

    /** Queues a generated chat line in the shape this connection asked for; maybe twice (fault). */
    void sendChat(ChatLine line, boolean twice) {
        if (line.truth() == null && !capabilities.contains("twitch.tv/commands")) {
            return; // USERNOTICE is a twitch.tv/commands extension
        }
        Outgoing item = new Outgoing(capabilities.contains("twitch.tv/tags") ? line.tagged() : line.plain(), line);
        enqueue(item);
        if (twice) {
            enqueue(item);
        }
    }

    /** Sends the server's keepalive; drops the connection if the previous one went unanswered. */
    void ping() {
        if (awaitingPong) {
            LOG.info("IRC connection {} did not answer PING, closing", number);
            drop();
            return;
        }
        awaitingPong = true;
        send("PING :" + HOST);
    }

    long malformedLines() {
        return malformedLines;
    }

    void send(String line) {
        enqueue(new Outgoing(line, null));
    }

    private void enqueue(Outgoing item) {
        if (closed.get() || dropping.get()) {
            return;
        }
        if (!outgoing.offer(item)) {
            LOG.warn("IRC connection {} is not reading fast enough ({} lines queued), closing",
                    number, MAX_QUEUED_LINES);
            close();
        }
    }

    /**
     * Ends the connection on the server's initiative without losing what was already written:
     * unsubscribes at once, discards what is still queued, lets the writer finish its current
     * batch and shut the output down, then drains the client's input until it closes (or the
     * linger time ends). Idempotent.
     */
    void drop() {
        drop(true);
    }

    /** As {@link #drop()}, but what is already queued (a refusal NOTICE, a RECONNECT) is still sent first. */
    void dropAfterQueued() {
        drop(false);
    }

    private void drop(boolean discard) {
        if (closed.get() || !dropping.compareAndSet(false, true)) {
            return;
        }
        discardQueued = discard;
        server.forget(this);
        if (discard) {
            outgoing.clear();
        }
        // Bypasses the capacity bound: the writer must see the end even behind a full queue.
        if (!outgoing.offer(STOP)) {
            outgoing.clear();
            outgoing.offer(STOP);
        }
        server.closeLater(this, DROP_LINGER_MILLIS);
    }

    /** Cuts the connection at once. Idempotent. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.forget(this);
        transport.close();
        writer.interrupt();
    }

    private void readLoop() {
        try {
            transport.open();
        } catch (IOException | RuntimeException e) {
            LOG.debug("IRC connection {} ({}) handshake failed: {}", number, transport.kind(), e.toString());
            close();
            return;
        }
        writer.start();
        try {
            String raw;
            while (!closed.get() && (raw = transport.readLine()) != null) {
                if (!dropping.get()) {
                    handle(raw);
                } else if (raw.toUpperCase(Locale.ROOT).startsWith("JOIN ")) {
                    // Still the client's JOINs: they count against its account even though ignored.
                    ClientLine.parse(raw).ifPresent(line -> logIgnoredJoins(line.param(0)));
                }
            }
        } catch (IOException e) {
            LOG.debug("IRC connection {} read ended: {}", number, e.toString());
        } catch (RuntimeException e) {
            LOG.warn("IRC connection {} failed on client input", number, e);
        } finally {
            close();
        }
    }

    private void writeLoop() {
        List<Outgoing> batch = new ArrayList<>(256);
        List<String> texts = new ArrayList<>(256);
        try {
            while (!closed.get()) {
                batch.add(outgoing.take());
                outgoing.drainTo(batch, MAX_BATCH);
                boolean stop = batch.remove(STOP);
                if (discardQueued && !stop) {
                    batch.clear(); // taken just before a discarding drop but not yet written: never sent
                }
                if (!batch.isEmpty()) {
                    for (Outgoing item : batch) {
                        texts.add(item.text());
                    }
                    transport.writeLines(texts);
                    for (Outgoing item : batch) {
                        if (item.chat() != null) {
                            server.wrote(item.chat());
                        }
                    }
                    batch.clear();
                    texts.clear();
                }
                if (stop || dropping.get()) {
                    transport.finishOutput();
                    return; // the reader drains the client's input, then closes
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("IRC connection {} write ended: {}", number, e.toString());
        }
        close();
    }

    private void handle(String raw) {
        Optional<ClientLine> parsed = raw == BoundedLineReader.OVERSIZED ? Optional.empty() : ClientLine.parse(raw);
        if (parsed.isEmpty()) {
            if (!raw.isBlank()) {
                malformedLines++;
                LOG.debug("IRC connection {} ignored malformed line: {}", number, abbreviate(raw));
            }
            return;
        }
        ClientLine line = parsed.get();
        switch (line.command()) {
            case "CAP" -> capability(line);
            case "PASS" -> password = line.param(0);
            case "NICK" -> login(line.param(0));
            case "USER" -> { /* RFC 1459 registration detail; Twitch ignores it */ }
            case "PING" -> pong(line.param(0));
            case "PONG" -> awaitingPong = false;
            case "QUIT" -> drop();
            case "JOIN" -> whenRegistered(line, () -> join(line.param(0)));
            case "PART" -> whenRegistered(line, () -> part(line.param(0)));
            case "PRIVMSG" -> { /* accepted and dropped: the simulator does not relay client chat */ }
            default -> {
                if (registered) {
                    send(":" + HOST + " 421 " + nick + " " + line.command() + " :Unknown command");
                }
            }
        }
    }

    private void capability(ClientLine line) {
        String sub = line.param(0) == null ? "" : line.param(0).toUpperCase(Locale.ROOT);
        String target = nick == null ? "*" : nick;
        switch (sub) {
            case "LS" -> send(":" + HOST + " CAP " + target + " LS :" + String.join(" ", sortedCapabilities()));
            case "REQ" -> {
                String requested = line.param(1) == null ? "" : line.param(1).strip();
                List<String> wanted = requested.isEmpty() ? List.of() : List.of(requested.split(" +"));
                // IRCv3: a request is granted or refused as a whole.
                if (!wanted.isEmpty() && CAPABILITIES.containsAll(wanted)) {
                    capabilities.addAll(wanted);
                    send(":" + HOST + " CAP " + target + " ACK :" + requested);
                } else {
                    send(":" + HOST + " CAP " + target + " NAK :" + requested);
                }
            }
            default -> { /* CAP END and others need no answer */ }
        }
    }

    private List<String> sortedCapabilities() {
        return CAPABILITIES.stream().sorted().toList();
    }

    private void login(String requestedNick) {
        if (registered || requestedNick == null || requestedNick.isBlank()) {
            return;
        }
        String login = requestedNick.toLowerCase(Locale.ROOT);
        if (ANONYMOUS.matcher(login).matches()) {
            userId = "";
            account = JoinAttempt.ANONYMOUS;
        } else {
            if (password == null || !password.regionMatches(true, 0, "oauth:", 0, 6)) {
                refuse("Improperly formatted auth");
                return;
            }
            Optional<TokenRegistry.TokenInfo> token = tokens.resolve(password.substring(6));
            boolean accepted = token.isPresent()
                    && (tokens.acceptsAnyToken() || (!token.get().app()
                        && token.get().hasScope("chat:read") && login.equals(token.get().login())));
            if (!accepted) {
                refuse("Login authentication failed");
                return;
            }
            userId = tokens.issued(password.substring(6)) ? token.get().userId() : syntheticUserId(login);
            account = login;
        }
        nick = login;
        displayName = Character.toUpperCase(login.charAt(0)) + login.substring(1);
        registered = true;
        send(":" + HOST + " 001 " + nick + " :Welcome, GLHF!");
        send(":" + HOST + " 002 " + nick + " :Your host is tmi.twitch.tv");
        send(":" + HOST + " 003 " + nick + " :This server is rather new");
        send(":" + HOST + " 004 " + nick + " :-");
        send(":" + HOST + " 375 " + nick + " :-");
        send(":" + HOST + " 372 " + nick + " :You are in a maze of twisty passages, all alike.");
        send(":" + HOST + " 376 " + nick + " :>");
        if (capabilities.contains("twitch.tv/commands")) {
            send(withTags("badge-info=;badges=;color=;display-name=" + displayName
                    + ";emote-sets=0;user-id=" + userId + ";user-type=", ":" + HOST + " GLOBALUSERSTATE"));
        }
        LOG.debug("IRC connection {} ({}) logged in as {}", number, transport.kind(), nick);
    }

    private void refuse(String reason) {
        send(":" + HOST + " NOTICE * :" + reason);
        dropAfterQueued(); // the notice is written before the output shuts down
    }

    private void join(String channels) {
        if (channels == null) {
            return;
        }
        for (String name : channels.split(",")) {
            String login = channelName(name);
            if (!login.isEmpty()) {
                joinOne(login);
            }
        }
    }

    private void joinOne(String login) {
        if (!server.joins().admit(account)) {
            record(login, JoinAttempt.Outcome.RATE_LIMITED); // Twitch drops excess JOINs silently
            return;
        }
        Optional<ChannelState> channel = server.world().byLogin(login);
        if (channel.isEmpty()) {
            record(login, JoinAttempt.Outcome.UNKNOWN_CHANNEL); // Twitch says nothing at all
            return;
        }
        if (joined.contains(login)) {
            record(login, JoinAttempt.Outcome.ALREADY_JOINED);
            return;
        }
        if (channel.get().suspended()) {
            record(login, JoinAttempt.Outcome.SUSPENDED);
            send(withTags("msg-id=msg_channel_suspended",
                    ":" + HOST + " NOTICE #" + login + " :This channel does not exist or has been suspended."));
            return;
        }
        if (!server.mayJoinAnother(account, login)) {
            record(login, JoinAttempt.Outcome.CHANNEL_LIMIT);
            send(withTags("msg-id=msg_concurrent_channel_limit_reached", ":" + HOST + " NOTICE #" + login
                    + " :You have reached the maximum number of channels you can join at once."));
            return;
        }
        joined.add(login);
        record(login, JoinAttempt.Outcome.JOINED);
        String user = nick + "!" + nick + "@" + nick + ".tmi.twitch.tv";
        send(":" + user + " JOIN #" + login);
        send(":" + nick + ".tmi.twitch.tv 353 " + nick + " = #" + login + " :" + nick);
        send(":" + nick + ".tmi.twitch.tv 366 " + nick + " #" + login + " :End of /NAMES list");
        if (capabilities.contains("twitch.tv/commands")) {
            send(withTags("badge-info=;badges=;color=;display-name=" + displayName
                    + ";emote-sets=0;mod=0;subscriber=0;user-type=", ":" + HOST + " USERSTATE #" + login));
            send(withTags("emote-only=0;followers-only=-1;r9k=0;room-id=" + channel.get().id()
                    + ";slow=0;subs-only=0", ":" + HOST + " ROOMSTATE #" + login));
        }
        // Subscribed only now, so that no chat line can overtake the join confirmation.
        server.subscribe(login, this);
    }

    private void logIgnoredJoins(String channels) {
        if (channels == null || account == null) {
            return;
        }
        for (String name : channels.split(",")) {
            String login = channelName(name);
            if (!login.isEmpty()) {
                server.joins().admit(account);
                record(login, JoinAttempt.Outcome.CONNECTION_CLOSING);
            }
        }
    }

    private void record(String channel, JoinAttempt.Outcome outcome) {
        server.joins().record(account, number, transport.kind(), channel, outcome);
    }

    private void part(String channels) {
        if (channels == null) {
            return;
        }
        for (String name : channels.split(",")) {
            String login = channelName(name);
            if (joined.remove(login)) {
                server.unsubscribe(login, this);
                send(":" + nick + "!" + nick + "@" + nick + ".tmi.twitch.tv PART #" + login);
            }
        }
    }

    private void pong(String argument) {
        IrcFaults faults = server.faults();
        if (faults.pongsWithheld()) {
            return;
        }
        String reply = argument == null || argument.equals(HOST)
                ? "PONG :" + HOST
                : ":" + HOST + " PONG " + HOST + " :" + argument;
        Duration delay = faults.pongDelay();
        if (delay.isZero()) {
            send(reply);
        } else {
            server.later(() -> send(reply), delay.toMillis());
        }
    }

    private void whenRegistered(ClientLine line, Runnable action) {
        if (registered) {
            action.run();
        } else {
            LOG.debug("IRC connection {} sent {} before logging in, ignored", number, line.command());
        }
    }

    private String withTags(String tags, String rest) {
        return capabilities.contains("twitch.tv/tags") ? "@" + tags + " " + rest : rest;
    }

    private static String channelName(String name) {
        String login = name.strip().toLowerCase(Locale.ROOT);
        return login.startsWith("#") ? login.substring(1) : login;
    }

    /** Stable per-login id for users whose token the simulator did not issue. */
    private static String syntheticUserId(String login) {
        return Long.toString(100_000_000L + Math.floorMod(login.hashCode(), 800_000_000L));
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 120 ? raw : raw.substring(0, 120) + "...";
    }
}
