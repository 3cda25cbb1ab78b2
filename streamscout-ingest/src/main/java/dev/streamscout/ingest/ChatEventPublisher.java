package dev.streamscout.ingest;

import dev.streamscout.core.chat.ChatEvent;

/**
 * Publishes {@link ChatEvent}s (subs, gifts, raids, announcements, bits: the "transactions" of
 * seed 004) to {@code chat-events} as JSON keyed by channel id, beside the chat messages.
 */
public final class ChatEventPublisher extends KafkaJsonPublisher<ChatEvent> {

    public static final String DEFAULT_TOPIC = "chat-events";

    /** Over a shared outbox. */
    public ChatEventPublisher(KafkaOutbox outbox, String topic) {
        super(outbox, false, topic, ChatEvent::channelId);
    }

    private ChatEventPublisher(KafkaOutbox outbox, boolean owns, String topic) {
        super(outbox, owns, topic, ChatEvent::channelId);
    }

    /** With its own producer. */
    public static ChatEventPublisher create(String bootstrapServers, String topic) {
        return new ChatEventPublisher(KafkaOutbox.create(bootstrapServers, "streamscout-ingest-events",
                IngestSettings.DEFAULT_PRODUCER_BUFFER), true, topic);
    }
}
