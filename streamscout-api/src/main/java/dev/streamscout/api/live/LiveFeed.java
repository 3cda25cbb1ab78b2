package dev.streamscout.api.live;

import dev.streamscout.core.json.Json;
import dev.streamscout.core.json.MalformedJsonException;
import dev.streamscout.core.live.LiveEventJson;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code live-updates} (the job's chat rate, moment and clip events) and {@code stream-lifecycle}
 * (viewer counts) and publishes them to a {@link LiveHub}.
 *
 * <p>A plain consumer without a group: it assigns itself every partition of both topics and starts at
 * their end, because a live push has nothing to say about the past and every API instance needs every
 * event (a group would split them between instances). Partitions, and topics created after the start,
 * are looked for again every {@link LiveFeedSettings#discoveryInterval()}. A record that cannot be read is
 * counted and skipped.
 */
public final class LiveFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);

    private final LiveFeedSettings settings;
    private final LiveHub hub;
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean running;
    private boolean started;
    private boolean closed;

    public LiveFeed(LiveFeedSettings settings, LiveHub hub) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.consumer = new KafkaConsumer<>(consumerProperties(settings), new StringDeserializer(),
                new StringDeserializer());
        this.thread = new Thread(this::run, "live-feed");
        this.thread.setDaemon(true);
    }

    static Properties consumerProperties(LiveFeedSettings settings) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "streamscout-api-live");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.putAll(settings.consumerProperties());
        return props;
    }

    /** Starts reading on a daemon thread; returns at once. */
    public synchronized LiveFeed start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "LiveFeed is closed" : "LiveFeed already started");
        }
        started = true;
        running = true;
        thread.start();
        return this;
    }

    /** The hub this feed publishes to. */
    public LiveHub hub() {
        return hub;
    }

    /**
     * Waits until the feed holds at least one partition and sits at its end: events produced after
     * this returns true are delivered (for tests and start-up checks).
     */
    public boolean awaitAssigned(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records read so far. */
    public long recordCount() {
        return records.get();
    }

    /** Records that could not be read and were skipped. */
    public long skippedCount() {
        return skipped.get();
    }

    private void run() {
        long nextDiscovery = 0;
        Set<TopicPartition> partitions = new HashSet<>();
        try {
            while (running) {
                if (System.nanoTime() - nextDiscovery >= 0) {
                    partitions = discover(partitions);
                    nextDiscovery = System.nanoTime() + settings.discoveryInterval().toNanos();
                }
                if (partitions.isEmpty()) {
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    handle(record);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            LOG.error("live feed stopped: {}", e.toString(), e);
        } finally {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
    }

    /** Assigns every partition of both topics; new ones start at their end. */
    private Set<TopicPartition> discover(Set<TopicPartition> current) {
        Set<TopicPartition> found = new HashSet<>(current);
        for (String topic : List.of(settings.liveUpdatesTopic(), settings.lifecycleTopic())) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(info -> found.add(new TopicPartition(info.topic(), info.partition())));
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                LOG.debug("live feed: no metadata for {} yet: {}", topic, e.toString());
            }
        }
        if (found.equals(current)) {
            return current;
        }
        List<TopicPartition> added = new ArrayList<>(found);
        added.removeAll(current);
        consumer.assign(found);
        consumer.seekToEnd(added);
        added.forEach(consumer::position); // resolve the end now, so that nothing produced from here is missed
        LOG.info("live feed reading {} partitions of {} and {}", found.size(), settings.liveUpdatesTopic(),
                settings.lifecycleTopic());
        assigned.countDown();
        return found;
    }

    private void handle(ConsumerRecord<String, String> record) {
        records.incrementAndGet();
        if (record.value() == null) {
            skipped.incrementAndGet();
            return;
        }
        try {
            if (record.topic().equals(settings.lifecycleTopic())) {
                StreamLifecycleEvent event = Json.fromString(record.value(), StreamLifecycleEvent.class);
                if (event.channelId() == null || event.type() == null) {
                    skipped.incrementAndGet();
                    return;
                }
                hub.publish(new LiveEvent(LiveEventJson.VIEWERS, event.channelId(), event.login(),
                        LiveEventJson.viewers(event)));
            } else {
                LiveEventJson.Header header = LiveEventJson.header(record.value());
                hub.publish(new LiveEvent(header.type(), header.channelId(), header.login(), record.value()));
            }
        } catch (MalformedJsonException e) {
            long count = skipped.incrementAndGet();
            LOG.debug("live feed skipped an unreadable record ({} so far) on {}-{}@{}: {}", count, record.topic(),
                    record.partition(), record.offset(), e.getMessage());
        }
    }

    /** Stops reading and closes the consumer, waiting up to a few seconds. Safe to call twice. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        running = false;
        if (!thread.isAlive()) {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hub.closeAll();
    }
}
