package dev.streamscout.sim.irc;

import dev.streamscout.sim.chat.ChatLine;
import dev.streamscout.sim.world.ChannelState;
import dev.streamscout.sim.world.TokenRegistry;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection. A reader thread handles the client's commands; a writer thread drains
 * the outgoing queue and writes whatever is queued in one flush, so several lines often arrive in
 * one TCP segment, as they do from Twitch. A client too slow to keep up is disconnected.
 */
final class IrcSession {

    private static final Logger LOG = LoggerFactory.getLogger(IrcSession.class);
    private static final Pattern ANONYMOUS = Pattern.compile("justinfan[0-9]+");
    private static final Set<String> CAPABILITIES =
            Set.of("twitch.tv/tags", "twitch.tv/commands", "twitch.tv/membership");
    /** Twitch accepts tags up to 8 KiB plus a 512-byte message; anything beyond is not IRC. */
    private static final int MAX_LINE_BYTES = 8_704;
    private static final int MAX_QUEUED_LINES = 50_000;
    private static final String HOST = "tmi.twitch.tv";

    private final int number;
    private final Socket socket;
    private final IrcServer server;
    private final TokenRegistry tokens;
    private final BlockingQueue<String> outgoing = new LinkedBlockingQueue<>(MAX_QUEUED_LINES);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread reader;
    private final Thread writer;

    // Written by the reader thread; read by the generator and the ping thread.
    private final Set<String> capabilities = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Set<String> joined = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private String password;
    private String nick;
    private String userId = "";
    private String displayName = "";
    private boolean registered;
    private volatile boolean awaitingPong;
    private volatile long malformedLines;

    IrcSession(int number, Socket socket, IrcServer server, TokenRegistry tokens) {
        this.number = number;
        this.socket = socket;
        this.server = server;
        this.tokens = tokens;
        this.reader = new Thread(this::readLoop, "sim-irc-" + number + "-read");
        this.writer = new Thread(this::writeLoop, "sim-irc-" + number + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
    }

    void start() {
        writer.start();
        reader.start();
    }

    /** Queues a generated chat line in the shape this connection asked for. */
    void sendChat(ChatLine line) {
        send(capabilities.contains("twitch.tv/tags") ? line.tagged() : line.plain());
    }

    /** Sends the server's keepalive; closes the connection if the previous one went unanswered. */
    void ping() {
        if (awaitingPong) {
            LOG.info("IRC connection {} did not answer PING, closing", number);
            close();
            return;
        }
        awaitingPong = true;
        send("PING :" + HOST);
    }

    long malformedLines() {
        return malformedLines;
    }

    void send(String line) {
        if (closed.get()) {
            return;
        }
        if (!outgoing.offer(line)) {
            LOG.warn("IRC connection {} is not reading fast enough ({} lines queued), closing",
                    number, MAX_QUEUED_LINES);
            close();
        }
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.forget(this);
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing IRC connection {}", number, e);
        }
        writer.interrupt();
    }

    private void readLoop() {
        try {
            BoundedLineReader lines = new BoundedLineReader(new BufferedInputStream(socket.getInputStream()),
                    MAX_LINE_BYTES);
            String raw;
            while (!closed.get() && (raw = lines.readLine()) != null) {
                handle(raw);
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
        try (Writer out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8),
                16_384)) {
            List<String> batch = new ArrayList<>(256);
            while (!closed.get()) {
                batch.add(outgoing.take());
                outgoing.drainTo(batch, 1_000);
                for (String line : batch) {
                    out.write(line);
                    out.write("\r\n");
                }
                out.flush();
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("IRC connection {} write ended: {}", number, e.toString());
        } finally {
            close();
        }
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
            case "QUIT" -> close();
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
        LOG.debug("IRC connection {} logged in as {}", number, nick);
    }

    private void refuse(String reason) {
        send(":" + HOST + " NOTICE * :" + reason);
        // Let the writer flush the notice before the socket goes away.
        server.closeSoon(this);
    }

    private void join(String channels) {
        if (channels == null) {
            return;
        }
        for (String name : channels.split(",")) {
            String login = name.strip().toLowerCase(Locale.ROOT);
            if (login.startsWith("#")) {
                login = login.substring(1);
            }
            if (login.isEmpty() || joined.contains(login)) {
                continue;
            }
            Optional<ChannelState> channel = server.world().byLogin(login);
            if (channel.isEmpty()) {
                continue; // Twitch says nothing at all about channels that do not exist
            }
            joined.add(login);
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
    }

    private void part(String channels) {
        if (channels == null) {
            return;
        }
        for (String name : channels.split(",")) {
            String login = name.strip().toLowerCase(Locale.ROOT);
            if (login.startsWith("#")) {
                login = login.substring(1);
            }
            if (joined.remove(login)) {
                server.unsubscribe(login, this);
                send(":" + nick + "!" + nick + "@" + nick + ".tmi.twitch.tv PART #" + login);
            }
        }
    }

    private void pong(String argument) {
        if (argument == null || argument.equals(HOST)) {
            send("PONG :" + HOST);
        } else {
            send(":" + HOST + " PONG " + HOST + " :" + argument);
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

    Set<String> joinedChannels() {
        return Set.copyOf(joined);
    }

    /** Stable per-login id for users whose token the simulator did not issue. */
    private static String syntheticUserId(String login) {
        return Long.toString(100_000_000L + Math.floorMod(login.hashCode(), 800_000_000L));
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 120 ? raw : raw.substring(0, 120) + "...";
    }
}
