package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamLifecycleEvent;

/** Publishes {@link StreamLifecycleEvent}s to {@code stream-lifecycle} as JSON keyed by channel id. */
public final class LifecyclePublisher extends KafkaJsonPublisher<StreamLifecycleEvent> {

    public static final String DEFAULT_TOPIC = "stream-lifecycle";

    /** Over a shared outbox. */
    public LifecyclePublisher(KafkaOutbox outbox, String topic) {
        super(outbox, false, topic, StreamLifecycleEvent::channelId);
    }

    private LifecyclePublisher(KafkaOutbox outbox, boolean owns, String topic) {
        super(outbox, owns, topic, StreamLifecycleEvent::channelId);
    }

    /** With its own producer. */
    public static LifecyclePublisher create(String bootstrapServers, String topic) {
        return new LifecyclePublisher(KafkaOutbox.create(bootstrapServers, "streamscout-ingest-lifecycle",
                IngestSettings.DEFAULT_PRODUCER_BUFFER), true, topic);
    }
}
