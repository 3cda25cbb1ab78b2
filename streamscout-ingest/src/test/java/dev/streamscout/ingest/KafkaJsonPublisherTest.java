package dev.streamscout.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.Json;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.core.stream.StreamStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The publishers against a real in-process Kafka: what arrives, under which key, and the counters. */
class KafkaJsonPublisherTest {

    private static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaTestCluster.start();
        kafka.createTopic("chat-test", 3);
        kafka.createTopic("lifecycle-test", 2);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static ChatMessage chat(String channelId, String user, String text, long ts) {
        return new ChatMessage(channelId, "login" + channelId, "u-" + user, user, user.toUpperCase(), text, ts,
                List.of("Kappa"), "msg-" + channelId + "-" + ts);
    }

    @Test
    void chatMessagesArriveAsJsonKeyedByChannelIdInOrderPerChannel() {
        List<ChatMessage> sent = new ArrayList<>();
        try (ChatPublisher publisher = ChatPublisher.create(kafka.bootstrapServers(), "chat-test")) {
            assertThat(publisher.warmUp()).isTrue();
            for (int i = 0; i < 30; i++) {
                ChatMessage m = chat(Integer.toString(100 + i % 3), "viewer" + i, i % 10 == 0 ? "!uptime" : "hype " + i, 1_000L + i);
                sent.add(m);
                publisher.publish(m);
            }
            publisher.flush();
            assertThat(publisher.published()).isEqualTo(30);
            assertThat(publisher.failed()).isZero();
            assertThat(publisher.sent()).isEqualTo(30);
        }

        List<ConsumerRecord<String, byte[]>> records =
                kafka.consume("chat-test", Duration.ofSeconds(20), r -> r.size() >= 30);

        assertThat(records).hasSize(30).allSatisfy(r -> {
            ChatMessage decoded = Json.fromBytes(r.value(), ChatMessage.class);
            assertThat(r.key()).isEqualTo(decoded.channelId());
        });
        assertThat(records.stream().map(r -> Json.fromBytes(r.value(), ChatMessage.class)).toList())
                .containsExactlyInAnyOrderElementsOf(sent);
        // One channel, one partition: its messages keep their order.
        List<Long> channel100 = records.stream().filter(r -> r.key().equals("100"))
                .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .map(r -> Json.fromBytes(r.value(), ChatMessage.class).timestamp()).toList();
        assertThat(channel100).isSorted().hasSize(10);
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).contains("\"channel_id\"");
    }

    @Test
    void lifecycleEventsArriveKeyedByChannelId() {
        StreamStatus status = new StreamStatus("777", "bigstreamer", "BigStreamer", 4_200,
                Instant.parse("2026-01-11T18:00:00Z"), "title", "Just Chatting");
        Instant at = Instant.parse("2026-01-11T20:00:00Z");
        try (LifecyclePublisher publisher = LifecyclePublisher.create(kafka.bootstrapServers(), "lifecycle-test")) {
            publisher.publish(StreamLifecycleEvent.online(status, at));
            publisher.publish(StreamLifecycleEvent.offline("777", "bigstreamer", at.plusSeconds(120)));
        }

        List<ConsumerRecord<String, byte[]>> records =
                kafka.consume("lifecycle-test", Duration.ofSeconds(20), r -> r.size() >= 2);

        assertThat(records).extracting(ConsumerRecord::key).containsExactly("777", "777");
        assertThat(records).extracting(r -> Json.fromBytes(r.value(), StreamLifecycleEvent.class))
                .containsExactly(StreamLifecycleEvent.online(status, at),
                        StreamLifecycleEvent.offline("777", "bigstreamer", at.plusSeconds(120)));
    }

    @Test
    void anUnreachableBrokerFillsTheBufferThenSlowsTheCallerAndDropsVisibly() {
        KafkaOutbox outbox = new KafkaOutbox(KafkaOutbox.createProducer("127.0.0.1:1", "test-unreachable"), 50,
                Duration.ofMillis(100));
        try (ChatPublisher publisher = new ChatPublisher(outbox, "chat-test")) {
            long begin = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertThat(publisher.publish(chat("1", "u", "hello", i))).isTrue();
            }
            Duration withinBound = Duration.ofNanos(System.nanoTime() - begin);
            assertThat(withinBound).as("within the bound nothing waits").isLessThan(Duration.ofMillis(500));

            begin = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                assertThat(publisher.publish(chat("1", "u", "over", 100 + i))).isFalse();
            }
            Duration beyondBound = Duration.ofNanos(System.nanoTime() - begin);

            assertThat(beyondBound).as("each message beyond the bound waited for space")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(outbox.buffered()).isEqualTo(50);
            assertThat(outbox.waitsForSpace()).isEqualTo(10);
            assertThat(outbox.dropped()).isEqualTo(10);
            assertThat(publisher.dropped()).isEqualTo(10);
            assertThat(publisher.sent()).isEqualTo(50);
            assertThat(publisher.published()).isZero();
        } finally {
            outbox.close(Duration.ofMillis(500));
        }
        assertThat(outbox.failed()).as("what never reached Kafka is counted at shutdown").isEqualTo(50);
        assertThat(outbox.buffered()).isZero();
    }

    @Test
    void publishingAfterCloseOrNothingNeverThrows() {
        ChatPublisher publisher = ChatPublisher.create(kafka.bootstrapServers(), "chat-test");
        publisher.publish(null);
        publisher.close(Duration.ofSeconds(2));
        publisher.publish(chat("1", "u", "late", 1));
        publisher.close();

        assertThat(publisher.failed()).isEqualTo(1);
        assertThat(publisher.sent()).isZero();
        assertThat(publisher.publish(null)).isFalse();
    }

    @Test
    void closeDeliversWhatIsStillBuffered() {
        ChatPublisher publisher = ChatPublisher.create(kafka.bootstrapServers(), "chat-test");
        publisher.warmUp();
        for (int i = 0; i < 500; i++) {
            publisher.publish(chat("42", "u" + i, "burst " + i, 5_000L + i));
        }
        publisher.close(Duration.ofSeconds(5));

        assertThat(publisher.published()).isEqualTo(500);
        await().atMost(Duration.ofSeconds(20)).until(() -> kafka.consume("chat-test", Duration.ofSeconds(10),
                r -> r.stream().filter(x -> "42".equals(x.key())).count() >= 500)
                .stream().filter(x -> "42".equals(x.key())).count() >= 500);
    }
}
