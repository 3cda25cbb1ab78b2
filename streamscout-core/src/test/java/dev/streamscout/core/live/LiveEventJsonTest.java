package dev.streamscout.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.json.Json;
import dev.streamscout.core.json.MalformedJsonException;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveEventJsonTest {

    private static final long SECOND = Instant.parse("2026-11-23T01:02:03Z").toEpochMilli();

    private static JsonNode tree(String json) throws Exception {
        return Json.mapper().readTree(json);
    }

    @Test
    void chat_rate_has_the_contract_fields() throws Exception {
        String json = LiveEventJson.write(LiveUpdate.chatRate("42", "shroud", SECOND, 17, 12,
                new BaselineBand(3.5, 1.0, 6.0)));
        JsonNode node = tree(json);
        assertThat(node.get("type").asText()).isEqualTo("chat_rate");
        assertThat(node.get("channel_id").asText()).isEqualTo("42");
        assertThat(node.get("login").asText()).isEqualTo("shroud");
        assertThat(node.get("t").asText()).isEqualTo("2026-11-23T01:02:03Z");
        assertThat(node.get("messages").asInt()).isEqualTo(17);
        assertThat(node.get("unique_chatters").asInt()).isEqualTo(12);
        assertThat(node.get("baseline").asDouble()).isEqualTo(3.5);
        assertThat(node.get("band_low").asDouble()).isEqualTo(1.0);
        assertThat(node.get("band_high").asDouble()).isEqualTo(6.0);
        assertThat(json).doesNotContain("\n");
    }

    @Test
    void a_band_not_known_yet_is_null() throws Exception {
        JsonNode node = tree(LiveEventJson.write(LiveUpdate.chatRate("42", null, SECOND, 0, 0,
                new BaselineBand(Double.NaN, null, null))));
        assertThat(node.get("baseline").isNull()).isTrue();
        assertThat(node.get("band_low").isNull()).isTrue();
        assertThat(node.get("band_high").isNull()).isTrue();
        assertThat(node.get("login").isNull()).isTrue();
    }

    @Test
    void moment_peak_carries_the_moment_in_the_rest_shape() throws Exception {
        Moment moment = new Moment("42", "shroud", SECOND - 5000, SECOND, SECOND + 4000, 80, 2.0, 0.5, 6.2, "default",
                16.0, 55, List.of("clutch"), List.of("PogChamp"), List.of("ann: what a play", "no user here"),
                List.of("raid"), Moment.TYPE_CHAT_SPIKE);
        JsonNode node = tree(LiveEventJson.write(LiveUpdate.momentPeak(moment)));
        assertThat(node.get("type").asText()).isEqualTo("moment_peak");
        JsonNode m = node.get("moment");
        assertThat(m.get("id").asText()).isEqualTo(moment.id());
        assertThat(m.get("peak").asText()).isEqualTo("2026-11-23T01:02:03Z");
        assertThat(m.get("start").asText()).isEqualTo("2026-11-23T01:01:58Z");
        assertThat(m.get("message_count").asInt()).isEqualTo(80);
        assertThat(m.get("sample_messages").get(0).get("user").asText()).isEqualTo("ann");
        assertThat(m.get("sample_messages").get(0).get("text").asText()).isEqualTo("what a play");
        assertThat(m.get("sample_messages").get(1).get("user").isNull()).isTrue();
        assertThat(m.get("cause_tags").get(0).asText()).isEqualTo("raid");
        assertThat(m.get("clip").isNull()).isTrue();
    }

    @Test
    void clip_ready_and_moment_started() throws Exception {
        Clip clip = new Clip("42:1", "Clip1", "42", "shroud", SECOND, SECOND + 9000, "https://clips/x", "https://edit/x",
                "title", 6.0, 80, ClipStatus.CREATED, null);
        JsonNode ready = tree(LiveEventJson.write(LiveUpdate.clipReady(clip)));
        assertThat(ready.get("moment_id").asText()).isEqualTo("42:1");
        assertThat(ready.get("clip").get("status").asText()).isEqualTo("CREATED");
        assertThat(ready.get("clip").get("url").asText()).isEqualTo("https://clips/x");

        JsonNode started = tree(LiveEventJson.write(LiveUpdate.momentStarted("42", "shroud", SECOND, null, 9.0, 2.5)));
        assertThat(started.get("start").asText()).isEqualTo("2026-11-23T01:02:03Z");
        assertThat(started.has("moment_id")).isFalse();
        assertThat(started.get("rate").asDouble()).isEqualTo(9.0);
    }

    @Test
    void viewers_from_lifecycle() throws Exception {
        Instant at = Instant.parse("2026-11-23T01:02:03Z");
        JsonNode online = tree(LiveEventJson.viewers(new StreamLifecycleEvent(StreamLifecycleEvent.Type.VIEWERS, "42",
                "shroud", 1234, at.minusSeconds(600), at)));
        assertThat(online.get("viewer_count").asInt()).isEqualTo(1234);
        assertThat(online.get("is_live").asBoolean()).isTrue();
        assertThat(online.get("t").asText()).isEqualTo("2026-11-23T01:02:03Z");
        JsonNode offline = tree(LiveEventJson.viewers(StreamLifecycleEvent.offline("42", "shroud", at)));
        assertThat(offline.get("is_live").asBoolean()).isFalse();
    }

    @Test
    void header_reads_type_and_channel_and_rejects_junk() {
        LiveEventJson.Header header = LiveEventJson.header(
                LiveEventJson.write(LiveUpdate.chatRate("42", "shroud", SECOND, 1, 1, BaselineBand.NONE)));
        assertThat(header).isEqualTo(new LiveEventJson.Header("chat_rate", "42", "shroud"));
        assertThatThrownBy(() -> LiveEventJson.header("not json")).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> LiveEventJson.header("{\"type\":\"x\"}")).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> LiveEventJson.header("[]")).isInstanceOf(MalformedJsonException.class);
    }
}
