package dev.streamscout.sim;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatMessage;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The ids of every chat message and chat event the simulator put on the wire since recording
 * began, each once (however many connections received it, even if it was re-sent), per channel.
 * A test compares these with what a pipeline stored to prove nothing was lost or duplicated.
 * Obtain one from {@link TwitchSimulator#recordSentChat()}; thread-safe.
 */
public final class SentChatLog {

    private final Map<String, Set<String>> messageIdsByChannel = new HashMap<>();
    private final Map<String, Set<String>> eventIdsByChannel = new HashMap<>();
    private long messages;
    private long events;

    SentChatLog() {}

    synchronized void message(ChatMessage message) {
        if (messageIdsByChannel.computeIfAbsent(message.channelLogin(), c -> new LinkedHashSet<>())
                .add(message.messageId())) {
            messages++;
        }
    }

    synchronized void event(ChatEvent event) {
        if (eventIdsByChannel.computeIfAbsent(event.channelLogin(), c -> new LinkedHashSet<>()).add(event.eventId())) {
            events++;
        }
    }

    /** PRIVMSG ids (cheers included) per channel login, in sending order. */
    public synchronized Map<String, Set<String>> messageIdsByChannel() {
        return copy(messageIdsByChannel);
    }

    /** Every PRIVMSG id sent, in sending order. */
    public synchronized Set<String> messageIds() {
        Set<String> all = new LinkedHashSet<>();
        messageIdsByChannel.values().forEach(all::addAll);
        return all;
    }

    /** Event ids (USERNOTICEs and cheers) per channel login, in sending order. */
    public synchronized Map<String, Set<String>> eventIdsByChannel() {
        return copy(eventIdsByChannel);
    }

    public synchronized long messageCount() {
        return messages;
    }

    public synchronized long eventCount() {
        return events;
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> source) {
        Map<String, Set<String>> copy = new HashMap<>();
        source.forEach((channel, ids) -> copy.put(channel, new LinkedHashSet<>(ids)));
        return copy;
    }
}
