package dev.streamscout.twitch.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatEventType;
import dev.streamscout.core.chat.ChatMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pool against {@link FakeTwitchServer} on real loopback sockets. JOIN windows are shortened
 * (the limiter is the same code whatever the window) so that hundreds of JOINs fit in seconds;
 * the defaults themselves are checked in {@link #defaultsAreTwitchsLimits()}.
 */
class IrcConnectionPoolTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Loopback delivery may bunch JOINs that were sent a window apart by a few ms. */
    private static final long JITTER_MS = 60;

    private final List<ChatMessage> chat = new CopyOnWriteArrayList<>();
    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    private FakeTwitchServer server;
    private IrcConnectionPool pool;

    @AfterEach
    void tearDown() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private IrcPoolSettings settings(int joinLimit, Duration joinWindow) {
        return IrcPoolSettings.anonymous(IrcEndpoint.tcp("127.0.0.1", server.port()))
                .withConnectInterval(Duration.ofMillis(150))
                .withJoinLimit(joinLimit, joinWindow)
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    private IrcConnectionPool start(IrcPoolSettings settings) {
        pool = new IrcConnectionPool(settings, chat::add, events::add);
        pool.start();
        return pool;
    }

    private static List<String> channels(int n) {
        return IntStream.range(0, n).mapToObj(i -> "chan" + i).collect(Collectors.toList());
    }

    @Test
    void defaultsAreTwitchsLimits() {
        IrcPoolSettings d = IrcPoolSettings.anonymous(IrcEndpoint.TWITCH_TLS);
        assertThat(d.channelsPerConnection()).isEqualTo(90);
        assertThat(d.connectInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.joinLimit()).isEqualTo(20);
        assertThat(d.joinWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.pingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.pongTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.maxBackoff()).isEqualTo(Duration.ofSeconds(60));
        assertThat(IrcEndpoint.TWITCH_TLS.toString()).isEqualTo("tls://irc.chat.twitch.tv:6697");
        assertThat(IrcEndpoint.TWITCH_WEBSOCKET.port()).isEqualTo(443);
    }

    @Test
    void spreads200ChannelsOverThreeConnectionsWithinTheJoinAndConnectLimits() throws Exception {
        server = new FakeTwitchServer();
        start(settings(20, Duration.ofMillis(300)));
        channels(200).forEach(pool::join);

        await().atMost(WAIT).until(() -> pool.confirmedChannels().size() == 200);
        assertThat(pool.channelsByConnection()).extracting(Set::size).containsExactly(90, 90, 20);
        List<FakeTwitchServer.Conn> open = server.open();
        assertThat(open).hasSize(3);
        assertThat(open).extracting(c -> c.joined.size()).containsExactlyInAnyOrder(90, 90, 20);
        assertThat(server.joinedChannels()).containsExactlyInAnyOrderElementsOf(channels(200));
        // One account for every connection, one JOIN per channel, never more than 20 in any window.
        assertThat(open).extracting(c -> c.nick).containsOnly(pool.nick());
        assertThat(server.joins).hasSize(200);
        assertThat(pool.joinLog().maxInAnyWindow(pool.nick(), Duration.ofMillis(300))).isLessThanOrEqualTo(20);
        assertThat(server.maxJoinsInWindow(300 - JITTER_MS)).isLessThanOrEqualTo(20);
        // A new connection at most every connectInterval.
        for (int i = 1; i < server.connections.size(); i++) {
            assertThat(server.connections.get(i).acceptedAtMillis - server.connections.get(i - 1).acceptedAtMillis)
                    .isGreaterThanOrEqualTo(150 - JITTER_MS);
        }
        IrcPoolStats stats = pool.stats();
        assertThat(stats.connectionsOpen()).isEqualTo(3);
        assertThat(stats.joinsSent()).isEqualTo(200);

        // Chat arrives from every connection.
        server.chat("chan0", "m0", "first connection");
        server.chat("chan199", "m199", "third connection");
        await().atMost(WAIT).until(() -> chat.size() == 2);
        assertThat(chat).extracting(ChatMessage::channelLogin).containsExactlyInAnyOrder("chan0", "chan199");
    }

    @Test
    void joinRateHoldsWhenTheServerDropsEveryConnectionRepeatedly() throws Exception {
        server = new FakeTwitchServer();
        start(settings(20, Duration.ofSeconds(1)).withChannelsPerConnection(15));
        channels(45).forEach(pool::join);
        await().atMost(WAIT).until(() -> pool.confirmedChannels().size() == 45);
        for (int drop = 0; drop < 3; drop++) {
            server.dropAll();
            await().atMost(WAIT).until(() -> pool.confirmedChannels().isEmpty() || server.open().size() < 3);
            await().atMost(WAIT).until(() -> pool.confirmedChannels().size() == 45 && server.joinedChannels().size() == 45);
        }
        assertThat(server.joins).hasSize(45 * 4);
        assertThat(pool.joinLog().count(pool.nick())).isEqualTo(45 * 4);
        assertThat(pool.joinLog().maxInAnyWindow(pool.nick(), Duration.ofSeconds(1))).isLessThanOrEqualTo(20);
        assertThat(server.maxJoinsInWindow(1_000 - JITTER_MS)).isLessThanOrEqualTo(20);
        assertThat(pool.stats().reconnects()).isGreaterThanOrEqualTo(9);
        assertThat(server.open()).hasSize(3);
    }

    @Test
    void reconnectIsMakeBeforeBreakAndLosesNoMessage() throws Exception {
        server = new FakeTwitchServer();
        start(settings(20, Duration.ofSeconds(1)));
        List<String> channels = channels(5);
        channels.forEach(pool::join);
        await().atMost(WAIT).until(() -> pool.confirmedChannels().size() == 5);
        FakeTwitchServer.Conn old = server.open().get(0);

        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger counter = new AtomicInteger();
        Set<String> sent = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread sender = new Thread(() -> {
            while (sending.get()) {
                String channel = channels.get(counter.get() % channels.size());
                String id = "msg-" + counter.getAndIncrement();
                if (server.chat(channel, id, "hello " + id) > 0) {
                    sent.add(id);
                }
                sleep(3);
            }
        });
        sender.start();
        await().atMost(WAIT).until(() -> chat.size() > 50);

        old.send(":tmi.twitch.tv RECONNECT"); // Twitch keeps the old connection up for a while
        await().atMost(WAIT).until(() -> !old.open);
        FakeTwitchServer.Conn replacement = server.open().get(0);
        assertThat(replacement).isNotSameAs(old);
        assertThat(replacement.joined).containsExactlyInAnyOrderElementsOf(channels);
        // The old connection was dropped by the client only after every channel was joined on the new one.
        long lastJoinOnNew = server.joins.stream().filter(j -> j.connection() == replacement)
                .mapToLong(FakeTwitchServer.JoinReceived::atMillis).max().orElseThrow();
        assertThat(old.closedAtMillis).isGreaterThanOrEqualTo(lastJoinOnNew);

        int before = chat.size();
        await().atMost(WAIT).until(() -> chat.size() > before + 50);
        sending.set(false);
        sender.join();
        await().atMost(WAIT).until(() -> chat.size() >= sent.size());
        sleep(200);
        List<String> received = chat.stream().map(ChatMessage::messageId).collect(Collectors.toList());
        assertThat(new HashSet<>(received)).hasSameSizeAs(received); // nothing delivered twice
        assertThat(new HashSet<>(received)).isEqualTo(sent);         // nothing lost
        assertThat(pool.stats().duplicatesDropped()).isPositive();   // both connections carried the overlap
        assertThat(pool.stats().reconnects()).isEqualTo(1);
        assertThat(server.joins).hasSize(10);
    }

    @Test
    void suspendedChannelIsNotRejoined() throws Exception {
        server = new FakeTwitchServer();
        server.suspended.add("gone");
        start(settings(20, Duration.ofSeconds(1)));
        pool.join("gone");
        pool.join("alive");
        await().atMost(WAIT).until(() -> pool.suspendedChannels().contains("gone") && pool.confirmedChannels().contains("alive"));
        assertThat(pool.joinedChannels()).containsExactly("alive");
        assertThat(pool.stats().noticesByMsgId()).containsEntry("msg_channel_suspended", 1L);

        server.dropAll();
        await().atMost(WAIT).until(() -> server.joinedChannels().contains("alive"));
        pool.join("gone"); // the monitor asking again changes nothing
        sleep(300);
        assertThat(server.joins.stream().filter(j -> j.channel().equals("gone"))).hasSize(1);
        assertThat(server.joins.stream().filter(j -> j.channel().equals("alive"))).hasSize(2);
    }

    @Test
    void rejectedLoginStopsRetryingWithAnErrorThatNamesTheFix() throws Exception {
        server = new FakeTwitchServer();
        server.rejectedToken = "expired";
        List<String> failures = new CopyOnWriteArrayList<>();
        IrcPoolSettings s = settings(20, Duration.ofSeconds(1)).withLogin("StreamScoutBot", () -> "expired");
        pool = new IrcConnectionPool(s, chat::add, events::add, failures::add);
        pool.join("somechannel");
        pool.start();
        await().atMost(WAIT).until(() -> pool.state() == IrcConnectionPool.State.LOGIN_FAILED);
        assertThat(server.connections.get(0).pass).isEqualTo("oauth:expired");
        assertThat(server.connections.get(0).nick).isEqualTo("streamscoutbot");
        sleep(1_000); // several backoff periods
        assertThat(server.logins.get()).isEqualTo(1);
        assertThat(server.connections).hasSize(1);
        assertThat(failures).hasSize(1);
        assertThat(pool.loginFailure()).contains(failures.get(0));
        assertThat(failures.get(0)).contains("TWITCH_TOKEN_FILE").contains("streamscout auth").contains("Not retrying");
    }

    @Test
    void dedupesTheSameMessageIdAcrossConnections() throws Exception {
        server = new FakeTwitchServer();
        start(settings(20, Duration.ofSeconds(1)).withChannelsPerConnection(1));
        pool.join("a");
        pool.join("b");
        await().atMost(WAIT).until(() -> pool.confirmedChannels().size() == 2 && server.open().size() == 2);
        String line = FakeTwitchServer.privmsg("a", "same-id", "sent twice by Twitch");
        for (FakeTwitchServer.Conn c : server.open()) {
            c.send(line); // the same message on both connections
        }
        server.chat("b", "other-id", "once");
        await().atMost(WAIT).until(() -> chat.size() == 2 && pool.stats().duplicatesDropped() == 1);
        sleep(100);
        assertThat(chat).extracting(ChatMessage::messageId).containsExactlyInAnyOrder("same-id", "other-id");
    }

    @Test
    void usernoticesAndCheersBecomeChatEvents() throws Exception {
        server = new FakeTwitchServer();
        start(settings(20, Duration.ofSeconds(1)));
        pool.join("xqcow");
        await().atMost(WAIT).until(() -> pool.confirmedChannels().contains("xqcow"));
        FakeTwitchServer.Conn c = server.open().get(0);
        c.send("@badge-info=;badges=;color=;display-name=Gifter;emotes=;id=g1;login=gifter;mod=0;msg-id=submysterygift;"
                        + "msg-param-mass-gift-count=20;msg-param-sub-plan=1000;room-id=71092938;subscriber=0;"
                        + "system-msg=Gifter\\sis\\sgifting\\s20\\ssubs!;tmi-sent-ts=1594583777669;user-id=211711554;user-type="
                        + " :tmi.twitch.tv USERNOTICE #xqcow",
                "@bits=500;display-name=Cheerer;id=c1;room-id=71092938;tmi-sent-ts=1594583777670;user-id=5"
                        + " :cheerer!cheerer@cheerer.tmi.twitch.tv PRIVMSG #xqcow :cheer500 hype",
                "@msg-id=subgift :tmi.twitch.tv USERNOTICE #xqcow"); // no room-id: counted, not delivered
        await().atMost(WAIT).until(() -> events.size() == 2 && chat.size() == 1);
        assertThat(events).extracting(ChatEvent::type, ChatEvent::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChatEventType.SUBMYSTERYGIFT, 20L),
                        org.assertj.core.groups.Tuple.tuple(ChatEventType.BITS, 500L));
        assertThat(events.get(0).attributes()).containsEntry("sub-plan", "1000").doesNotContainKey("mass-gift-count");
        assertThat(pool.stats().rejectedMessages()).containsEntry("USERNOTICE missing room-id", 1L);
        assertThat(pool.stats().chatEvents()).isEqualTo(2);
    }

    @Test
    void channelLimitStopsFurtherJoinsOnTheAccount() throws Exception {
        server = new FakeTwitchServer();
        server.channelLimit = 2;
        start(settings(20, Duration.ofSeconds(1)));
        pool.join("one");
        pool.join("two");
        await().atMost(WAIT).until(() -> pool.confirmedChannels().size() == 2);
        pool.join("three");
        await().atMost(WAIT).until(pool::channelLimitReached);
        pool.join("four");
        sleep(400);
        assertThat(server.joins).extracting(FakeTwitchServer.JoinReceived::channel).containsExactly("one", "two", "three");
        assertThat(pool.stats().noticesByMsgId()).containsEntry("msg_concurrent_channel_limit_reached", 1L);

        // After a drop, the channels the account had are rejoined; the refused ones are not tried again.
        server.dropAll();
        await().atMost(WAIT).until(() -> server.joinedChannels().size() == 2);
        sleep(300);
        assertThat(server.joins.stream().filter(j -> j.channel().equals("three") || j.channel().equals("four"))).hasSize(1);
    }

    @Test
    void deadConnectionWithoutPongIsReplaced() throws Exception {
        server = new FakeTwitchServer();
        start(settings(20, Duration.ofSeconds(1)).withKeepalive(Duration.ofMillis(300), Duration.ofMillis(300)));
        pool.join("chan");
        await().atMost(WAIT).until(() -> pool.confirmedChannels().contains("chan"));
        server.answerPings = false;
        await().atMost(WAIT).until(() -> pool.stats().pongTimeouts() >= 1);
        server.answerPings = true;
        await().atMost(WAIT).until(() -> server.open().size() == 1 && server.connections.size() >= 2
                && server.open().get(0).joined.contains("chan"));
        assertThat(server.connections.get(0).open).isFalse();
    }

    @Test
    void partLeavesAndClosesAnEmptiedExtraConnection() throws Exception {
        server = new FakeTwitchServer();
        start(settings(20, Duration.ofSeconds(1)).withChannelsPerConnection(2));
        List<String> three = channels(3);
        three.forEach(pool::join);
        await().atMost(WAIT).until(() -> pool.confirmedChannels().size() == 3 && server.open().size() == 2);
        pool.part("chan2");
        await().atMost(WAIT).until(() -> server.open().size() == 1);
        assertThat(pool.joinedChannels()).containsExactlyInAnyOrder("chan0", "chan1");
        pool.part("#CHAN1");
        await().atMost(WAIT).until(() -> !server.joinedChannels().contains("chan1"));
        assertThat(pool.stats().partsSent()).isEqualTo(1); // chan2's connection was simply closed
        assertThat(new ArrayList<>(pool.joinedChannels())).containsExactly("chan0");
    }

    @Test
    void garbageOnALiveConnectionIsCountedAndSkippedWhileTheConnectionStaysUp() throws Exception {
        server = new FakeTwitchServer();
        start(settings(20, Duration.ofSeconds(1)));
        pool.join("chan");
        await().atMost(WAIT).until(() -> pool.confirmedChannels().contains("chan"));
        FakeTwitchServer.Conn c = server.open().get(0);
        java.util.Random random = new java.util.Random(42);
        List<String> corpus = new ArrayList<>();
        IrcVectors.load().forEach(v -> corpus.add(v.raw()));
        int garbage = 5_000;
        String[] batch = new String[100];
        for (int i = 0; i < garbage; i += batch.length) {
            for (int j = 0; j < batch.length; j++) {
                String line = (j % 2 == 0) ? IrcFuzzTest.mutate(corpus.get(random.nextInt(corpus.size())), corpus, random)
                        : IrcFuzzTest.twitchShaped(random);
                // One line each: line breaks would make two (the reader splits on LF, as Twitch's framing requires).
                batch[j] = line.replace('\r', ' ').replace('\n', ' ').replace("RECONNECT", "RECONNECTED");
            }
            c.send(batch);
        }
        server.chat("chan", "after-garbage", "still reading");
        await().atMost(WAIT).until(() -> chat.stream().anyMatch(m -> "after-garbage".equals(m.messageId())));
        IrcPoolStats stats = pool.stats();
        int welcome = 5; // CAP ACK, 001, 002, 376, GLOBALUSERSTATE
        int joinReply = 5; // JOIN, 353, 366, USERSTATE, ROOMSTATE
        assertThat(stats.linesReceived()).isEqualTo(welcome + joinReply + garbage + 1);
        assertThat(stats.linesDecoded() + stats.parseErrors()).isEqualTo(stats.linesReceived());
        assertThat(stats.parseErrors()).isGreaterThan(garbage / 4);
        assertThat(stats.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void unansweredJoinIsSentAgainWithGrowingDelay() throws Exception {
        server = new FakeTwitchServer();
        server.unanswered.put("busy", 2); // the first two JOINs vanish
        start(settings(20, Duration.ofSeconds(1)).withJoinRetryAfter(Duration.ofMillis(300)));
        pool.join("busy");
        await().atMost(WAIT).until(() -> pool.confirmedChannels().contains("busy"));
        List<Long> times = server.joins.stream().map(FakeTwitchServer.JoinReceived::atMillis).collect(Collectors.toList());
        assertThat(times).hasSize(3);
        assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(300 - JITTER_MS);
        assertThat(times.get(2) - times.get(1)).isGreaterThanOrEqualTo(600 - JITTER_MS); // doubled
        sleep(700);
        assertThat(server.joins).hasSize(3); // confirmed: no more retries
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
