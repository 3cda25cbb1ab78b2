package dev.streamscout.api.live;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One client's place in the {@link LiveHub}: the events it wants, in a bounded queue the hub fills
 * and the client's {@link EventPump} drains. A client that lets the queue fill up is dropped rather
 * than slowing the hub (and with it every other client).
 */
public final class LiveSubscription implements AutoCloseable {

    /** Why a subscription ended. */
    public enum End { OPEN, CLIENT_LEFT, TOO_SLOW, SERVER_STOPPED }

    /**
     * Put in the queue when the subscription ends, so that a pump waiting in {@link #next} for the next
     * event (up to a heartbeat, 15 s) wakes at once and closes its connection: the server's shutdown waits
     * for those connections.
     */
    private static final LiveEvent ENDED = new LiveEvent("ended", "", null, "{}");

    private final Predicate<LiveEvent> filter;
    private final BlockingQueue<LiveEvent> queue;
    private final LiveHub hub;
    private volatile End end = End.OPEN;

    LiveSubscription(LiveHub hub, Predicate<LiveEvent> filter, int capacity) {
        this.hub = hub;
        this.filter = filter;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    boolean wants(LiveEvent event) {
        return filter.test(event);
    }

    /** @return false when the queue is full */
    boolean offer(LiveEvent event) {
        return queue.offer(event);
    }

    /**
     * The next event, waiting up to {@code timeoutMs}.
     *
     * @return null on timeout or once the subscription has ended
     */
    public LiveEvent next(long timeoutMs) throws InterruptedException {
        if (end != End.OPEN) {
            return null;
        }
        LiveEvent event = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        return event == ENDED || end != End.OPEN ? null : event;
    }

    public boolean isOpen() {
        return end == End.OPEN;
    }

    public End end() {
        return end;
    }

    /** Ends the subscription for {@code reason}; the first reason given sticks. */
    synchronized boolean end(End reason) {
        if (end != End.OPEN) {
            return false;
        }
        end = reason;
        queue.clear();
        hub.remove(this);
        // Wakes a waiting next(); should an event slip in first and fill the queue, that event wakes it.
        queue.offer(ENDED);
        return true;
    }

    /** The client went away. */
    @Override
    public void close() {
        end(End.CLIENT_LEFT);
    }
}
