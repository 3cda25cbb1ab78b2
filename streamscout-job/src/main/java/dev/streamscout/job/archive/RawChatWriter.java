package dev.streamscout.job.archive;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.store.RawChatDao;
import dev.streamscout.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's writer of {@link RawChatSink}: buffers messages and hands them to {@link RawChatDao#insert} when
 * the batch is full, when the oldest buffered message has waited the batch interval, and on every
 * checkpoint ({@link #flush}). Write, timer and flush calls all arrive on the task's mailbox thread, so the
 * buffer needs no locking.
 *
 * <p>Messages without a message id cannot be stored idempotently: they are skipped, counted in
 * {@code raw_chat_skipped} and logged (the first, then every 1000th).
 */
final class RawChatWriter implements SinkWriter<ChatMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(RawChatWriter.class);
    static final int ATTEMPTS = 3;
    private static final long RETRY_BACKOFF_MS = 200;

    private final RawChatDao archive;
    private final ProcessingTimeService timers;
    private final int batchSize;
    private final long batchIntervalMs;
    private final AutoCloseable resources;
    private final Counter archived;
    private final Counter skipped;
    private final List<ChatMessage> buffer = new ArrayList<>();
    private ScheduledFuture<?> pendingFlush;

    RawChatWriter(RawChatDao archive, ProcessingTimeService timers, MetricGroup metrics, int batchSize,
            long batchIntervalMs, AutoCloseable resources) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.batchSize = batchSize;
        this.batchIntervalMs = batchIntervalMs;
        this.resources = resources;
        this.archived = metrics.counter("raw_chat_archived");
        this.skipped = metrics.counter("raw_chat_skipped");
    }

    @Override
    public void write(ChatMessage message, Context context) throws IOException, InterruptedException {
        if (message.messageId() == null || message.messageId().isBlank()) {
            skipped.inc();
            if (skipped.getCount() % 1000 == 1) {
                LOG.warn("chat message without message_id in channel {} not archived ({} so far)",
                        message.channelId(), skipped.getCount());
            }
            return;
        }
        buffer.add(message);
        if (buffer.size() >= batchSize) {
            writeBuffer();
        } else if (pendingFlush == null) {
            pendingFlush = timers.registerTimer(timers.getCurrentProcessingTime() + batchIntervalMs,
                    time -> {
                        pendingFlush = null;
                        writeBuffer();
                    });
        }
    }

    /** Called before every checkpoint and at end of input: nothing may stay buffered past it. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        writeBuffer();
    }

    /** Messages skipped for want of a message id. */
    long skippedCount() {
        return skipped.getCount();
    }

    private void writeBuffer() throws IOException, InterruptedException {
        if (pendingFlush != null) {
            pendingFlush.cancel(false);
            pendingFlush = null;
        }
        if (buffer.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                archive.insert(buffer);
                archived.inc(buffer.size());
                buffer.clear();
                return;
            } catch (StoreException e) {
                if (attempt >= ATTEMPTS) {
                    // The task fails and restarts from the last checkpoint; the buffered messages are replayed.
                    throw new IOException("archiving " + buffer.size() + " chat messages failed " + ATTEMPTS
                            + " times", e);
                }
                LOG.warn("archiving {} chat messages failed (attempt {} of {}), retrying: {}", buffer.size(),
                        attempt, ATTEMPTS, e.getMessage());
                Thread.sleep(RETRY_BACKOFF_MS * attempt);
            }
        }
    }

    @Override
    public void close() throws Exception {
        // No flush here: close also follows a cancel or failure, when the last checkpoint is what counts.
        if (pendingFlush != null) {
            pendingFlush.cancel(false);
        }
        if (resources != null) {
            resources.close();
        }
    }
}
