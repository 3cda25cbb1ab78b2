package dev.streamscout.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real broker stopped and started again while chat keeps coming: everything published within the
 * buffer bound arrives exactly once (idempotent producer), the outage is visible while it lasts, and
 * beyond the bound the publisher slows down and drops visibly.
 */
class KafkaOutageTest {

    private static final String TOPIC = "chat-outage";

    @TempDir
    Path logDir;

    private RestartableKafka kafka;
    private KafkaOutbox outbox;

    @AfterEach
    void stop() {
        if (outbox != null) {
            outbox.close(Duration.ofSeconds(2));
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static ChatMessage chat(int n) {
        return new ChatMessage("ch" + (n % 3), "login" + (n % 3), "u" + n, "user" + n, "User" + n, "message " + n,
                1_000L + n, List.of(), "id-" + n);
    }

    @Test
    void nothingWithinTheBoundIsLostOrDuplicatedAcrossABrokerRestart() throws Exception {
        kafka = new RestartableKafka(logDir);
        kafka.start();
        kafka.createTopic(TOPIC, 3);
        outbox = new KafkaOutbox(KafkaOutbox.createProducer(kafka.bootstrapServers(), "outage-test"), 500,
                Duration.ofMillis(100));
        ChatPublisher publisher = new ChatPublisher(outbox, TOPIC);

        for (int i = 0; i < 100; i++) {
            assertThat(publisher.publish(chat(i))).isTrue();
        }
        assertThat(outbox.awaitEmpty(Duration.ofSeconds(20))).isTrue();

        kafka.stop();
        for (int i = 100; i < 400; i++) { // 300 more while the broker is away: within the bound of 500
            assertThat(publisher.publish(chat(i))).as("message %d accepted", i).isTrue();
        }
        await().atMost(Duration.ofSeconds(15)).until(outbox::stalled);
        assertThat(outbox.buffered()).isEqualTo(300);
        assertThat(outbox.dropped()).isZero();

        kafka.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> outbox.buffered() == 0);

        assertThat(outbox.stalled()).isFalse();
        assertThat(publisher.published()).isEqualTo(400);
        assertThat(publisher.failed()).isZero();
        List<ConsumerRecord<String, byte[]>> records = consumeAll(400);
        Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(
                r -> Json.fromBytes(r.value(), ChatMessage.class).messageId(), Collectors.counting()));
        assertThat(copies).hasSize(400);
        assertThat(copies.values()).as("no duplicates").containsOnly(1L);
        assertThat(records).allSatisfy(r ->
                assertThat(r.key()).isEqualTo(Json.fromBytes(r.value(), ChatMessage.class).channelId()));
    }

    @Test
    void beyondTheBoundTheCallerIsSlowedAndTheOverflowIsCountedWhileTheRestArrives() throws Exception {
        kafka = new RestartableKafka(logDir);
        kafka.start();
        kafka.createTopic(TOPIC, 1);
        outbox = new KafkaOutbox(KafkaOutbox.createProducer(kafka.bootstrapServers(), "overflow-test"), 100,
                Duration.ofMillis(50));
        ChatPublisher publisher = new ChatPublisher(outbox, TOPIC);
        publisher.warmUp();
        kafka.stop();

        List<Integer> accepted = new ArrayList<>();
        long begin = System.nanoTime();
        for (int i = 0; i < 120; i++) {
            if (publisher.publish(chat(i))) {
                accepted.add(i);
            }
        }
        Duration spent = Duration.ofNanos(System.nanoTime() - begin);

        assertThat(accepted).hasSize(100).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 100).boxed().toList());
        assertThat(outbox.dropped()).isEqualTo(20);
        assertThat(spent).as("20 waits of 50 ms").isGreaterThanOrEqualTo(Duration.ofMillis(900));

        kafka.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> outbox.buffered() == 0);
        assertThat(consumeAll(100)).extracting(r -> Json.fromBytes(r.value(), ChatMessage.class).messageId())
                .containsExactlyInAnyOrderElementsOf(accepted.stream().map(i -> "id-" + i).toList());
    }

    private List<ConsumerRecord<String, byte[]>> consumeAll(int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // A little longer, to catch duplicates that would arrive after the expected count.
            long extra = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (System.nanoTime() < extra) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }
}
