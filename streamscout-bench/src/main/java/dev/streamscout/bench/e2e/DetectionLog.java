package dev.streamscout.bench.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * Every detection an engine emitted in this JVM, with the wall-clock moment it reached the end of the
 * engine's pipeline. Engines run in a JVM of their own, so a process-wide log is theirs alone.
 */
public final class DetectionLog {

    /**
     * @param channelId the channel
     * @param atMs      the event time the detection points at: the moment's peak, or the window's end
     * @param decidedMs start of the second whose close made the engine decide (the moment's confirmation
     *                  second, or the window's last second)
     * @param wallMs    when it was emitted
     * @param confirmed false for an early report that a final detection follows (ours: the burst's start,
     *                  before its peak is confirmed); such reports count for latency, not for recall or
     *                  other detections
     */
    public record Entry(String channelId, long atMs, long decidedMs, long wallMs, boolean confirmed) {

        /** A final detection: every peer's alert, our confirmed moment. */
        public Entry(String channelId, long atMs, long decidedMs, long wallMs) {
            this(channelId, atMs, decidedMs, wallMs, true);
        }
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();

    private DetectionLog() {}

    /** Notes a final detection. */
    public static void record(String channelId, long atMs, long decidedMs) {
        record(channelId, atMs, decidedMs, true);
    }

    /** Notes a detection; {@code confirmed} false for an early report (see {@link Entry#confirmed}). */
    public static void record(String channelId, long atMs, long decidedMs, boolean confirmed) {
        long now = System.currentTimeMillis();
        synchronized (ENTRIES) {
            ENTRIES.add(new Entry(channelId, atMs, decidedMs, now, confirmed));
        }
    }

    public static List<Entry> entries() {
        synchronized (ENTRIES) {
            return List.copyOf(ENTRIES);
        }
    }
}
