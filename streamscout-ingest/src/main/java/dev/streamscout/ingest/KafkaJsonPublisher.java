package dev.streamscout.ingest;

import dev.streamscout.core.json.Json;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends values as JSON (the shared {@link Json} mapper) to one topic through a {@link KafkaOutbox},
 * keyed by a string taken from the value (the channel id: one channel's records stay in order on
 * one partition).
 *
 * <p>{@link #publish} returns as soon as the outbox holds the message; when the outbox is full it
 * waits a little (backpressure) and then drops, counting and logging it. It never throws: the IRC
 * reader thread must keep reading. Several publishers may share one outbox (one producer, one
 * bound); a publisher made by {@code create(...)} owns its outbox and closes it.
 *
 * @param <T> value type
 */
public class KafkaJsonPublisher<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaJsonPublisher.class);
    private static final int FIRST_FAILURES_LOGGED = 5;
    private static final long LOG_EVERY_NTH_FAILURE = 1_000;

    private final KafkaOutbox outbox;
    private final boolean ownsOutbox;
    private final String topic;
    private final Function<T, String> keyOf;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong unserializable = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param outbox     where messages wait for Kafka
     * @param ownsOutbox whether {@link #close()} closes the outbox
     * @param topic      destination topic
     * @param keyOf      record key of a value
     */
    protected KafkaJsonPublisher(KafkaOutbox outbox, boolean ownsOutbox, String topic, Function<T, String> keyOf) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.ownsOutbox = ownsOutbox;
        this.topic = Objects.requireNonNull(topic, "topic");
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
    }

    /** Over a shared outbox (not closed by this publisher). */
    public KafkaJsonPublisher(KafkaOutbox outbox, String topic, Function<T, String> keyOf) {
        this(outbox, false, topic, keyOf);
    }

    /**
     * Queues one value; returns at once unless the buffer is full (then waits up to the outbox's
     * full wait). Never throws.
     *
     * @return true when the value is on its way; false when it was dropped (counted and logged)
     */
    public boolean publish(T value) {
        if (value == null) {
            return false;
        }
        if (closed) {
            countFailure(failed, new IllegalStateException("publisher closed"), null);
            return false;
        }
        String key;
        byte[] payload;
        try {
            key = keyOf.apply(value);
            payload = Json.toBytes(value);
        } catch (RuntimeException e) {
            countFailure(unserializable, e, null);
            return false;
        }
        boolean accepted = outbox.offer(topic, key, payload, new KafkaOutbox.Delivery() {
            @Override
            public void delivered() {
                published.incrementAndGet();
            }

            @Override
            public void failed(Exception error) {
                countFailure(failed, error, key);
            }
        });
        if (accepted) {
            sent.incrementAndGet();
        } else {
            dropped.incrementAndGet(); // the outbox logged why
        }
        return accepted;
    }

    /** Records the broker acknowledged. */
    public long published() {
        return published.get();
    }

    /** Records that could not be delivered (failed for good, unserializable, or dropped). */
    public long failed() {
        return failed.get() + unserializable.get() + dropped.get();
    }

    /** Records dropped because the outbox stayed full. */
    public long dropped() {
        return dropped.get();
    }

    /** Records handed to the outbox (acknowledged, failed or still waiting). */
    public long sent() {
        return sent.get();
    }

    public String topic() {
        return topic;
    }

    public KafkaOutbox outbox() {
        return outbox;
    }

    /** Fetches the topic's metadata now; false (logged) when Kafka did not answer in time. */
    public boolean warmUp() {
        return outbox.warmUp(topic);
    }

    /** Blocks until everything buffered in the outbox is acknowledged or failed (at most 30 s). */
    public void flush() {
        outbox.awaitEmpty(Duration.ofSeconds(30));
    }

    /** Stops publishing; an owned outbox sends what it holds within {@code timeout} and closes. */
    public void close(Duration timeout) {
        if (closed) {
            return;
        }
        closed = true;
        if (ownsOutbox) {
            outbox.close(timeout);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(3));
    }

    private void countFailure(AtomicLong counter, Throwable error, String key) {
        long n = counter.incrementAndGet();
        if (n <= FIRST_FAILURES_LOGGED || n % LOG_EVERY_NTH_FAILURE == 0) {
            LOG.warn("Could not publish to {} (key {}), {} such failures so far: {}", topic, key, n, error.toString());
        }
    }
}
