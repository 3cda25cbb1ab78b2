package dev.streamscout.app.wiring;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes started components in reverse order of start within one overall deadline.
 *
 * <p>Reverse order matters: the API stops taking requests before the database closes, ingest
 * stops producing before the broker goes away. A component that overruns its share of the
 * deadline is abandoned (logged) so that the process still ends on time.
 */
public final class ShutdownSequence implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);

    private record Entry(String name, AutoCloseable component) {}

    private final Deque<Entry> started = new ArrayDeque<>();
    private final Duration deadline;
    private volatile boolean closed;

    public ShutdownSequence(Duration deadline) {
        this.deadline = deadline;
    }

    /** Registers a component that has started; returns it for chaining. */
    public synchronized <T extends AutoCloseable> T add(String name, T component) {
        if (closed) {
            throw new IllegalStateException("shutting down; cannot start " + name);
        }
        started.push(new Entry(name, component));
        return component;
    }

    private static ExecutorService newCloser() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "shutdown");
            t.setDaemon(true);
            return t;
        });
    }

    /** True once {@link #close()} has begun: components stopping now are expected to. */
    public boolean isClosing() {
        return closed;
    }

    @Override
    public void close() {
        Deque<Entry> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayDeque<>(started);
            started.clear();
        }
        long end = System.nanoTime() + deadline.toNanos();
        ExecutorService closer = newCloser();
        try {
            for (Entry entry : toClose) {
                long remaining = end - System.nanoTime();
                if (remaining <= 0) {
                    LOG.warn("shutdown deadline of {} s reached; not waiting for {}", deadline.toSeconds(), entry.name());
                    continue;
                }
                Future<?> done = closer.submit(() -> {
                    entry.component().close();
                    return null;
                });
                try {
                    done.get(remaining, TimeUnit.NANOSECONDS);
                    LOG.debug("stopped {}", entry.name());
                } catch (TimeoutException e) {
                    LOG.warn("{} did not stop in time; abandoning it", entry.name());
                    done.cancel(true);
                    closer.shutdownNow();
                    closer = newCloser();
                } catch (ExecutionException e) {
                    LOG.warn("{} failed to stop cleanly: {}", entry.name(), e.getCause().toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            closer.shutdownNow();
        }
    }
}
