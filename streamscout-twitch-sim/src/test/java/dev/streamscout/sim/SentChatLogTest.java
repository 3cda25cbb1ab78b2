package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The simulator's record of what it sent is exactly what clients received: every id once, even
 * with several connections on one channel, re-sent duplicates, and every connection dropped mid-stream.
 */
class SentChatLogTest {

    @Test
    void recordedIdsEqualTheUnionOfWhatClientsReadUntilTheDrop() throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try (TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withSeed(9)
                .withTotalChatRatePerSecond(800).withChatEventShare(0.05).withScheduleHypeMoments(false)).start();
             RawIrcClient a = RawIrcClient.anonymous(sim.ircPort());
             RawIrcClient b = RawIrcClient.anonymous(sim.ircPort());
             RawIrcClient c = RawIrcClient.anonymous(sim.ircPort())) {
            ConcurrentLinkedQueue<String> reported = new ConcurrentLinkedQueue<>();
            sim.addChatListener(message -> reported.add(message.messageId()));
            SentChatLog log = sim.recordSentChat();
            sim.duplicateChat(0.2);
            List<String> channels = sim.channels().subList(0, 4).stream().map(SimChannel::login).toList();
            a.send("JOIN #" + String.join(",#", channels.subList(0, 3)));
            b.send("JOIN #" + String.join(",#", channels.subList(0, 3)));
            c.send("JOIN #" + channels.get(1) + ",#" + channels.get(3));

            List<Future<List<String>>> received = new ArrayList<>();
            for (RawIrcClient client : List.of(a, b, c)) {
                received.add(readers.submit(() -> client.readFor(Duration.ofSeconds(8)))); // ends at EOF
            }
            Thread.sleep(1_500);
            sim.dropIrcConnections();

            Map<String, Set<String>> messagesByChannel = new HashMap<>();
            Set<String> eventIds = new HashSet<>();
            int duplicatesSeen = 0;
            for (Future<List<String>> future : received) {
                Set<String> seenByThisClient = new HashSet<>();
                for (String line : future.get()) {
                    IrcTestLine parsed = IrcTestLine.parse(line);
                    String id = parsed.tags().get("id");
                    if (id == null) {
                        continue;
                    }
                    if (!seenByThisClient.add(id)) {
                        duplicatesSeen++;
                    }
                    if (parsed.command().equals("PRIVMSG")) {
                        messagesByChannel.computeIfAbsent(parsed.channel(), k -> new LinkedHashSet<>()).add(id);
                    }
                    if (parsed.command().equals("USERNOTICE") || parsed.tags().containsKey("bits")) {
                        eventIds.add(id);
                    }
                }
            }
            assertThat(duplicatesSeen).as("the duplicate fault re-sent lines").isPositive();
            assertThat(messagesByChannel.keySet()).containsExactlyInAnyOrderElementsOf(channels);
            assertThat(log.messageIdsByChannel()).isEqualTo(messagesByChannel);
            Set<String> allEvents = new HashSet<>();
            log.eventIdsByChannel().values().forEach(allEvents::addAll);
            assertThat(allEvents).isNotEmpty().isEqualTo(eventIds);
            // The listener itself heard each id exactly once.
            assertThat(reported).doesNotHaveDuplicates().hasSize((int) log.messageCount());
            assertThat(log.messageCount()).isGreaterThan(300);
            assertThat(sim.ircConnectionCount()).isZero();
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void messagesNobodyReceivedAreNeverReported() throws Exception {
        try (TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(500)
                .withScheduleHypeMoments(false)).start()) {
            List<ChatMessage> reported = new ArrayList<>();
            sim.addChatListener(message -> {
                synchronized (reported) {
                    reported.add(message);
                }
            });
            Thread.sleep(300);
            assertThat(sim.generatedMessages()).isZero(); // nobody joined: nothing generated, nothing reported
            try (RawIrcClient client = RawIrcClient.anonymous(sim.ircPort())) {
                client.send("JOIN #" + sim.channels().get(0).login());
                List<String> lines = client.readFor(Duration.ofMillis(800));
                long privmsgs = lines.stream().filter(l -> l.contains(" PRIVMSG #")).count();
                synchronized (reported) {
                    assertThat(reported.size()).isBetween((int) privmsgs, (int) privmsgs + 50);
                }
            }
        }
    }
}
