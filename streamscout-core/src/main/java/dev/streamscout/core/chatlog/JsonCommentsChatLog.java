package dev.streamscout.core.chatlog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.Json;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * VOD comment dumps in JSON: Twitch v5 / TwitchDownloader ({@code content_offset_seconds},
 * {@code commenter.name}, {@code message.body}, {@code message.fragments[].emoticon}) and GQL
 * {@code VideoComment} ({@code contentOffsetSeconds}, {@code commenter.login},
 * {@code message.fragments[].text/emote}).
 *
 * <p>Streams the file: only one comment is held as a tree at a time. Comments are found wherever they
 * sit: a top-level array, a {@code comments} array inside an object (TwitchDownloader), or GQL
 * connection {@code edges[].node}. An element that is not a readable comment is counted as malformed.
 */
final class JsonCommentsChatLog extends ChatLog {

    private final JsonParser parser;
    private final ChatLogOptions options;
    /** For each open container: true when it is an array whose object elements are comments. */
    private final Deque<Boolean> arrays = new ArrayDeque<>();
    private final Deque<ChatMessage> pending = new ArrayDeque<>();
    private long index;

    JsonCommentsChatLog(ChatLogFormat format, Reader reader, ChatLogOptions options) throws IOException {
        super(format);
        this.parser = Json.mapper().getFactory().createParser(reader);
        this.options = options;
    }

    @Override
    protected ChatMessage readNext() throws IOException {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            switch (token) {
                case START_ARRAY -> arrays.push(true);
                case END_ARRAY, END_OBJECT -> arrays.poll();
                case START_OBJECT -> {
                    if (Boolean.TRUE.equals(arrays.peek())) {
                        JsonNode element = parser.readValueAsTree();
                        ChatMessage message = element == null ? null : toMessage(element);
                        if (message != null) {
                            return message;
                        }
                        if (element != null && isContainer(element)) {
                            collect(element); // a wrapper inside an array: small dumps only, read as a tree
                            if (!pending.isEmpty()) {
                                return pending.poll();
                            }
                        } else {
                            countMalformed();
                        }
                    } else {
                        arrays.push(false);
                    }
                }
                default -> { /* field names and scalars of wrapper objects */ }
            }
        }
        return null;
    }

    private void collect(JsonNode node) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                ChatMessage message = child.isObject() ? toMessage(child) : null;
                if (message != null) {
                    pending.add(message);
                } else if (isContainer(child)) {
                    collect(child);
                } else {
                    countMalformed();
                }
            }
        } else if (node.isObject()) {
            node.forEach(child -> {
                if (child.isContainerNode()) {
                    collect(child);
                }
            });
        }
    }

    /** A wrapper such as {@code {"comments": [...]}} inside an array is not a bad comment. */
    private static boolean isContainer(JsonNode node) {
        return node.has("comments") || node.has("edges") || node.has("data");
    }

    private ChatMessage toMessage(JsonNode element) {
        JsonNode comment = element.has("node") ? element.get("node") : element;
        JsonNode offset = comment.has("content_offset_seconds") ? comment.get("content_offset_seconds")
                : comment.get("contentOffsetSeconds");
        if (offset == null || !offset.isNumber() || offset.asDouble() < 0) {
            return null;
        }
        JsonNode commenter = comment.path("commenter");
        String user = text(commenter, "name", "login");
        String displayName = text(commenter, "display_name", "displayName");
        JsonNode body = comment.path("message");
        List<String> emotes = new ArrayList<>();
        StringBuilder fromFragments = new StringBuilder();
        for (JsonNode fragment : body.path("fragments")) {
            String text = fragment.path("text").asText("");
            fromFragments.append(text);
            JsonNode emote = fragment.has("emoticon") ? fragment.get("emoticon") : fragment.get("emote");
            if (isEmote(emote) && !text.isBlank()) {
                emotes.add(text.strip());
            }
        }
        String text = body.hasNonNull("body") ? body.get("body").asText() : fromFragments.toString();
        long timestampMs = options.vodStartMs() + Math.round(offset.asDouble() * 1000.0);
        String channelId = text(comment, "channel_id", "channelId");
        String id = text(comment, "_id", "id");
        index++;
        return new ChatMessage(channelId != null ? channelId : options.channel(), options.channel(),
                text(commenter, "_id", "id"), user, displayName != null ? displayName : user, text, timestampMs,
                emotes, id != null ? id : format().name().toLowerCase() + ":" + index);
    }

    /** v5 puts {@code emoticon: {emoticon_id: ...}}; GQL puts {@code emote: {emoteID: ...}} or {@code {}}. */
    private static boolean isEmote(JsonNode emote) {
        if (emote == null || emote.isNull() || !emote.isObject()) {
            return false;
        }
        return emote.has("emoticon_id") || emote.has("emoteID") || emote.has("id") || emote.has("_id");
    }

    private static String text(JsonNode node, String first, String second) {
        JsonNode value = node.hasNonNull(first) ? node.get(first) : node.get(second);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
