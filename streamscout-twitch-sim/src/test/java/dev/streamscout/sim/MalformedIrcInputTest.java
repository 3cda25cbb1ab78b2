package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Garbage from one client is ignored and never disturbs that connection or any other. */
class MalformedIrcInputTest {

    @Test
    void garbageIsIgnoredAndEveryConnectionKeepsWorking() throws IOException {
        try (TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(300)
                .withScheduleHypeMoments(false)).start();
             RawIrcClient bystander = RawIrcClient.anonymous(sim.ircPort());
             RawIrcClient vandal = RawIrcClient.anonymous(sim.ircPort())) {
            SimChannel channel = sim.channels().get(0);
            bystander.send("JOIN #" + channel.login());
            bystander.readUntil(line -> line.contains("ROOMSTATE"), Duration.ofSeconds(5));

            vandal.send("@only-tags-no-command");
            vandal.send(":prefix.only");
            vandal.send("!!!! ????");
            vandal.send("@a=b :x");
            vandal.send("JOIN");
            vandal.send("PART");
            vandal.send("CAP");
            vandal.send("CAP REQ");
            vandal.send("NICK");
            vandal.send("PRIVMSG #" + channel.login() + " :hello from a client");
            vandal.sendRaw(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x01, (byte) 0xc3, '\r', '\n'});
            vandal.sendRaw(("X".repeat(20_000) + "\r\n").getBytes(StandardCharsets.UTF_8));
            vandal.sendRaw("\r\n\n   \r\n".getBytes(StandardCharsets.UTF_8));
            vandal.send("WHOIS someone");
            vandal.send("PING :after-garbage");
            List<String> replies = vandal.readUntil(line -> line.contains("after-garbage"), Duration.ofSeconds(5));
            assertThat(replies).last().isEqualTo(":tmi.twitch.tv PONG tmi.twitch.tv :after-garbage");
            assertThat(replies).anyMatch(line -> line.contains(" 421 ") && line.contains("WHOIS"));
            assertThat(sim.malformedIrcLines()).isGreaterThanOrEqualTo(5);

            // The vandal can still join and receive chat; the bystander never noticed anything.
            vandal.send("JOIN #" + channel.login());
            List<String> chat = vandal.readUntil(line -> line.contains(" PRIVMSG #"), Duration.ofSeconds(5));
            assertThat(chat).anyMatch(line -> line.contains("ROOMSTATE #" + channel.login()));
            assertThat(bystander.readUntil(line -> line.contains(" PRIVMSG #"), Duration.ofSeconds(5))).isNotEmpty();
            assertThat(sim.ircConnectionCount()).isEqualTo(2);
        }
    }

    @Test
    void abruptDisconnectsDoNotHurtTheServer() throws IOException {
        try (TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(500)
                .withScheduleHypeMoments(false)).start()) {
            SimChannel channel = sim.channels().get(0);
            for (int i = 0; i < 20; i++) {
                RawIrcClient client = RawIrcClient.anonymous(sim.ircPort());
                client.send("JOIN #" + channel.login());
                client.close(); // mid-stream, without QUIT
            }
            try (RawIrcClient survivor = RawIrcClient.anonymous(sim.ircPort())) {
                survivor.send("JOIN #" + channel.login());
                assertThat(survivor.readUntil(line -> line.contains(" PRIVMSG #"), Duration.ofSeconds(5))).isNotEmpty();
            }
        }
    }
}
