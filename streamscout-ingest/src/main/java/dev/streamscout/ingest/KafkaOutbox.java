package dev.streamscout.ingest;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything ingest sends to Kafka passes through here: a bounded buffer in front of one producer,
 * so that a Kafka outage costs nothing within the bound and slows the callers down beyond it,
 * instead of losing messages.
 *
 * <p>How it holds:
 * <ul>
 *   <li>{@code capacity} permits count the messages accepted and not yet acknowledged (waiting here,
 *       in the producer's accumulator, or in flight). A permit comes back only with the broker's
 *       acknowledgement or a failure that retrying cannot fix.</li>
 *   <li>{@link #offer} takes a permit. When none is free it waits up to {@code fullWait}: that is the
 *       backpressure the IRC reader feels. If the wait runs out the message is dropped, counted
 *       ({@link #dropped()}) and logged. The wait is bounded because a reader that stops reading is
 *       disconnected by Twitch, which would lose more.</li>
 *   <li>One sender thread hands messages to the producer, so a producer blocked on missing
 *       metadata (Kafka down at start-up) blocks it and not the caller. A send the producer rejects
 *       with a retriable error (metadata timeout, accumulator full, ...) goes back to the head of
 *       the queue and is tried again; once accepted, the producer retries on its own, with
 *       {@code delivery.timeout.ms} so long that it never gives up while the broker is away.</li>
 * </ul>
 *
 * <p>Producer settings and why:
 * <ul>
 *   <li>{@code acks=all} with idempotence: a leader failover loses no acknowledged message and the
 *       producer's retries write no duplicates (also across a broker restart).</li>
 *   <li>{@code compression.type=lz4}: chat JSON repeats field and emote names; lz4 is the cheapest
 *       codec in CPU on two shared cores.</li>
 *   <li>{@code linger.ms=5}: hype bursts share batches; 5 ms is invisible next to one-second buckets.</li>
 *   <li>{@code max.block.ms=1000}: how long the sender thread waits for metadata or accumulator
 *       space before it retries; it also paces retries while Kafka is down.</li>
 * </ul>
 * Ordering: messages of one key keep their order, except that a message rejected before the
 * producer accepted it may land after messages sent while it waited to be retried.
 */
public final class KafkaOutbox implements AutoCloseable {

    /** Told once what became of an offered message. */
    public interface Delivery {
        void delivered();

        void failed(Exception error);
    }

    public static final Duration DEFAULT_FULL_WAIT = Duration.ofMillis(250);
    /** Messages waiting this long without any acknowledgement mean Kafka is not taking them. */
    public static final Duration STALL_AFTER = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(KafkaOutbox.class);
    private static final int FIRST_EVENTS_LOGGED = 5;
    private static final long LOG_EVERY_NTH = 1_000;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private record Pending(ProducerRecord<String, byte[]> record, Delivery delivery, long offeredNanos) {}

    private final Producer<String, byte[]> producer;
    private final int capacity;
    private final Duration fullWait;
    private final Semaphore space;
    private final LinkedBlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
    private final Thread sender;

    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();
    private final AtomicLong waitsForSpace = new AtomicLong();
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile String lastError;
    private volatile LongConsumer latencyListener = nanos -> { };
    private volatile boolean closing;
    private volatile long drainDeadlineNanos = Long.MAX_VALUE;
    private boolean closed;

    /**
     * @param producer a producer this outbox now owns
     * @param capacity messages accepted but not yet acknowledged before {@link #offer} waits
     * @param fullWait how long {@link #offer} waits for space before dropping
     */
    public KafkaOutbox(Producer<String, byte[]> producer, int capacity, Duration fullWait) {
        this.producer = Objects.requireNonNull(producer, "producer");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.fullWait = Objects.requireNonNull(fullWait, "fullWait");
        this.space = new Semaphore(capacity);
        this.sender = new Thread(this::sendLoop, "kafka-outbox-sender");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /** An outbox over a new producer with the settings described above. */
    public static KafkaOutbox create(String bootstrapServers, String clientId, int capacity) {
        return new KafkaOutbox(createProducer(bootstrapServers, clientId), capacity, DEFAULT_FULL_WAIT);
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
        // Accepted records wait for the broker however long it is away; the outbox bounds how many.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Accepts a message for sending, waiting up to {@code fullWait} for space when the buffer is
     * full. Never throws.
     *
     * @return false when the message was dropped (buffer still full, or shutting down); it is counted and logged
     */
    public boolean offer(String topic, String key, byte[] value, Delivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        if (closing) {
            drop(topic, key, "the outbox is shutting down");
            return false;
        }
        boolean acquired = space.tryAcquire();
        if (!acquired) {
            waitsForSpace.incrementAndGet();
            try {
                acquired = space.tryAcquire(fullWait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!acquired) {
            drop(topic, key, "the buffer of " + capacity + " messages is full (Kafka is not acknowledging)");
            return false;
        }
        if (space.availablePermits() == capacity - 1) {
            lastProgressNanos = System.nanoTime(); // the buffer was empty: the stall clock starts now
        }
        offered.incrementAndGet();
        queue.addLast(new Pending(new ProducerRecord<>(topic, key, value), delivery, System.nanoTime()));
        return true;
    }

    private void drop(String topic, String key, String why) {
        long n = dropped.incrementAndGet();
        if (n <= FIRST_EVENTS_LOGGED || n % LOG_EVERY_NTH == 0) {
            LOG.warn("Dropped a message for {} (key {}): {}; {} dropped so far", topic, key, why, n);
        }
    }

    private void sendLoop() {
        while (true) {
            Pending p;
            try {
                p = queue.pollFirst(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (p == null) {
                if (closing) {
                    break;
                }
                continue;
            }
            if (closing && System.nanoTime() - drainDeadlineNanos >= 0) {
                queue.addFirst(p);
                break;
            }
            long begin = System.nanoTime();
            boolean accepted = send(p);
            if (!accepted && System.nanoTime() - begin < RETRY_PAUSE.toNanos() && !closing) {
                // Rejected at once (not after max.block.ms): pause so a retry is not a busy loop.
                sleep(RETRY_PAUSE);
            }
        }
    }

    /** Hands one message to the producer; false when it was put back for another try. */
    private boolean send(Pending p) {
        // The producer reports a metadata timeout through the callback, on this thread, before send returns.
        boolean[] requeued = {false};
        try {
            producer.send(p.record(), (metadata, error) -> requeued[0] |= complete(p, error));
        } catch (RuntimeException e) { // producer closed, interrupted: not retriable
            complete(p, e);
        }
        return !requeued[0];
    }

    /** Settles a message; true when it was put back to be tried again. */
    private boolean complete(Pending p, Exception error) {
        if (error == null) {
            lastProgressNanos = System.nanoTime();
            delivered.incrementAndGet();
            space.release();
            latencyListener.accept(System.nanoTime() - p.offeredNanos());
            p.delivery().delivered();
            return false;
        }
        long n = sendErrors.incrementAndGet();
        lastError = error.toString();
        boolean retry = error instanceof RetriableException && !closing;
        if (n <= FIRST_EVENTS_LOGGED || n % LOG_EVERY_NTH == 0) {
            LOG.warn("Kafka send to {} failed ({} send errors so far){}: {}", p.record().topic(), n,
                    retry ? ", will retry; " + buffered() + " messages buffered" : "", error.toString());
        }
        if (retry) {
            queue.addFirst(p);
            return true;
        }
        failed.incrementAndGet();
        space.release();
        p.delivery().failed(error);
        return false;
    }

    /**
     * Fetches the topic's metadata now so that the first messages do not wait for it.
     *
     * @return false (and logs) when the broker did not answer within {@code max.block.ms}
     */
    public boolean warmUp(String topic) {
        try {
            producer.partitionsFor(topic);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Kafka topic {} is not reachable yet (messages will wait in the buffer): {}", topic, e.toString());
            return false;
        }
    }

    /** Sets who hears how long each acknowledged message took from offer to acknowledgement (ns). */
    public void onLatency(LongConsumer listener) {
        this.latencyListener = Objects.requireNonNull(listener, "listener");
    }

    /** Messages accepted and not yet acknowledged or failed. */
    public int buffered() {
        return capacity - space.availablePermits();
    }

    public int capacity() {
        return capacity;
    }

    /** Messages accepted by {@link #offer}. */
    public long offered() {
        return offered.get();
    }

    /** Messages the broker acknowledged. */
    public long delivered() {
        return delivered.get();
    }

    /** Messages that failed for good (not retriable, or still unsent at shutdown). */
    public long failed() {
        return failed.get();
    }

    /** Messages refused because the buffer stayed full or the outbox was shutting down. */
    public long dropped() {
        return dropped.get();
    }

    /** Failed send attempts, retried or not ({@code kafka_send_errors_total}). */
    public long sendErrors() {
        return sendErrors.get();
    }

    /** Offers that had to wait for space: the backpressure callers felt. */
    public long waitsForSpace() {
        return waitsForSpace.get();
    }

    /** The last send error, or null. */
    public String lastError() {
        return lastError;
    }

    /** True when messages are waiting and nothing was acknowledged for {@link #STALL_AFTER}. */
    public boolean stalled() {
        return buffered() > 0 && System.nanoTime() - lastProgressNanos > STALL_AFTER.toNanos();
    }

    /** Waits until every accepted message is acknowledged or failed; false on timeout. */
    public boolean awaitEmpty(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (buffered() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            producer.flush();
            sleep(Duration.ofMillis(10));
        }
        return true;
    }

    /**
     * Stops accepting, sends what is buffered within {@code timeout}, and closes the producer.
     * Whatever is still unacknowledged then is lost: counted in {@link #failed()} and logged.
     */
    public void close(Duration timeout) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long failedBefore = failed.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        drainDeadlineNanos = System.nanoTime() + timeout.toNanos() / 2;
        closing = true;
        try {
            sender.join(Math.max(1, timeout.toMillis() / 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.interrupt();
        try {
            // Flushes what the producer holds; what it cannot deliver in time fails through the callbacks.
            producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (RuntimeException e) {
            LOG.warn("Kafka producer did not close cleanly: {}", e.toString());
        }
        try {
            // The sender may still be settling the message it held when interrupted; once the producer
            // is closed that is quick. Counting before it has would miss that message.
            sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int unsent = 0;
        for (Pending p = queue.pollFirst(); p != null; p = queue.pollFirst()) {
            unsent++;
            failed.incrementAndGet();
            space.release();
            p.delivery().failed(new IllegalStateException("shut down before Kafka acknowledged it"));
        }
        long lost = failed.get() - failedBefore + buffered();
        if (lost > 0) {
            LOG.warn("{} messages were not acknowledged by Kafka before shutdown and are lost ({} never sent)",
                    lost, unsent);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(3));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
