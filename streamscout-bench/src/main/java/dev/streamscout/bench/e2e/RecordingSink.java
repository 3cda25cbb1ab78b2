package dev.streamscout.bench.e2e;

import java.io.Serializable;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** A Flink sink that notes each detection in the {@link DetectionLog} the moment it arrives. */
final class RecordingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    /** Where a detection points: its channel and event time. */
    interface Locator<T> extends Serializable {
        String channel(T detection);

        long atMs(T detection);

        long decidedMs(T detection);

        /** Whether this output is a detection at all (a stream may carry other records too). */
        default boolean isDetection(T output) {
            return true;
        }

        /** False for an early report that a final detection follows ({@link DetectionLog.Entry#confirmed}). */
        default boolean confirmed(T detection) {
            return true;
        }
    }

    private final Locator<T> locator;

    RecordingSink(Locator<T> locator) {
        this.locator = locator;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                if (!locator.isDetection(element)) {
                    return;
                }
                DetectionLog.record(locator.channel(element), locator.atMs(element), locator.decidedMs(element),
                        locator.confirmed(element));
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
