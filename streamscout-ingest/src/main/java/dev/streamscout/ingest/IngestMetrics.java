package dev.streamscout.ingest;

import dev.streamscout.ingest.observe.ChatRate;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds the ingest service's counters to a Micrometer registry, under the names Prometheus shows:
 *
 * <ul>
 *   <li>seed 000: {@code active_stream_count} (chats joined), {@code chat_message_rate} (messages per
 *       second over the last 10 s), {@code twitch_api_errors_total} (failed Get Streams calls);</li>
 *   <li>chat: {@code twitch_chat_connections}, {@code twitch_chat_joins_total},
 *       {@code twitch_chat_reconnects_total}, {@code twitch_chat_parse_errors_total},
 *       {@code twitch_chat_messages_total}, {@code twitch_chat_events_total},
 *       {@code twitch_chat_duplicates_dropped_total}, {@code twitch_chat_pong_timeouts_total};</li>
 *   <li>Kafka: {@code kafka_send_errors_total}, {@code kafka_send_latency_seconds} (offer to
 *       acknowledgement), {@code kafka_buffered_messages}, {@code kafka_buffer_capacity_messages},
 *       {@code kafka_dropped_messages_total}, {@code kafka_delivered_messages_total},
 *       {@code kafka_stalled} (1 while messages wait and nothing is acknowledged);</li>
 *   <li>monitor: {@code helix_polls_total}, {@code stream_offline_expiries_total},
 *       {@code ingest_store_errors_total}.</li>
 * </ul>
 * Micrometer turns dotted names into these (counters get {@code _total}, timers {@code _seconds}).
 * Values are read when scraped, except the chat rate, sampled every second on a daemon thread.
 */
public final class IngestMetrics implements AutoCloseable {

    private final MeterRegistry registry;
    private final ChatRate chatRate;
    private final ScheduledExecutorService sampler;

    /**
     * @param registry where to register (a {@link PrometheusMeterRegistry} for {@code /metrics})
     * @param service  the started service whose parts are read
     */
    IngestMetrics(MeterRegistry registry, IngestService service) {
        this.registry = Objects.requireNonNull(registry, "registry");
        // Micrometer holds meter sources weakly: every source here is the service or one of its parts,
        // never a lambda that only the meter would keep alive.
        IngestService chat = service;
        StreamMonitor monitor = service.monitor();
        KafkaOutbox outbox = service.outbox();

        Gauge.builder("active.stream.count", service, s -> s.joinedChannels().size())
                .description("Chats joined now (monitored streams)").register(registry);
        chatRate = new ChatRate(() -> service.chatStats().chatMessages(), 10);
        Gauge.builder("chat.message.rate", chatRate, ChatRate::perSecond)
                .description("Chat messages received per second over the last 10 s").register(registry);
        counter("twitch.api.errors", monitor, StreamMonitor::twitchApiErrors, "Failed Helix Get Streams calls");

        Gauge.builder("twitch.chat.connections", chat, c -> c.chatStats().connectionsOpen())
                .description("Chat connections open now").register(registry);
        counter("twitch.chat.joins", chat, c -> c.chatStats().joinsSent(), "JOIN commands sent, rejoins included");
        counter("twitch.chat.reconnects", chat, c -> c.chatStats().reconnects(), "Chat connections replaced");
        counter("twitch.chat.parse.errors", chat, c -> c.chatStats().parseErrors(), "Chat lines that could not be parsed");
        counter("twitch.chat.messages", chat, c -> c.chatStats().chatMessages(), "Chat messages received");
        counter("twitch.chat.events", chat, c -> c.chatStats().chatEvents(), "Subs, gifts, raids, bits received");
        counter("twitch.chat.duplicates.dropped", chat, c -> c.chatStats().duplicatesDropped(),
                "Chat messages dropped as duplicates");
        counter("twitch.chat.pong.timeouts", chat, c -> c.chatStats().pongTimeouts(),
                "Chat connections dropped for a missing PONG");

        counter("kafka.send.errors", outbox, KafkaOutbox::sendErrors, "Failed Kafka send attempts (retried or not)");
        counter("kafka.dropped.messages", outbox, KafkaOutbox::dropped,
                "Messages dropped because the Kafka buffer stayed full");
        counter("kafka.delivered.messages", outbox, KafkaOutbox::delivered, "Messages Kafka acknowledged");
        counter("kafka.failed.messages", outbox, KafkaOutbox::failed, "Messages that failed for good");
        Gauge.builder("kafka.buffered.messages", outbox, KafkaOutbox::buffered)
                .description("Messages waiting for Kafka's acknowledgement").register(registry);
        Gauge.builder("kafka.buffer.capacity", outbox, KafkaOutbox::capacity).baseUnit("messages")
                .description("Messages the Kafka buffer holds before callers are slowed down").register(registry);
        Gauge.builder("kafka.stalled", outbox, o -> o.stalled() ? 1 : 0)
                .description("1 while messages wait and Kafka acknowledges nothing").register(registry);
        Timer latency = Timer.builder("kafka.send.latency")
                .description("From handing a message to the buffer to Kafka's acknowledgement")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(100),
                        Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(10))
                .register(registry);
        outbox.onLatency(nanos -> latency.record(nanos, TimeUnit.NANOSECONDS));

        counter("helix.polls", monitor, StreamMonitor::polls, "Get Streams polls, successful or not");
        counter("twitch.video.lookups", monitor, StreamMonitor::videoLookups,
                "Get Videos calls for the archive video of a stream that went online");
        counter("twitch.video.lookup.errors", monitor, StreamMonitor::videoLookupErrors,
                "Failed Get Videos calls (the stream went online without a VOD link)");
        counter("stream.offline.expiries", monitor, StreamMonitor::expiries,
                "Channels declared offline because their online TTL ran out");
        counter("ingest.store.errors", monitor, StreamMonitor::storeErrors, "Failed streamers/viewer_timeseries writes");

        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chat-rate-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(chatRate::sample, 1, 1, TimeUnit.SECONDS);
    }

    /** A registry that renders the Prometheus text format ({@link PrometheusMeterRegistry#scrape()}). */
    public static PrometheusMeterRegistry newRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    private <T> void counter(String name, T source, ToDoubleFunction<T> value, String description) {
        FunctionCounter.builder(name, source, value).description(description).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Stops the rate sampler. */
    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
