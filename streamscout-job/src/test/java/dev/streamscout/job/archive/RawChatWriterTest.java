package dev.streamscout.job.archive;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static dev.streamscout.job.ChatFixtures.HYPE_ID;
import static dev.streamscout.job.ChatFixtures.msg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import dev.streamscout.store.RawChatDao;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.FutureTask;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer on its own against H2: when batches go out, what is skipped, what a replay does. */
class RawChatWriterTest {

    private static final Instant AN_HOUR_LATER = BEGINNING.plus(Duration.ofHours(1));

    private Database database;
    private RawChatDao archive;
    private ManualTimers timers;
    private RawChatWriter writer;

    @BeforeEach
    void open() {
        database = Database.open(new DatabaseSettings("jdbc:h2:mem:rawchat-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1" + DatabaseSettings.H2_OPTIONS, "sa", ""));
        archive = new RawChatDao(database.dataSource());
        timers = new ManualTimers();
        writer = new RawChatWriter(archive, timers, new UnregisteredMetricsGroup(), 3, 200, null);
    }

    @AfterEach
    void close() throws Exception {
        writer.close();
        database.close();
    }

    private List<ChatMessage> stored() {
        return archive.find(HYPE_ID, BEGINNING, AN_HOUR_LATER, 100);
    }

    @Test
    void aFullBatchIsWrittenAtOnceAndTheRestWhenTheIntervalHasPassed() throws Exception {
        List<ChatMessage> chat = List.of(msg(HYPE_ID, "a", "one", BEGINNING), msg(HYPE_ID, "b", "two", BEGINNING.plusSeconds(1)),
                msg(HYPE_ID, "c", "three", BEGINNING.plusSeconds(2)), msg(HYPE_ID, "d", "!uptime", BEGINNING.plusSeconds(3)));
        for (ChatMessage m : chat) {
            writer.write(m, null);
        }
        assertThat(stored()).containsExactlyElementsOf(chat.subList(0, 3));

        timers.advance(199);
        assertThat(stored()).hasSize(3);
        timers.advance(1);
        assertThat(stored()).containsExactlyElementsOf(chat);
    }

    @Test
    void aCheckpointFlushWritesWhatIsBufferedAndAReplayAddsNothing() throws Exception {
        ChatMessage first = msg(HYPE_ID, "a", "hello", BEGINNING);
        writer.write(first, null);
        assertThat(stored()).isEmpty();

        writer.flush(false);
        assertThat(stored()).containsExactly(first);
        assertThat(timers.pending()).isZero();

        // After a restart the same message comes again from Kafka.
        writer.write(first, null);
        writer.flush(true);
        assertThat(stored()).containsExactly(first);
    }

    @Test
    void messagesWithoutAnIdAreSkippedAndCounted() throws Exception {
        ChatMessage withoutId = new ChatMessage(HYPE_ID, "hype", "u1", "u1", "U1", "no id", BEGINNING.toEpochMilli(),
                List.of(), null);
        ChatMessage blankId = new ChatMessage(HYPE_ID, "hype", "u1", "u1", "U1", "blank", BEGINNING.toEpochMilli(),
                List.of(), " ");
        ChatMessage kept = msg(HYPE_ID, "a", "kept", BEGINNING);

        writer.write(withoutId, null);
        writer.write(blankId, null);
        writer.write(kept, null);
        writer.flush(true);

        assertThat(writer.skippedCount()).isEqualTo(2);
        assertThat(stored()).containsExactly(kept);
    }

    /** Processing time that moves only when the test says so; due callbacks run on the caller's thread, as on a mailbox. */
    private static final class ManualTimers implements ProcessingTimeService {
        private record Timer(long at, ProcessingTimeCallback callback, FutureTask<Void> handle) {}

        private final List<Timer> timers = new ArrayList<>();
        private long now = 1_000;

        @Override
        public long getCurrentProcessingTime() {
            return now;
        }

        @Override
        public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback target) {
            Timer timer = new Timer(timestamp, target, new FutureTask<>(() -> null));
            timers.add(timer);
            return new CancellableTimer(timer.handle());
        }

        int pending() {
            return (int) timers.stream().filter(t -> !t.handle().isCancelled()).count();
        }

        void advance(long ms) throws Exception {
            now += ms;
            for (Timer timer : List.copyOf(timers)) {
                if (timer.at() <= now) {
                    timers.remove(timer);
                    if (!timer.handle().isCancelled()) {
                        timer.callback().onProcessingTime(now);
                    }
                }
            }
            timers.removeIf(t -> t.handle().isCancelled());
        }
    }

    /** Only cancellation matters to the writer. */
    private record CancellableTimer(FutureTask<Void> task) implements ScheduledFuture<Void> {
        @Override
        public long getDelay(java.util.concurrent.TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(java.util.concurrent.Delayed other) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            return task.cancel(mayInterrupt);
        }

        @Override
        public boolean isCancelled() {
            return task.isCancelled();
        }

        @Override
        public boolean isDone() {
            return task.isDone();
        }

        @Override
        public Void get() {
            return null;
        }

        @Override
        public Void get(long timeout, java.util.concurrent.TimeUnit unit) {
            return null;
        }
    }
}
