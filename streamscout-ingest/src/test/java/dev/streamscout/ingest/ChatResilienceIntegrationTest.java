package dev.streamscout.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.Json;
import dev.streamscout.sim.SentChatLog;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ingest survives Twitch dropping every chat connection, three times, on a 200-channel world:
 * every channel comes back quickly, the JOIN rate limit holds throughout, and what the simulator
 * put on the wire reaches Kafka exactly once.
 */
class ChatResilienceIntegrationTest {

    private static final String CHAT_TOPIC = "chat-messages";
    /** As many channels as one account may join in one rate-limit window, spread over 3 connections. */
    private static final int CHANNELS = 20;
    private static final int PER_CONNECTION = 8;
    private static final Duration BETWEEN_DROPS = Duration.ofSeconds(11);
    private static final Duration JOIN_WINDOW = Duration.ofSeconds(10);

    private KafkaTestCluster kafka;
    private TwitchSimulator sim;
    private IngestService ingest;

    @AfterEach
    void stop() throws Exception {
        try {
            if (ingest != null) {
                ingest.close();
            }
        } finally {
            if (sim != null) {
                sim.close();
            }
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    @Test
    void everyChannelComesBackAfterThreeDropsWithinTheJoinLimitAndNoMessageIsLostOrDoubled() throws Exception {
        kafka = KafkaTestCluster.start();
        kafka.createTopic(CHAT_TOPIC, 4);
        kafka.createTopic("stream-lifecycle", 1);
        kafka.createTopic("chat-events", 1);
        sim = new TwitchSimulator(SimulatorSettings.defaults()
                .withSeed(7)
                .withChannels(200)
                .withTotalChatRatePerSecond(300)
                .withScheduleHypeMoments(false)
                .withViewerDriftInterval(Duration.ofHours(1)))
                .start();
        ingest = new IngestService(IngestSettings.twitch("streamscout-test", "not-a-real-secret-123",
                        kafka.bootstrapServers())
                .withTwitchEndpoints(sim.helixBase(), sim.oauthBase(), sim.host(), sim.ircPort())
                .withIrc(ChatTransport.TCP, sim.host(), sim.ircPort(), IngestSettings.TWITCH_IRC_WEBSOCKET)
                .withChannelsPerConnection(PER_CONNECTION)
                .withThresholds(CHANNELS, CHANNELS + 10)
                .withPollInterval(Duration.ofSeconds(1))
                .withTopics(CHAT_TOPIC, "stream-lifecycle")
                .withHttpPorts(IngestSettings.DISABLED_PORT, IngestSettings.DISABLED_PORT), (dev.streamscout.store.Database) null);
        ingest.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> sim.joinedChannels().size() == CHANNELS);
        assertThat(ingest.chatStats().connectionsOpen()).isGreaterThanOrEqualTo(3);
        SentChatLog sent = sim.recordSentChat();

        long lastDrop = 0;
        for (int drop = 1; drop <= 3; drop++) {
            Thread.sleep(BETWEEN_DROPS.toMillis());
            sim.dropIrcConnections();
            lastDrop = System.nanoTime();
        }
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> sim.joinedChannels().size() == CHANNELS);
        Duration rejoined = Duration.ofNanos(System.nanoTime() - lastDrop);
        assertThat(rejoined).as("all %d channels rejoined after the last drop", CHANNELS)
                .isLessThan(Duration.ofSeconds(10));

        assertThat(sim.maxJoinsInWindow(JOIN_WINDOW)).as("JOINs the server saw in any 10 s").isLessThanOrEqualTo(20);
        var joins = ingest.chatPool().joinLog();
        for (String account : joins.accounts()) {
            assertThat(joins.maxInAnyWindow(account, JOIN_WINDOW)).as("JOINs sent by " + account + " in any 10 s")
                    .isLessThanOrEqualTo(20);
        }

        Set<String> expected = sent.messageIds();
        assertThat(expected).hasSizeGreaterThan(1000);
        List<ConsumerRecord<String, byte[]>> records = kafka.consume(CHAT_TOPIC, Duration.ofSeconds(30),
                r -> ids(r).keySet().containsAll(expected));
        Map<String, Integer> published = ids(records);
        assertThat(expected).as("messages the simulator sent that never reached Kafka")
                .allMatch(published::containsKey);
        assertThat(published.entrySet()).as("messages published more than once")
                .noneMatch(e -> e.getValue() > 1);
    }

    private static Map<String, Integer> ids(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ChatMessage message = Json.fromBytes(record.value(), ChatMessage.class);
            counts.merge(message.messageId(), 1, Integer::sum);
        }
        return counts;
    }
}
