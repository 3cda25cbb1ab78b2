package dev.streamscout.ingest;

import dev.streamscout.core.chat.ChatMessage;

/**
 * Publishes every chat message, commands included (the Flink job filters them), to
 * {@code chat-messages} as {@link ChatMessage} JSON keyed by channel id.
 */
public final class ChatPublisher extends KafkaJsonPublisher<ChatMessage> {

    public static final String DEFAULT_TOPIC = "chat-messages";

    /** Over a shared outbox. */
    public ChatPublisher(KafkaOutbox outbox, String topic) {
        super(outbox, false, topic, ChatMessage::channelId);
    }

    private ChatPublisher(KafkaOutbox outbox, boolean owns, String topic) {
        super(outbox, owns, topic, ChatMessage::channelId);
    }

    /** With its own producer and a buffer of {@value IngestSettings#DEFAULT_PRODUCER_BUFFER} messages. */
    public static ChatPublisher create(String bootstrapServers, String topic) {
        return new ChatPublisher(KafkaOutbox.create(bootstrapServers, "streamscout-ingest-chat",
                IngestSettings.DEFAULT_PRODUCER_BUFFER), true, topic);
    }
}
