package dev.streamscout.job.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.MalformedJsonException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code chat-messages} record straight from Jackson's token stream into a {@link ChatMessage}:
 * the job reads every chat message once, and going through the data-binding mapper (bean
 * introspection, a property map lookup per field, a creator call) cost more than the rest of the
 * per-message work. It reads what {@code Json.fromBytes(bytes, ChatMessage.class)} reads: the same
 * fields, unknown ones skipped, numbers and booleans accepted as text, a quoted or fractional
 * {@code timestamp} taken as a number, null for a missing field. Records of the plain shape chat
 * always has are read straight from the bytes ({@link ChatMessageByteScanner}), the rest through Jackson.
 */
public final class ChatMessageJsonReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ChatMessageJsonReader() {}

    /**
     * @throws MalformedJsonException when the bytes are not a JSON object of the expected shape
     * @throws NullPointerException   when {@code channel_id} is missing (as the record's constructor does)
     */
    public static ChatMessage read(byte[] json) {
        ChatMessage plain = ChatMessageByteScanner.read(json);
        return plain != null ? plain : readTokens(json);
    }

    /** {@link #read} through Jackson's token stream, for every record whatever its shape. */
    static ChatMessage readTokens(byte[] json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object");
            }
            String channelId = null;
            String channel = null;
            String userId = null;
            String username = null;
            String displayName = null;
            String message = null;
            long timestamp = 0;
            List<String> emotes = null;
            String messageId = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                switch (field) {
                    case "channel_id" -> channelId = text(p, value);
                    case "channel" -> channel = text(p, value);
                    case "user_id" -> userId = text(p, value);
                    case "username" -> username = text(p, value);
                    case "display_name" -> displayName = text(p, value);
                    case "message" -> message = text(p, value);
                    case "timestamp" -> timestamp = number(p, value);
                    case "emotes" -> emotes = strings(p, value);
                    case "message_id" -> messageId = text(p, value);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("unexpected " + p.currentToken() + " in a chat message");
            }
            return new ChatMessage(channelId, channel, userId, username, displayName, message, timestamp, emotes,
                    messageId);
        } catch (IOException e) {
            throw new MalformedJsonException(ChatMessage.class.getSimpleName(), e);
        }
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != null && value.isScalarValue()) {
            return p.getText();
        }
        throw new IOException("expected text for " + p.currentName() + ", found " + value);
    }

    private static long number(JsonParser p, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> (long) p.getDoubleValue();
            case VALUE_NULL -> 0L;
            case VALUE_STRING -> {
                String text = p.getText().trim();
                try {
                    yield text.isEmpty() ? 0L : Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new IOException("timestamp is not a number: " + text, e);
                }
            }
            default -> throw new IOException("expected a number for timestamp, found " + value);
        };
    }

    private static List<String> strings(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_ARRAY) {
            throw new IOException("expected an array for emotes, found " + value);
        }
        List<String> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new IOException("unterminated emotes array");
            }
            out.add(text(p, t));
        }
        return out;
    }
}
