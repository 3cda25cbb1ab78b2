package dev.streamscout.core.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.json.Json;
import dev.streamscout.core.json.MalformedJsonException;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import java.time.Instant;
import java.util.List;

/**
 * The wire form of live events: the JSON objects the {@code live-updates} topic carries and the API
 * pushes unchanged over SSE and WebSocket (docs/api.md, "Live push"). Snake case, times as ISO-8601
 * UTC; a {@code moment_peak} carries the moment in the shape of {@code GET /streams/{id}/moments}.
 */
public final class LiveEventJson {

    /** The type of a {@code viewers} event (made by the API from {@code stream-lifecycle}, not the job). */
    public static final String VIEWERS = "viewers";

    /** What the API needs of an event to route it: its type and channel. */
    public record Header(String type, String channelId, String login) {}

    private LiveEventJson() {}

    /** The event as one line of JSON. */
    public static String write(LiveUpdate update) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("type", update.type());
        node.put("channel_id", update.channelId());
        node.put("login", update.channelLogin());
        switch (update.type()) {
            case LiveUpdate.CHAT_RATE -> {
                node.put("t", iso(update.timeMs()));
                node.put("messages", update.messages());
                node.put("unique_chatters", update.uniqueChatters());
                number(node, "baseline", update.baseline());
                number(node, "band_low", update.bandLow());
                number(node, "band_high", update.bandHigh());
            }
            case LiveUpdate.MOMENT_STARTED -> {
                if (update.momentId() != null) {
                    node.put("moment_id", update.momentId());
                }
                node.put("start", iso(update.timeMs()));
                number(node, "rate", update.rate());
                number(node, "baseline", update.baseline());
            }
            case LiveUpdate.MOMENT_PEAK -> node.set("moment", moment(update.moment()));
            case LiveUpdate.CLIP_READY -> {
                node.put("moment_id", update.momentId());
                node.set("clip", clip(update.clip()));
            }
            default -> throw new IllegalArgumentException("unknown live update type " + update.type());
        }
        return Json.toString(node);
    }

    /** A {@code viewers} event from a {@code stream-lifecycle} record. */
    public static String viewers(StreamLifecycleEvent event) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("type", VIEWERS);
        node.put("channel_id", event.channelId());
        node.put("login", event.login());
        node.put("t", event.observedAt() == null ? null : event.observedAt().toString());
        node.put("viewer_count", event.viewerCount());
        node.put("is_live", event.type() != StreamLifecycleEvent.Type.OFFLINE);
        return Json.toString(node);
    }

    /**
     * The type and channel of an event in wire form.
     *
     * @throws MalformedJsonException when it is not JSON or lacks a type or channel id
     */
    public static Header header(String json) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new MalformedJsonException("live event", e);
        }
        if (node == null || !node.path("type").isTextual() || !node.path("channel_id").isTextual()) {
            throw new MalformedJsonException("live event",
                    new IllegalArgumentException("a live event needs a type and a channel_id"));
        }
        JsonNode login = node.path("login");
        return new Header(node.get("type").asText(), node.get("channel_id").asText(),
                login.isTextual() ? login.asText() : null);
    }

    /** The moment in the shape of {@code GET /streams/{id}/moments} (no VOD or clip known yet). */
    static ObjectNode moment(Moment m) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", m.id());
        node.put("type", m.type());
        node.put("start", iso(m.startMs()));
        node.put("peak", iso(m.peakMs()));
        node.put("end", iso(m.endMs()));
        number(node, "intensity", m.intensity());
        number(node, "baseline_mean", m.baselineMean());
        number(node, "baseline_stddev", m.baselineStddev());
        number(node, "rate", m.rate());
        node.put("message_count", m.messageCount());
        node.put("unique_chatters", m.uniqueChatters());
        strings(node.putArray("top_tokens"), m.topTokens());
        strings(node.putArray("top_emotes"), m.topEmotes());
        ArrayNode samples = node.putArray("sample_messages");
        for (String line : m.sampleMessages()) {
            samples.add(sample(line));
        }
        strings(node.putArray("cause_tags"), m.causeTags());
        node.put("profile", m.profile());
        node.putNull("vod_url");
        node.putNull("vod_offset_seconds");
        node.putNull("clip");
        return node;
    }

    static ObjectNode clip(Clip c) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("status", c.status() == null ? null : c.status().name());
        node.put("clip_id", c.clipId());
        node.put("url", c.url());
        node.put("edit_url", c.editUrl());
        node.put("failure_reason", c.failureReason());
        return node;
    }

    /** Samples are kept as {@code "user: text"} (or the bare text when the log had no user). */
    private static ObjectNode sample(String line) {
        ObjectNode node = Json.mapper().createObjectNode();
        int colon = line.indexOf(": ");
        boolean hasUser = colon > 0 && line.substring(0, colon).matches("[A-Za-z0-9_]{1,25}");
        node.put("user", hasUser ? line.substring(0, colon) : null);
        node.put("text", hasUser ? line.substring(colon + 2) : line);
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** JSON has no NaN or infinity: such a value is written as null. */
    private static void number(ObjectNode node, String field, Double value) {
        if (value == null || !Double.isFinite(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static String iso(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }
}
