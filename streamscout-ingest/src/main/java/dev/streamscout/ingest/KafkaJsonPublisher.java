package dev.streamscout.ingest;

import dev.streamscout.core.json.Json;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends values as JSON (the shared {@link Json} mapper) to one topic, keyed by a string taken from
 * the value, without ever blocking the caller for long.
 *
 * <p>{@link #publish} hands the record to the producer's buffer and returns; the outcome arrives in
 * a callback that counts it ({@link #published()}, {@link #failed()}) and logs failures (the first
 * few in full, then one line in a thousand, so that a broker outage does not flood the log).
 * Nothing ever throws back into the caller: the IRC reader thread must keep reading.
 *
 * <p>Producer settings and why:
 * <ul>
 *   <li>{@code acks=all} with idempotence (the Kafka default since 3.0): a leader failover on a
 *       replicated cluster loses no acknowledged chat, and retries write no duplicates. On the
 *       single embedded broker it costs nothing.</li>
 *   <li>{@code compression.type=lz4}: chat JSON repeats its field names and emote names and shrinks
 *       several times; lz4 is the cheapest codec in CPU, which matters on two cores shared with the
 *       broker and Flink.</li>
 *   <li>{@code linger.ms=5}: during a hype burst hundreds of messages a second share a batch; 5 ms is
 *       invisible next to the detector's one-second buckets.</li>
 *   <li>{@code max.block.ms=1000}: when the broker is unreachable or the buffer is full, {@code send}
 *       gives up after one second (counted as failed) instead of the default 60 s stall. After such
 *       a stall the publisher drops records at once for {@link #STALL_COOLDOWN} before trying
 *       again, so an outage costs the caller one second in six rather than one second a record.</li>
 * </ul>
 *
 * @param <T> value type
 */
public class KafkaJsonPublisher<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaJsonPublisher.class);
    private static final long LOG_EVERY_NTH_FAILURE = 1_000;
    private static final int FIRST_FAILURES_LOGGED = 5;
    /** How long to drop records without trying after {@code send} itself failed. */
    static final Duration STALL_COOLDOWN = Duration.ofSeconds(5);
    /** A send() that blocked this long means Kafka is unreachable or the buffer is full. */
    private static final Duration STALL_THRESHOLD = Duration.ofMillis(500);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Function<T, String> keyOf;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closed;
    private volatile long coolDownUntilNanos = System.nanoTime();

    /**
     * @param producer a producer this publisher now owns (closed by {@link #close})
     * @param topic    destination topic
     * @param keyOf    record key of a value (the channel id: keeps a channel's records in order on one partition)
     */
    public KafkaJsonPublisher(Producer<String, byte[]> producer, String topic, Function<T, String> keyOf) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
    }

    /** A producer with the settings described above. */
    public static Producer<String, byte[]> createProducer(String bootstrapServers, String clientId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Queues one value; returns at once. Never throws. */
    public void publish(T value) {
        if (value == null) {
            return;
        }
        if (closed) {
            countFailure(new IllegalStateException("publisher closed"), null);
            return;
        }
        if (System.nanoTime() - coolDownUntilNanos < 0) {
            countFailure(null, null);
            return;
        }
        String key;
        byte[] payload;
        try {
            key = keyOf.apply(value);
            payload = Json.toBytes(value);
        } catch (RuntimeException e) {
            countFailure(e, null);
            return;
        }
        long begin = System.nanoTime();
        try {
            sent.incrementAndGet();
            // A missing topic metadata wait is not thrown but reported through the callback, after
            // send() blocked for max.block.ms; hence the timing below rather than a catch.
            producer.send(new ProducerRecord<>(topic, key, payload), (metadata, error) -> {
                if (error == null) {
                    published.incrementAndGet();
                } else {
                    countFailure(error, key);
                }
            });
        } catch (RuntimeException e) { // producer closed, interrupted, or another non-API error
            countFailure(e, key);
        }
        if (System.nanoTime() - begin >= STALL_THRESHOLD.toNanos()) {
            coolDownUntilNanos = System.nanoTime() + STALL_COOLDOWN.toNanos();
        }
    }

    /** Records the broker acknowledged. */
    public long published() {
        return published.get();
    }

    /** Records that could not be serialized, sent or acknowledged. */
    public long failed() {
        return failed.get();
    }

    /** Records handed to the producer (acknowledged, failed or still in flight). */
    public long sent() {
        return sent.get();
    }

    public String topic() {
        return topic;
    }

    /** Blocks until every queued record is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** Flushes and closes within {@code timeout}; records still unsent then are dropped (and counted). */
    public void close(Duration timeout) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            producer.close(timeout);
        } catch (RuntimeException e) {
            LOG.warn("Kafka producer for {} did not close cleanly: {}", topic, e.toString());
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(3));
    }

    /** Counts a failure; logs the first few and then one in a thousand. {@code error} null: cooling down. */
    private void countFailure(Throwable error, String key) {
        long n = failed.incrementAndGet();
        if (n <= FIRST_FAILURES_LOGGED || n % LOG_EVERY_NTH_FAILURE == 0) {
            LOG.warn("Could not publish to {} (key {}), {} failures so far: {}", topic, key, n,
                    error == null ? "Kafka was unreachable moments ago, dropping without trying" : error.toString());
        }
    }

    /**
     * Fetches the topic's metadata now so that the first records do not wait for it.
     *
     * @return false (and logs) when the broker did not answer within {@code max.block.ms}
     */
    public boolean warmUp() {
        try {
            producer.partitionsFor(topic);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Kafka topic {} is not reachable yet: {}", topic, e.toString());
            return false;
        }
    }
}
