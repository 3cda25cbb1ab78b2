package dev.streamscout.job.io;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.MalformedJsonException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link ChatMessage} JSON from the {@code chat-messages} topic (with {@link ChatMessageJsonReader}). A record that is not a valid
 * chat message (bad JSON, missing channel id, empty value) is counted in
 * {@code malformed_chat_messages}, logged (the first few in full, then every 1000th) and skipped: one
 * bad producer must not stop the job.
 */
public class ChatMessageDeserializer implements DeserializationSchema<ChatMessage> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ChatMessageDeserializer.class);
    private static final int LOGGED_IN_FULL = 5;
    private static final int PREVIEW_CHARS = 200;

    private transient Counter malformed;
    private transient long malformedSeen;

    @Override
    public void open(InitializationContext context) {
        malformed = context.getMetricGroup().counter("malformed_chat_messages");
    }

    @Override
    public void deserialize(byte[] message, Collector<ChatMessage> out) {
        ChatMessage chat = deserialize(message);
        if (chat != null) {
            out.collect(chat);
        }
    }

    /** The message, or null when the record is not one (and has been counted). */
    @Override
    public ChatMessage deserialize(byte[] message) {
        if (message == null || message.length == 0) {
            skip("empty record", message);
            return null;
        }
        try {
            return ChatMessageJsonReader.read(message);
        } catch (MalformedJsonException e) {
            skip(e.getMessage(), message);
            return null;
        } catch (RuntimeException e) {
            // The record's own validation (e.g. a null channel id) surfaces as other exceptions.
            skip(String.valueOf(e), message);
            return null;
        }
    }

    @Override
    public boolean isEndOfStream(ChatMessage nextElement) {
        return false;
    }

    @Override
    public TypeInformation<ChatMessage> getProducedType() {
        return TypeInformation.of(ChatMessage.class);
    }

    private void skip(String why, byte[] message) {
        if (malformed != null) {
            malformed.inc();
        }
        malformedSeen++;
        if (malformedSeen <= LOGGED_IN_FULL || malformedSeen % 1000 == 0) {
            LOG.warn("skipping malformed chat record #{} ({}): {}", malformedSeen, oneLine(why), oneLine(preview(message)));
        }
    }

    /** Records this instance has skipped (what the {@code malformed_chat_messages} metric reports). */
    long malformedCount() {
        return malformedSeen;
    }

    private static String oneLine(String text) {
        return text == null ? null : text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static String preview(byte[] message) {
        if (message == null) {
            return "<null>";
        }
        String text = new String(message, StandardCharsets.UTF_8);
        return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS) + "...";
    }
}
