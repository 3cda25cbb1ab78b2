package dev.streamscout.job.io;

import dev.streamscout.core.json.Json;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link StreamLifecycleEvent} JSON from {@code stream-lifecycle}. A record that is not one (bad
 * JSON, no channel id, no type, no observation time) is counted in {@code malformed_lifecycle_events},
 * logged (the first few, then every 1000th) and skipped.
 */
public class LifecycleEventDeserializer implements DeserializationSchema<StreamLifecycleEvent> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleEventDeserializer.class);

    private transient Counter malformed;
    private transient long malformedSeen;

    @Override
    public void open(InitializationContext context) {
        malformed = context.getMetricGroup().counter("malformed_lifecycle_events");
    }

    @Override
    public void deserialize(byte[] message, Collector<StreamLifecycleEvent> out) {
        StreamLifecycleEvent event = deserialize(message);
        if (event != null) {
            out.collect(event);
        }
    }

    @Override
    public StreamLifecycleEvent deserialize(byte[] message) {
        try {
            StreamLifecycleEvent event = message == null || message.length == 0 ? null
                    : Json.fromBytes(message, StreamLifecycleEvent.class);
            if (event != null && event.channelId() != null && event.type() != null && event.observedAt() != null) {
                return event;
            }
            skip("not a lifecycle event");
        } catch (RuntimeException e) {
            skip(String.valueOf(e.getMessage()));
        }
        return null;
    }

    private void skip(String why) {
        if (malformed != null) {
            malformed.inc();
        }
        malformedSeen++;
        if (malformedSeen <= 5 || malformedSeen % 1000 == 0) {
            LOG.warn("skipping malformed stream-lifecycle record #{}: {}", malformedSeen, why.replaceAll("\\s+", " "));
        }
    }

    @Override
    public boolean isEndOfStream(StreamLifecycleEvent nextElement) {
        return false;
    }

    @Override
    public TypeInformation<StreamLifecycleEvent> getProducedType() {
        return TypeInformation.of(StreamLifecycleEvent.class);
    }
}
