package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamLifecycleEvent;
import org.apache.kafka.clients.producer.Producer;

/** Publishes {@link StreamLifecycleEvent}s to {@code stream-lifecycle} as JSON keyed by channel id. */
public final class LifecyclePublisher extends KafkaJsonPublisher<StreamLifecycleEvent> {

    public static final String DEFAULT_TOPIC = "stream-lifecycle";

    public LifecyclePublisher(Producer<String, byte[]> producer, String topic) {
        super(producer, topic, StreamLifecycleEvent::channelId);
    }

    public static LifecyclePublisher create(String bootstrapServers, String topic) {
        return new LifecyclePublisher(createProducer(bootstrapServers, "streamscout-ingest-lifecycle"), topic);
    }
}
