package dev.streamscout.twitch.irc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivmsgMapperTest {

    private static final String TAGS = "@badge-info=;badges=;color=;display-name=Schmoopiie;emotes=25:0-4,12-16/1902:6-10;"
            + "id=msg-1;mod=0;room-id=20624989;subscriber=0;tmi-sent-ts=1594545155039;user-id=12345;user-type=";

    @Test
    void mapsEveryFieldOfAChatMessage() {
        ChatMessage chat = PrivmsgMapper.toChatMessage(IrcLineParser.parse(
                TAGS + " :schmoopiie!schmoopiie@schmoopiie.tmi.twitch.tv PRIVMSG #schmoopiie :Kappa Keepo Kappa")).orElseThrow();
        assertThat(chat).isEqualTo(new ChatMessage("20624989", "schmoopiie", "12345", "schmoopiie", "Schmoopiie",
                "Kappa Keepo Kappa", 1594545155039L, List.of("Kappa", "Keepo", "Kappa"), "msg-1"));
    }

    @Test
    void actionIsStrippedAndEmotesIndexTheInnerText() {
        Privmsg p = PrivmsgMapper.toPrivmsg(IrcLineParser.parse(
                TAGS + " :schmoopiie!schmoopiie@schmoopiie.tmi.twitch.tv PRIVMSG #schmoopiie :\u0001ACTION Kappa Keepo Kappa\u0001"))
                .orElseThrow();
        assertThat(p.action()).isTrue();
        assertThat(p.text()).isEqualTo("Kappa Keepo Kappa");
        assertThat(Emotes.names(p.emotes())).containsExactly("Kappa", "Keepo", "Kappa");
        assertThat(PrivmsgMapper.stripAction("\u0001ACTION\u0001")).isEmpty();
        assertThat(PrivmsgMapper.isAction("\u0001ACTION unterminated")).isFalse();
    }

    @Test
    void missingFieldsRejectWithAReason() {
        String line = " :u!u@u.tmi.twitch.tv PRIVMSG #c :hi";
        assertThat(problem("@room-id=1;user-id=2" + line)).isEqualTo("missing or garbled tmi-sent-ts");
        assertThat(problem("@room-id=1;user-id=2;tmi-sent-ts=12x" + line)).isEqualTo("missing or garbled tmi-sent-ts");
        assertThat(problem("@room-id=1;user-id=2;tmi-sent-ts=99999999999999999999" + line)).isEqualTo("missing or garbled tmi-sent-ts");
        assertThat(problem("@user-id=2;tmi-sent-ts=1" + line)).isEqualTo("missing room-id");
        assertThat(problem("@room-id=;user-id=2;tmi-sent-ts=1" + line)).isEqualTo("missing room-id");
        assertThat(problem("@room-id=1;tmi-sent-ts=1" + line)).isEqualTo("missing user-id");
        assertThat(problem("@room-id=1;user-id=2;tmi-sent-ts=1 :tmi.twitch.tv PRIVMSG #c :hi")).isEqualTo("missing sender login");
        assertThat(PrivmsgMapper.toChatMessage(IrcLineParser.parse("@room-id=1;user-id=2" + line))).isEmpty();
    }

    @Test
    void loginTagAndLoginFallbacks() {
        Privmsg p = PrivmsgMapper.toPrivmsg(IrcLineParser.parse(
                "@login=someone;room-id=1;user-id=2;tmi-sent-ts=5 :tmi.twitch.tv PRIVMSG #c :hi")).orElseThrow();
        assertThat(p.login()).isEqualTo("someone");
        assertThat(p.displayName()).isEqualTo("someone");
        assertThat(p.messageId()).isNull();
        assertThat(p.toChatMessage().messageId()).isNull();
    }

    @Test
    void notAChannelPrivmsgIsEmpty() {
        assertThat(PrivmsgMapper.toPrivmsg(IrcLineParser.parse(":a!a@a PRIVMSG #twitch:Howdy!"))).isEmpty();
        assertThat(PrivmsgMapper.toPrivmsg(IrcLineParser.parse(":a!a@a PRIVMSG someone :hi"))).isEmpty();
        assertThat(PrivmsgMapper.toPrivmsg(IrcLineParser.parse(":a!a@a NOTICE #c :hi"))).isEmpty();
        assertThat(PrivmsgMapper.toPrivmsg(null)).isEmpty();
    }

    private static String problem(String line) {
        return PrivmsgMapper.toPrivmsg(IrcLineParser.parse(line)).orElseThrow().problem().orElse("none");
    }
}
