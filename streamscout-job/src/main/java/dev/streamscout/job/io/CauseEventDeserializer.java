package dev.streamscout.job.io;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.json.Json;
import dev.streamscout.job.detect.CauseEvent;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link ChatEvent} JSON from {@code chat-events} and keeps the events that explain spikes
 * (raids, gift-sub bombs, announcements) as {@link CauseEvent}s. Other well-formed events (a single
 * sub, bits) are skipped quietly; a record that is not an event (bad JSON, no type, no channel id, no
 * timestamp) is counted in {@code malformed_chat_events}, logged (the first few, then every 1000th)
 * and skipped.
 */
public class CauseEventDeserializer implements DeserializationSchema<CauseEvent> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CauseEventDeserializer.class);

    private transient Counter malformed;
    private transient long malformedSeen;

    @Override
    public void open(InitializationContext context) {
        malformed = context.getMetricGroup().counter("malformed_chat_events");
    }

    @Override
    public void deserialize(byte[] message, Collector<CauseEvent> out) {
        CauseEvent cause = deserialize(message);
        if (cause != null) {
            out.collect(cause);
        }
    }

    /** The cause in {@code message}, or null if it has none or is malformed (then it is counted). */
    @Override
    public CauseEvent deserialize(byte[] message) {
        try {
            ChatEvent event = message == null || message.length == 0 ? null : Json.fromBytes(message, ChatEvent.class);
            if (event == null || event.timestamp() <= 0) {
                skip("not a chat event with a timestamp");
                return null;
            }
            return CauseEvent.of(event).orElse(null);
        } catch (RuntimeException e) {
            skip(String.valueOf(e.getMessage()));
            return null;
        }
    }

    /** Malformed records this instance has skipped. */
    long malformedCount() {
        return malformedSeen;
    }

    private void skip(String why) {
        if (malformed != null) {
            malformed.inc();
        }
        malformedSeen++;
        if (malformedSeen <= 5 || malformedSeen % 1000 == 0) {
            LOG.warn("skipping malformed chat-events record #{}: {}", malformedSeen, why.replaceAll("\\s+", " "));
        }
    }

    @Override
    public boolean isEndOfStream(CauseEvent nextElement) {
        return false;
    }

    @Override
    public TypeInformation<CauseEvent> getProducedType() {
        return TypeInformation.of(CauseEvent.class);
    }
}
