package dev.streamscout.store;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link RetentionJob} on one daemon thread: first shortly after start, then every period
 * (an hour in the services). A failed run is logged and the next one tries again; it never stops the
 * process. {@link #close()} stops the thread, waiting briefly for a run in progress.
 */
public final class RetentionSchedule implements AutoCloseable {

    public static final Duration DEFAULT_PERIOD = Duration.ofHours(1);
    /** Lets start-up settle (the job's first writes, the API) before the first deletes. */
    public static final Duration FIRST_RUN_DELAY = Duration.ofSeconds(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final ScheduledExecutorService executor;

    private RetentionSchedule(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Every {@code period}, first after {@code firstDelay}. */
    public static RetentionSchedule start(RetentionJob job, Duration firstDelay, Duration period) {
        Objects.requireNonNull(job, "job");
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-retention");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> runOnce(job), firstDelay.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
        return new RetentionSchedule(executor);
    }

    private static void runOnce(RetentionJob job) {
        long started = System.nanoTime();
        try {
            RetentionJob.Removed removed = job.run();
            LOG.info("retention: removed raw chat {} (partitions on PostgreSQL, rows on H2), viewer samples {},"
                    + " chat minutes {} in {} ms", removed.rawChat(), removed.viewerSamples(), removed.chatSummaries(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("retention run failed, retrying at the next run: {}", e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("retention run still busy after {} s; leaving it", CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
