package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.twitch.irc.IrcLineParser;
import dev.streamscout.twitch.irc.PrivmsgMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The project's own IRC parser reads exactly what the simulator meant to send: for every PRIVMSG
 * received over the socket, the parsed ChatMessage equals the simulator's ground truth.
 */
class TwitchParserContractTest {

    @Test
    void parsedMessagesEqualTheGroundTruth() throws IOException {
        Map<String, ChatMessage> truth = new ConcurrentHashMap<>();
        try (TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withSeed(21)
                .withTotalChatRatePerSecond(1_000).withScheduleHypeMoments(false)).start();
             RawIrcClient client = RawIrcClient.anonymous(sim.ircPort())) {
            sim.addChatListener(message -> truth.put(message.messageId(), message));
            SimChannel channel = sim.channels().get(0);
            sim.scheduleHype(channel.login(), java.time.Instant.now().plusMillis(500), Duration.ofSeconds(1), 6);
            client.send("JOIN #" + channel.login() + ",#" + sim.channels().get(1).login());
            List<String> lines = client.readFor(Duration.ofSeconds(2));

            List<ChatMessage> parsed = new ArrayList<>();
            for (String line : lines) {
                Optional<ChatMessage> message = PrivmsgMapper.toChatMessage(IrcLineParser.parse(line));
                message.ifPresent(parsed::add);
            }
            assertThat(parsed).hasSizeGreaterThan(300);
            for (ChatMessage message : parsed) {
                assertThat(message).isEqualTo(truth.get(message.messageId()));
            }
            assertThat(parsed).anyMatch(m -> !m.emotes().isEmpty() && m.message().codePointCount(0, m.message().length())
                    != m.message().length());
        }
    }
}
