package dev.streamscout.bench.e2e;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The chat topic the Kafka Streams peer reads: lines keyed by channel (as the project's ingest keys
 * chat), {@link #PARTITIONS} partitions for its two stream threads, and two end markers per partition
 * after the last line. The first marker lies a minute past the last message so that every real window
 * closes; the second tells the engine the first one has been fully processed.
 */
final class ChatTopic {

    static final int PARTITIONS = 2;
    static final String END_CHANNEL = "__end__";
    static final String FIRST_END = "end-1";
    static final String LAST_END = "end-2";

    private ChatTopic() {}

    static void create(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    static Producer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Writes every line of {@code feed} (paced if the feed is), then the end markers; returns the lines sent. */
    static long write(Producer<String, byte[]> producer, String topic, ReplayFeed feed) {
        long sent = 0;
        long lastEventMs = 0;
        for (byte[] line = feed.next(); line != null; line = feed.next()) {
            producer.send(new ProducerRecord<>(topic, ChatLines.channelId(line), line));
            lastEventMs = Math.max(lastEventMs, ReplayFeed.timestampOf(line, line.length));
            sent++;
        }
        for (int p = 0; p < PARTITIONS; p++) {
            producer.send(new ProducerRecord<>(topic, p, END_CHANNEL, marker(FIRST_END, lastEventMs + 60_000)));
        }
        for (int p = 0; p < PARTITIONS; p++) {
            producer.send(new ProducerRecord<>(topic, p, END_CHANNEL, marker(LAST_END, lastEventMs + 61_000)));
        }
        producer.flush();
        return sent;
    }

    /** Preloads {@code chat} into a new topic before the engine starts (the throughput run). */
    static long preload(String bootstrap, String topic, Path chat) throws Exception {
        create(bootstrap, topic);
        try (Producer<String, byte[]> producer = producer(bootstrap)) {
            return write(producer, topic, ReplayFeed.open(chat, Long.MAX_VALUE));
        }
    }

    static boolean isEnd(ChatMessage message) {
        return END_CHANNEL.equals(message.channelId());
    }

    private static byte[] marker(String text, long eventMs) {
        return Json.toBytes(new ChatMessage(END_CHANNEL, END_CHANNEL, "0", "bench", "bench", text, eventMs, List.of(),
                text + "-" + eventMs));
    }
}
