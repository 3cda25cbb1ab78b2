package dev.streamscout.twitch.irc;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatMessage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns decoded PRIVMSG and USERNOTICE lines from any connection of a pool into
 * {@link ChatMessage}s and {@link ChatEvent}s for the callbacks: drops a line whose {@code id} was
 * already delivered (Twitch may send a message twice, and during a RECONNECT handover two
 * connections carry the same channel), counts lines lacking a field StreamScout needs, and
 * contains callback failures. Thread-safe: every reader thread calls it.
 */
final class ChatDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ChatDispatcher.class);

    private final Consumer<ChatMessage> onChat;
    private final Consumer<ChatEvent> onEvent;
    private final RecentIds recentIds;

    private final LongAdder chatMessages = new LongAdder();
    private final LongAdder chatEvents = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder callbackFailures = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    ChatDispatcher(Consumer<ChatMessage> onChat, Consumer<ChatEvent> onEvent, int dedupeCapacity) {
        this.onChat = onChat;
        this.onEvent = onEvent;
        this.recentIds = new RecentIds(dedupeCapacity);
    }

    void dispatch(IrcEvent event) {
        if (event instanceof Privmsg p) {
            privmsg(p);
        } else if (event instanceof IrcEvent.UserNotice n) {
            userNotice(n);
        }
    }

    private void privmsg(Privmsg p) {
        Optional<String> problem = p.problem();
        if (problem.isPresent()) {
            reject("PRIVMSG " + problem.get(), p.source());
            return;
        }
        if (isDuplicate(p.messageId())) {
            return;
        }
        deliver(onChat, p.toChatMessage(), chatMessages);
        p.toCheerEvent().ifPresent(cheer -> deliver(onEvent, cheer, chatEvents));
    }

    private void userNotice(IrcEvent.UserNotice n) {
        Optional<String> problem = n.problem();
        if (problem.isPresent()) {
            reject("USERNOTICE " + problem.get(), n.source());
            return;
        }
        if (isDuplicate(n.messageId())) {
            return;
        }
        deliver(onEvent, n.toChatEvent(), chatEvents);
    }

    private boolean isDuplicate(String id) {
        if (id != null && !recentIds.firstSeen(id)) {
            duplicates.increment();
            return true;
        }
        return false;
    }

    private <T> void deliver(Consumer<T> callback, T value, LongAdder counter) {
        counter.increment();
        try {
            callback.accept(value);
        } catch (RuntimeException e) {
            callbackFailures.increment();
            if (warned.add("callback")) {
                LOG.warn("Chat callback failed (further failures are counted, logged at DEBUG)", e);
            } else {
                LOG.debug("Chat callback failed", e);
            }
        }
    }

    private void reject(String reason, IrcMessage m) {
        rejected.computeIfAbsent(reason, k -> new LongAdder()).increment();
        if (warned.add("rejected:" + reason)) {
            LOG.warn("Skipping chat line ({}): {} (further ones are counted, logged at DEBUG)", reason,
                    IrcParseException.truncate(m.toLine()));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("Skipping chat line ({}): {}", reason, IrcParseException.truncate(m.toLine()));
        }
    }

    long chatMessages() {
        return chatMessages.sum();
    }

    long chatEvents() {
        return chatEvents.sum();
    }

    long duplicatesDropped() {
        return duplicates.sum();
    }

    long callbackFailures() {
        return callbackFailures.sum();
    }

    Map<String, Long> rejected() {
        Map<String, Long> copy = new TreeMap<>();
        rejected.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
