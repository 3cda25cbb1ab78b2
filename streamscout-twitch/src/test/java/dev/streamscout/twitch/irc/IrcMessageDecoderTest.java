package dev.streamscout.twitch.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatEventType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IrcMessageDecoderTest {

    private static final String RAID = "@badge-info=;badges=turbo/1;color=#9ACD32;display-name=TestChannel;emotes=;"
            + "id=3d830f12;login=testchannel;mod=0;msg-id=raid;msg-param-displayName=TestChannel;msg-param-login=testchannel;"
            + "msg-param-viewerCount=15;room-id=33332222;subscriber=0;system-msg=15\\sraiders\\sfrom\\sTestChannel\\shave\\sjoined!;"
            + "tmi-sent-ts=1507246572675;user-id=123456;user-type= :tmi.twitch.tv USERNOTICE #othertestchannel";

    @Test
    void raidBecomesAChatEventWithViewersAsAmountAndOtherParamsAsAttributes() {
        IrcEvent.UserNotice n = (IrcEvent.UserNotice) IrcMessageDecoder.decodeLine(RAID);
        assertThat(n.text()).isNull();
        assertThat(n.badges()).containsExactly(Map.entry("turbo", "1"));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("displayName", "TestChannel");
        attributes.put("login", "testchannel");
        assertThat(n.toChatEvent()).isEqualTo(new ChatEvent(ChatEventType.RAID, "raid", "3d830f12", "33332222",
                "othertestchannel", "123456", "testchannel", "TestChannel", 1507246572675L, 15,
                "15 raiders from TestChannel have joined!", "", attributes));
    }

    @Test
    void amountPerType() {
        assertThat(amount("msg-id=sub;msg-param-cumulative-months=7;msg-param-months=0")).isEqualTo(7);
        assertThat(amount("msg-id=resub;msg-param-months=3")).isEqualTo(3); // older lines: months only
        assertThat(amount("msg-id=subgift;msg-param-gift-months=6")).isEqualTo(1);
        assertThat(amount("msg-id=anonsubmysterygift;msg-param-mass-gift-count=50")).isEqualTo(50);
        assertThat(amount("msg-id=bitsbadgetier;msg-param-threshold=10000")).isEqualTo(10_000);
        assertThat(amount("msg-id=announcement;msg-param-color=BLUE")).isZero();
        assertThat(amount("msg-id=raid;msg-param-viewerCount=lots")).isZero(); // garbled: no amount, kept as attribute
        assertThat(event("msg-id=raid;msg-param-viewerCount=lots").attributes()).containsEntry("viewerCount", "lots");
        assertThat(event("msg-id=viewermilestone;msg-param-value=7").type()).isEqualTo(ChatEventType.OTHER);
    }

    @Test
    void usernoticeTextKeepsTheActionFrame() {
        IrcEvent.UserNotice n = (IrcEvent.UserNotice) IrcMessageDecoder.decodeLine(
                "@msg-id=resub;room-id=1;tmi-sent-ts=2;emotes=25:8-12 :tmi.twitch.tv USERNOTICE #c :\u0001ACTION Kappa\u0001");
        assertThat(n.text()).isEqualTo("\u0001ACTION Kappa\u0001");
        assertThat(n.emotes()).extracting(EmoteRange::name).containsExactly("Kappa");
    }

    @Test
    void cheerIsChatAndABitsEvent() {
        Privmsg p = (Privmsg) IrcMessageDecoder.decodeLine("@bits=100;id=x1;room-id=9;user-id=8;tmi-sent-ts=5;display-name=Cheery"
                + " :cheery!cheery@cheery.tmi.twitch.tv PRIVMSG #chan :cheer100 nice");
        assertThat(p.bits()).isEqualTo(100);
        assertThat(p.toChatMessage().message()).isEqualTo("cheer100 nice");
        assertThat(p.toCheerEvent()).contains(new ChatEvent(ChatEventType.BITS, "bits", "x1", "9", "chan", "8", "cheery",
                "Cheery", 5, 100, "", "cheer100 nice", Map.of()));
        Privmsg plain = (Privmsg) IrcMessageDecoder.decodeLine("@bits=abc;room-id=9;user-id=8;tmi-sent-ts=5 :a!a@a PRIVMSG #c :hi");
        assertThat(plain.bits()).isZero();
        assertThat(plain.toCheerEvent()).isEmpty();
    }

    @Test
    void roomStateAndClearChat() {
        IrcEvent.RoomState full = (IrcEvent.RoomState) IrcMessageDecoder.decodeLine(
                "@emote-only=0;followers-only=10;r9k=1;room-id=5;slow=30;subs-only=0 :tmi.twitch.tv ROOMSTATE #c");
        assertThat(full).isEqualTo(new IrcEvent.RoomState("c", "5", false, 10, true, 30, false, full.source()));
        assertThat(full.complete()).isTrue();
        IrcEvent.RoomState partial = (IrcEvent.RoomState) IrcMessageDecoder.decodeLine("@slow=x;room-id=5 :tmi.twitch.tv ROOMSTATE #c");
        assertThat(partial.slowSeconds()).isNull();
        assertThat(partial.complete()).isFalse();
        IrcEvent.ClearChat timeout = (IrcEvent.ClearChat) IrcMessageDecoder.decodeLine(
                "@ban-duration=600;room-id=5;target-user-id=7;tmi-sent-ts=9 :tmi.twitch.tv CLEARCHAT #c :bad_guy");
        assertThat(timeout.kind()).isEqualTo(IrcEvent.ClearChat.Kind.USER_TIMED_OUT);
        assertThat(timeout.banDurationSeconds()).isEqualTo(600);
    }

    @Test
    void connectionLevelCommands() {
        assertThat(((IrcEvent.Ping) IrcMessageDecoder.decodeLine("PING :tmi.twitch.tv")).reply()).isEqualTo("PONG :tmi.twitch.tv");
        assertThat(((IrcEvent.Ping) IrcMessageDecoder.decodeLine("PING")).reply()).isEqualTo("PONG");
        assertThat(((IrcEvent.Welcome) IrcMessageDecoder.decodeLine(":tmi.twitch.tv 001 justinfan1 :Welcome, GLHF!")).nick())
                .isEqualTo("justinfan1");
        assertThat(((IrcEvent.Notice) IrcMessageDecoder.decodeLine(":tmi.twitch.tv NOTICE * :Login authentication failed"))
                .isLoginFailure()).isTrue();
        IrcEvent.Notice suspended = (IrcEvent.Notice) IrcMessageDecoder.decodeLine(
                "@msg-id=msg_channel_suspended :tmi.twitch.tv NOTICE #gone :This channel does not exist or has been suspended.");
        assertThat(suspended.channelLogin()).isEqualTo("gone");
        assertThat(suspended.isLoginFailure()).isFalse();
        assertThat(((IrcEvent.Names) IrcMessageDecoder.decodeLine(":me.tmi.twitch.tv 353 me = #c :a b  c")).logins())
                .isEqualTo(List.of("a", "b", "c"));
        assertThat(IrcMessageDecoder.decodeLine(":tmi.twitch.tv 372 me :motd")).isInstanceOf(IrcEvent.Unknown.class);
    }

    @Test
    void knownCommandsWithTheWrongShapeAreRejectedWithAReason() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(":a!a@a PRIVMSG #twitch:Howdy!", "PRIVMSG without a channel and a text");
        cases.put(":a!a@a PRIVMSG someone :hi", "PRIVMSG target is not a channel");
        cases.put("@room-id=1 :tmi.twitch.tv USERNOTICE #c :no msg-id", "USERNOTICE without msg-id");
        cases.put(":tmi.twitch.tv CLEARMSG #c :text", "CLEARMSG without target-msg-id");
        cases.put(":tmi.twitch.tv NOTICE #c : FOO", "channel NOTICE without msg-id");
        cases.put(":tmi.twitch.tv ROOMSTATE", "ROOMSTATE without a channel");
        cases.put(":tmi.twitch.tv JOIN #c", "JOIN without a sender");
        cases.put(":tmi.twitch.tv CAP", "CAP without a subcommand");
        cases.forEach((line, reason) -> assertThatThrownBy(() -> IrcMessageDecoder.decodeLine(line))
                .as(line).isInstanceOfSatisfying(IrcParseException.class, e -> assertThat(e.reason()).isEqualTo(reason)));
    }

    @Test
    void countingDecoderAccountsForEveryLine() {
        CountingLineDecoder d = new CountingLineDecoder();
        assertThat(d.decode("PING :x")).isPresent();
        assertThat(d.decode(":tmi.twitch.tv NOTICE #c : FOO")).isEmpty();
        assertThat(d.decode("")).isEmpty();
        assertThat(d.decode(null)).isEmpty();
        assertThat(d.decoded()).isEqualTo(1);
        assertThat(d.rejected()).isEqualTo(3);
        assertThat(d.rejectedByReason()).containsEntry("channel NOTICE without msg-id", 1L).containsEntry("empty line", 1L);
    }

    private static long amount(String tags) {
        return event(tags).amount();
    }

    private static ChatEvent event(String tags) {
        return ((IrcEvent.UserNotice) IrcMessageDecoder.decodeLine("@" + tags + ";room-id=1;tmi-sent-ts=2;login=u;user-id=3"
                + " :tmi.twitch.tv USERNOTICE #c")).toChatEvent();
    }
}
