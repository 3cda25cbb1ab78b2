package dev.streamscout.api.live;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one client's {@link LiveSubscription} into its connection on a thread of its own, so that a
 * blocking write only ever holds up that client: the hub keeps filling the queue, and drops the client
 * when the queue is full. Sends a heartbeat after {@code heartbeat} without events.
 */
final class EventPump implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final LiveSubscription subscription;
    private final EventSink sink;
    private final long heartbeatMs;

    private EventPump(LiveSubscription subscription, EventSink sink, Duration heartbeat) {
        this.subscription = subscription;
        this.sink = sink;
        this.heartbeatMs = heartbeat.toMillis();
    }

    /** Starts a daemon thread pumping {@code subscription} into {@code sink}. */
    static Thread start(LiveSubscription subscription, EventSink sink, Duration heartbeat, String kind) {
        Thread thread = new Thread(new EventPump(subscription, sink, heartbeat),
                "live-" + kind + "-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            while (subscription.isOpen() && !sink.closed()) {
                LiveEvent event = subscription.next(heartbeatMs);
                if (event != null) {
                    sink.send(event);
                } else if (subscription.isOpen()) {
                    sink.heartbeat();
                }
            }
        } catch (IOException e) {
            LOG.debug("live client connection failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Jetty reports a vanished client in several ways; none of them may kill anything but this client.
            LOG.debug("live client write failed: {}", e.toString());
        } finally {
            subscription.close();
            sink.close();
        }
    }
}
