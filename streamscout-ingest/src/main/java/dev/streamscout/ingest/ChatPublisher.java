package dev.streamscout.ingest;

import dev.streamscout.core.chat.ChatMessage;
import org.apache.kafka.clients.producer.Producer;

/**
 * Publishes every chat message, commands included (the Flink job filters them), to
 * {@code chat-messages} as {@link ChatMessage} JSON keyed by channel id.
 */
public final class ChatPublisher extends KafkaJsonPublisher<ChatMessage> {

    public static final String DEFAULT_TOPIC = "chat-messages";

    public ChatPublisher(Producer<String, byte[]> producer, String topic) {
        super(producer, topic, ChatMessage::channelId);
    }

    public static ChatPublisher create(String bootstrapServers, String topic) {
        return new ChatPublisher(createProducer(bootstrapServers, "streamscout-ingest-chat"), topic);
    }
}
