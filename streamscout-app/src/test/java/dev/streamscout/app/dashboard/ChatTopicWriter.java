package dev.streamscout.app.dashboard;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.ingest.ChatPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Says one line in a channel's chat a few times at the start of every second of a stretch, through
 * the same publisher and topic ingest uses (the simulator has no way to script a chat line). The job
 * keeps the first lines to arrive in each second as a moment's samples, so a line that opens every
 * second of a hype is among them whichever second turns out to be the peak.
 */
final class ChatTopicWriter implements AutoCloseable {

    /** Lines per second, each from its own chatter. */
    private static final int PER_SECOND = 3;
    /** How far ahead of each second its lines are sent. */
    private static final Duration LEAD = Duration.ofMillis(50);

    private final ChatPublisher publisher;
    private final String channelId;
    private final String channelLogin;
    private final String text;
    private final Instant from;
    private final Instant until;
    private final Thread thread;
    private volatile boolean closed;

    private ChatTopicWriter(ChatPublisher publisher, String channelId, String channelLogin, String text,
            Instant from, Instant until) {
        this.publisher = publisher;
        this.channelId = channelId;
        this.channelLogin = channelLogin;
        this.text = text;
        this.from = from;
        this.until = until;
        this.thread = new Thread(this::run, "test-chat-writer");
        this.thread.setDaemon(true);
    }

    /** Starts writing {@code text} into the channel's chat during {@code [from, until)}. */
    static ChatTopicWriter start(String bootstrapServers, String topic, String channelId, String channelLogin,
            String text, Instant from, Instant until) {
        ChatTopicWriter writer = new ChatTopicWriter(ChatPublisher.create(bootstrapServers, topic), channelId,
                channelLogin, text, from, until);
        writer.thread.start();
        return writer;
    }

    /** How many lines went out. */
    long published() {
        return publisher.published();
    }

    private void run() {
        while (!closed) {
            long now = System.currentTimeMillis();
            if (!Instant.ofEpochMilli(now).isBefore(until)) {
                return;
            }
            // The job fills a second's samples in arrival order: sent a little before the second starts,
            // stamped with its first millisecond, the lines arrive before any of the simulator's for it.
            long second = (now / 1000 + 1) * 1000;
            long sendAt = second - LEAD.toMillis();
            if (sendAt > now) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(sendAt - now));
            }
            Instant at = Instant.ofEpochMilli(second);
            if (closed || at.isBefore(from) || !at.isBefore(until)) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(LEAD.toMillis() + 1));
                continue;
            }
            for (int i = 1; i <= PER_SECOND; i++) {
                publisher.publish(new ChatMessage(channelId, channelLogin, "990000" + i, "xss_probe_" + i,
                        "xss_probe_" + i, text, second, List.of(), UUID.randomUUID().toString()));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(LEAD.toMillis() + 1));
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close(Duration.ofSeconds(2));
    }
}
