package dev.streamscout.bench.e2e;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.SeedDetectorParams;
import dev.streamscout.core.json.Json;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

/**
 * Kafka Streams peer: the chat topic ({@link ChatTopic}, keyed by channel) read by two stream threads,
 * commands dropped, hopping windows of 5 s advancing by 1 s with 2 s grace (the watermark bound of the
 * other engines), counted and emitted once each window closes, the counts judged by the seed rule.
 *
 * <p>Tuned for latency as the issue asks: commit interval 100 ms, record cache 0, and the wall-clock
 * throttle on emitting closed windows (an internal setting, 1 s by default) set to 0. The window store
 * is in memory and not changelogged, as the Flink peers keep heap state without checkpoints.
 *
 * <p>System properties (set by the harness): {@code bench.kafka.bootstrap}, {@code bench.kafka.topic},
 * {@code bench.kafka.preloaded} (true: the harness filled the topic before start; false: this JVM
 * produces the feed into it, paced, once the application runs).
 */
final class KafkaStreamsEngine implements Engine {

    @Override
    public String name() {
        return "kafka-streams";
    }

    @Override
    public String description() {
        return "Kafka Streams hopping windows 5 s/1 s, emit on close, + seed rule (embedded broker)";
    }

    @Override
    public void run(long messages) throws Exception {
        String bootstrap = System.getProperty("bench.kafka.bootstrap");
        String topic = System.getProperty("bench.kafka.topic");
        boolean preloaded = Boolean.getBoolean("bench.kafka.preloaded");
        if (bootstrap == null || topic == null) {
            throw new IllegalStateException("bench.kafka.bootstrap and bench.kafka.topic must be set");
        }
        ReplayFeed feed = ReplayFeed.get();
        CountDownLatch ended = new CountDownLatch(ChatTopic.PARTITIONS);
        Serde<ChatMessage> chatSerde = Serdes.serdeFrom((t, m) -> Json.toBytes(m),
                (t, bytes) -> Json.fromBytes(bytes, ChatMessage.class));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.String(), chatSerde).withTimestampExtractor(new EventTime()))
                .peek((channel, message) -> {
                    if (!ChatTopic.isEnd(message)) {
                        if (preloaded) {
                            feed.arrivedElsewhere();
                        }
                    } else if (ChatTopic.LAST_END.equals(message.message())) {
                        ended.countDown();
                    }
                })
                .filter((channel, message) -> !message.isCommand())
                .groupByKey(Grouped.with(Serdes.String(), chatSerde))
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofSeconds(5), OUT_OF_ORDERNESS)
                        .advanceBy(Duration.ofSeconds(1)))
                .emitStrategy(EmitStrategy.onWindowClose())
                .count(Materialized.<String, Long>as(
                                Stores.inMemoryWindowStore("window-counts", Duration.ofSeconds(8), Duration.ofSeconds(5),
                                        false))
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()).withLoggingDisabled())
                .toStream()
                .process(JudgeWindows::new);

        KafkaStreams streams = new KafkaStreams(builder.build(), config(bootstrap, topic));
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        if (!preloaded) {
            running.await();
            try (Producer<String, byte[]> producer = ChatTopic.producer(bootstrap)) {
                ChatTopic.write(producer, topic, feed);
            }
        }
        ended.await();
        // No close: the JVM exits right after the result is written; closing would be counted as work.
    }

    private static Properties config(String bootstrap, String topic) throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-" + topic);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, ChatTopic.PARTITIONS);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        p.put(StreamsConfig.InternalConfig.EMIT_INTERVAL_MS_KSTREAMS_WINDOWED_AGGREGATION, 0L);
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench-kstreams").toString());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return p;
    }

    /** Event time from the message, as the other engines take it. */
    private static final class EventTime implements TimestampExtractor {
        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            return record.value() instanceof ChatMessage message ? message.timestamp() : partitionTime;
        }
    }

    /**
     * The seed rule over closed windows, one baseline per channel. A task's channels are its own, so a
     * map per processor instance is the channel's state (as a heap state backend holds it).
     */
    private static final class JudgeWindows implements Processor<Windowed<String>, Long, Void, Void> {
        private final Map<String, SeedBaseline> baselines = new HashMap<>();
        private final SeedDetectorParams params = SeedDetectorParams.defaults();

        @Override
        public void process(Record<Windowed<String>, Long> record) {
            String channel = record.key().key();
            long lastMs = record.key().window().end() - 1;
            if (baselines.computeIfAbsent(channel, c -> new SeedBaseline()).judge(params, lastMs, record.value())) {
                DetectionLog.record(channel, lastMs, lastMs - 999);
            }
        }
    }
}
