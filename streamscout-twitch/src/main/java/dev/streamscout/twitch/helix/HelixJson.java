package dev.streamscout.twitch.helix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.json.Json;
import dev.streamscout.core.stream.StreamStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Helix response bodies into our records. Every deviation from the documented shape becomes a
 * {@link MalformedBodyException} naming what was wrong, never a {@code NullPointerException}.
 */
final class HelixJson {

    /** Thrown inside this package only; {@link HelixClient} turns it into a {@link HelixException}. */
    static final class MalformedBodyException extends RuntimeException {
        MalformedBodyException(String message, Throwable cause) {
            super(message, cause);
        }

        MalformedBodyException(String message) {
            super(message);
        }
    }

    private HelixJson() {}

    static StreamsPage streamsPage(String body) {
        JsonNode root = root(body);
        List<StreamStatus> streams = new ArrayList<>();
        int index = 0;
        for (JsonNode item : dataArray(root)) {
            String where = "data[" + index++ + "]";
            streams.add(new StreamStatus(
                    requiredText(item, "user_id", where),
                    requiredText(item, "user_login", where),
                    optionalText(item, "user_name"),
                    optionalInt(item, "viewer_count", where),
                    optionalInstant(item, "started_at", where),
                    optionalText(item, "title"),
                    optionalText(item, "game_name")));
        }
        JsonNode pagination = root.path("pagination");
        String cursor = pagination.path("cursor").isTextual() ? pagination.path("cursor").asText() : null;
        return new StreamsPage(streams, cursor);
    }

    static CreatedClip createdClip(String body) {
        JsonNode data = dataArray(root(body));
        if (data.isEmpty()) {
            throw new MalformedBodyException("Create Clip answered without data[0]");
        }
        JsonNode first = data.get(0);
        return new CreatedClip(requiredText(first, "id", "data[0]"), optionalText(first, "edit_url"));
    }

    static Optional<HelixClip> firstClip(String body) {
        JsonNode data = dataArray(root(body));
        if (data.isEmpty()) {
            return Optional.empty();
        }
        JsonNode c = data.get(0);
        String where = "data[0]";
        JsonNode vod = c.path("vod_offset");
        return Optional.of(new HelixClip(
                requiredText(c, "id", where),
                optionalText(c, "url"),
                optionalText(c, "broadcaster_id"),
                optionalText(c, "title"),
                optionalInstant(c, "created_at", where),
                optionalDouble(c, "duration", where),
                optionalText(c, "broadcaster_name"),
                optionalText(c, "embed_url"),
                optionalText(c, "thumbnail_url"),
                optionalInt(c, "view_count", where),
                vod.isIntegralNumber() ? Integer.valueOf(vod.intValue()) : null));
    }

    static List<HelixUser> users(String body) {
        List<HelixUser> users = new ArrayList<>();
        int index = 0;
        for (JsonNode item : dataArray(root(body))) {
            String where = "data[" + index++ + "]";
            users.add(new HelixUser(
                    requiredText(item, "id", where),
                    requiredText(item, "login", where),
                    textOrEmpty(item, "display_name"),
                    textOrEmpty(item, "type"),
                    textOrEmpty(item, "broadcaster_type"),
                    textOrEmpty(item, "description"),
                    textOrEmpty(item, "profile_image_url"),
                    textOrEmpty(item, "offline_image_url"),
                    optionalInstant(item, "created_at", where)));
        }
        return users;
    }

    static Optional<HelixVideo> firstVideo(String body) {
        JsonNode data = dataArray(root(body));
        if (data.isEmpty()) {
            return Optional.empty();
        }
        JsonNode v = data.get(0);
        String where = "data[0]";
        String streamId = optionalText(v, "stream_id");
        return Optional.of(new HelixVideo(
                requiredText(v, "id", where),
                optionalText(v, "user_id"),
                streamId == null || streamId.isEmpty() ? null : streamId,
                optionalText(v, "type"),
                optionalInstant(v, "created_at", where),
                optionalText(v, "url")));
    }

    /** Best effort: the Twitch error body, or {@code null} when the body is not one. */
    static HelixErrorBody errorBodyOrNull(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode root = Json.mapper().readTree(body);
            if (root == null || !root.isObject()) {
                return null;
            }
            return new HelixErrorBody(
                    optionalText(root, "error"),
                    root.path("status").isIntegralNumber() ? root.path("status").intValue() : 0,
                    optionalText(root, "message"));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static JsonNode root(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedBodyException("empty body where JSON was expected");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException("body is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedBodyException("body is not a JSON object");
        }
        return root;
    }

    private static JsonNode dataArray(JsonNode root) {
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new MalformedBodyException("body has no \"data\" array");
        }
        for (JsonNode item : data) {
            if (!item.isObject()) {
                throw new MalformedBodyException("\"data\" holds a " + item.getNodeType() + " where an object was expected");
            }
        }
        return data;
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull() || value.asText().isEmpty()) {
            throw new MalformedBodyException(where + "." + field + " is missing or empty");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static String textOrEmpty(JsonNode node, String field) {
        String text = optionalText(node, field);
        return text == null ? "" : text;
    }

    private static int optionalInt(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new MalformedBodyException(where + "." + field + " is not an integer: " + value);
        }
        return value.intValue();
    }

    private static double optionalDouble(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0.0;
        }
        if (!value.isNumber()) {
            throw new MalformedBodyException(where + "." + field + " is not a number: " + value);
        }
        return value.doubleValue();
    }

    private static Instant optionalInstant(JsonNode node, String field, String where) {
        String text = optionalText(node, field);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedBodyException(where + "." + field + " is not an RFC 3339 instant: " + text, e);
        }
    }
}
