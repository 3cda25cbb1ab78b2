package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatEventType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** USERNOTICEs (subs, gifts, gift bombs, raids, announcements) and cheers, as a client receives them. */
class ChatEventsTest {

    private static final Set<String> USERNOTICE_TAGS = Set.of("badge-info", "badges", "color", "display-name", "emotes",
            "flags", "id", "login", "mod", "msg-id", "room-id", "subscriber", "system-msg", "tmi-sent-ts", "user-id",
            "user-type");

    private static TwitchSimulator sim;
    private static final List<String> raw = new ArrayList<>();
    private static final List<IrcTestLine> lines = new ArrayList<>();
    private static final List<String> plainClientLines = new ArrayList<>();
    private static final Map<String, ChatEvent> truth = new ConcurrentHashMap<>();

    @BeforeAll
    static void collect() throws IOException {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withSeed(11).withTotalChatRatePerSecond(1_500)
                .withChatEventShare(0.08).withScheduleHypeMoments(false)).start();
        sim.addChatEventListener(event -> truth.put(event.eventId(), event));
        List<String> joins = sim.channels().subList(0, 6).stream().map(c -> "#" + c.login()).toList();
        try (RawIrcClient client = RawIrcClient.anonymous(sim.ircPort());
             RawIrcClient plain = new RawIrcClient(sim.ircPort())) {
            plain.send("NICK justinfan31337");
            plain.send("JOIN " + String.join(",", joins));
            client.send("JOIN " + String.join(",", joins));
            raw.addAll(client.readFor(Duration.ofMillis(4_000)));
            plainClientLines.addAll(plain.readFor(Duration.ofMillis(200)));
        }
        raw.forEach(line -> lines.add(IrcTestLine.parse(line)));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static List<IrcTestLine> notices(String msgId) {
        return lines.stream().filter(l -> l.command().equals("USERNOTICE") && msgId.equals(l.tags().get("msg-id")))
                .toList();
    }

    @Test
    void everyKindAppearsWithTwitchsTagSet() {
        for (String kind : List.of("sub", "resub", "subgift", "submysterygift", "raid", "announcement")) {
            assertThat(notices(kind)).as(kind).isNotEmpty();
        }
        List<IrcTestLine> all = lines.stream().filter(l -> l.command().equals("USERNOTICE")).toList();
        for (IrcTestLine notice : all) {
            assertThat(notice.tags().keySet()).containsAll(USERNOTICE_TAGS);
            assertThat(notice.prefix()).isEqualTo("tmi.twitch.tv");
            assertThat(notice.tags().get("room-id")).isEqualTo(sim.channel(notice.channel()).orElseThrow().id());
            assertThat(Long.parseLong(notice.tags().get("tmi-sent-ts"))).isPositive();
        }
        // system-msg is escaped: the tag section never contains a raw space.
        for (String line : raw) {
            if (line.contains(" USERNOTICE #")) {
                String tags = line.substring(0, line.indexOf(" :tmi.twitch.tv USERNOTICE"));
                assertThat(tags).doesNotContain(" ").contains("system-msg=");
            }
        }
        assertThat(notices("sub")).allSatisfy(n -> assertThat(n.tags().get("system-msg")).contains(" subscribed "));
        assertThat(notices("resub")).allSatisfy(n ->
                assertThat(n.tags().get("system-msg")).contains("They've subscribed for "
                        + n.tags().get("msg-param-cumulative-months") + " months"));
        assertThat(notices("announcement")).allSatisfy(n -> {
            assertThat(n.tags()).containsKey("msg-param-color");
            assertThat(n.text()).isNotBlank();
        });
    }

    @Test
    void giftBombIsFollowedByOneSubgiftPerRecipientWithTheSameOrigin() {
        for (IrcTestLine bomb : notices("submysterygift")) {
            int count = Integer.parseInt(bomb.tags().get("msg-param-mass-gift-count"));
            String origin = bomb.tags().get("msg-param-origin-id");
            assertThat(origin).matches("([0-9a-f]{2} ){19}[0-9a-f]{2}");
            List<IrcTestLine> gifts = notices("subgift").stream()
                    .filter(g -> origin.equals(g.tags().get("msg-param-origin-id"))).toList();
            assertThat(gifts).hasSize(count);
            assertThat(gifts).allSatisfy(g -> {
                assertThat(g.tags().get("login")).isEqualTo(bomb.tags().get("login"));
                assertThat(g.tags()).containsKeys("msg-param-recipient-id", "msg-param-recipient-user-name",
                        "msg-param-recipient-display-name", "msg-param-sub-plan");
            });
        }
    }

    @Test
    void raidIsFollowedByABurstOfChatFromTheRaiders() {
        List<IrcTestLine> raids = notices("raid");
        assertThat(raids).isNotEmpty();
        for (IrcTestLine raid : raids) {
            String raider = raid.tags().get("msg-param-login");
            assertThat(sim.channel(raider)).isPresent();
            assertThat(raid.tags().get("system-msg"))
                    .isEqualTo(raid.tags().get("msg-param-viewerCount") + " raiders from "
                            + raid.tags().get("msg-param-displayName") + " have joined!");
            int index = lines.indexOf(raid);
            // The raid call comes right after the notice; more raiders follow over the next seconds.
            assertThat(lines.subList(index, lines.size())).anySatisfy(l -> {
                assertThat(l.command()).isEqualTo("PRIVMSG");
                assertThat(l.channel()).isEqualTo(raid.channel());
                assertThat(l.text()).startsWith(raider.toUpperCase() + " RAID");
                assertThat(l.tags().get("tmi-sent-ts")).isEqualTo(raid.tags().get("tmi-sent-ts"));
            });
        }
        long raidChat = lines.stream().filter(l -> l.command().equals("PRIVMSG") && l.text() != null
                && (l.text().contains(" RAID") || l.text().contains("'s stream HeyGuys") || l.text().contains(" sent us ")))
                .count();
        assertThat(raidChat).as("a burst, not just one call per raid").isGreaterThan(raids.size());
    }

    @Test
    void cheersArePrivmsgsWithBitsAndACheermoteOfThatAmount() {
        List<IrcTestLine> cheers = lines.stream().filter(l -> l.command().equals("PRIVMSG") && l.tags().containsKey("bits"))
                .toList();
        assertThat(cheers).isNotEmpty();
        for (IrcTestLine cheer : cheers) {
            String bits = cheer.tags().get("bits");
            assertThat(cheer.text()).containsPattern("(^| )[A-Za-z]+" + bits + "( |$)");
            assertThat(cheer.tags().get("badges")).contains("bits/");
            ChatEvent event = truth.get(cheer.tags().get("id"));
            assertThat(event.type()).isEqualTo(ChatEventType.BITS);
            assertThat(event.amount()).isEqualTo(Long.parseLong(bits));
        }
    }

    @Test
    void groundTruthEventsMatchWhatWasSent() {
        List<IrcTestLine> notices = lines.stream().filter(l -> l.command().equals("USERNOTICE")).toList();
        for (IrcTestLine notice : notices) {
            ChatEvent event = truth.get(notice.tags().get("id"));
            assertThat(event).as("event for " + notice.tags().get("id")).isNotNull();
            assertThat(event.type()).isEqualTo(ChatEventType.fromMsgId(notice.tags().get("msg-id")));
            assertThat(event.msgId()).isEqualTo(notice.tags().get("msg-id"));
            assertThat(event.channelLogin()).isEqualTo(notice.channel());
            assertThat(event.userId()).isEqualTo(notice.tags().get("user-id"));
            assertThat(event.systemMessage()).isEqualTo(notice.tags().get("system-msg"));
            assertThat(event.message()).isEqualTo(notice.text() == null ? "" : notice.text());
            Map<String, String> params = notice.tags().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("msg-param-"))
                    .collect(Collectors.toMap(e -> e.getKey().substring(10), Map.Entry::getValue));
            assertThat(event.attributes()).isEqualTo(params);
            long expectedAmount = switch (event.type()) {
                case SUB, RESUB -> Long.parseLong(params.get("cumulative-months"));
                case SUBMYSTERYGIFT -> Long.parseLong(params.get("mass-gift-count"));
                case RAID -> Long.parseLong(params.get("viewerCount"));
                case SUBGIFT -> 1;
                default -> 0;
            };
            assertThat(event.amount()).isEqualTo(expectedAmount);
        }
        Set<String> ids = new HashSet<>();
        lines.stream().filter(l -> l.tags().containsKey("id")).forEach(l -> assertThat(ids.add(l.tags().get("id"))).isTrue());
    }

    @Test
    void clientsWithoutTheCommandsCapabilityGetNoUsernotice() {
        assertThat(plainClientLines).isNotEmpty().noneMatch(l -> l.contains("USERNOTICE"));
    }

    @Test
    void eventsAreRareByDefault() throws IOException {
        try (TwitchSimulator quiet = new TwitchSimulator(SimulatorSettings.defaults().withSeed(2)
                .withTotalChatRatePerSecond(3_000).withScheduleHypeMoments(false)).start();
             RawIrcClient client = RawIrcClient.anonymous(quiet.ircPort())) {
            client.send("JOIN " + String.join(",", quiet.channels().stream().map(c -> "#" + c.login()).toList()));
            List<IrcTestLine> received = client.readFor(Duration.ofMillis(1_500)).stream().map(IrcTestLine::parse).toList();
            Set<String> bombs = received.stream().filter(l -> "submysterygift".equals(l.tags().get("msg-id")))
                    .map(l -> l.tags().get("msg-param-origin-id")).collect(Collectors.toSet());
            // One event per occurrence: the gifts of a gift bomb belong to its submysterygift.
            long events = received.stream().filter(l -> l.command().equals("USERNOTICE") || l.tags().containsKey("bits"))
                    .filter(l -> !("subgift".equals(l.tags().get("msg-id")) && bombs.contains(l.tags().get("msg-param-origin-id"))))
                    .count();
            long messages = received.stream().filter(l -> l.command().equals("PRIVMSG")).count();
            assertThat(messages).isGreaterThan(2_000);
            assertThat((double) events / messages).isLessThan(0.02);
        }
    }
}
