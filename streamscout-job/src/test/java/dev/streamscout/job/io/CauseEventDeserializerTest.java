package dev.streamscout.job.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatEvent;
import dev.streamscout.core.chat.ChatEventType;
import dev.streamscout.core.detect.CauseTags;
import dev.streamscout.core.json.Json;
import dev.streamscout.job.detect.CauseEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CauseEventDeserializerTest {

    private final CauseEventDeserializer deserializer = new CauseEventDeserializer();

    private static byte[] event(ChatEventType type, long amount) {
        return Json.toBytes(new ChatEvent(type, type.name().toLowerCase(), "id-1", "42", "hype", "7", "user", "User",
                1_700_000_000_000L, amount, "", "", Map.of("viewerCount", "120")));
    }

    @Test
    void raids_gift_bombs_and_announcements_become_cause_events() {
        assertThat(deserializer.deserialize(event(ChatEventType.RAID, 120)))
                .isEqualTo(new CauseEvent("42", 1_700_000_000_000L, CauseTags.RAID));
        assertThat(deserializer.deserialize(event(ChatEventType.SUBMYSTERYGIFT, 20)).tag())
                .isEqualTo(CauseTags.GIFT_SUB_BOMB);
        assertThat(deserializer.deserialize(event(ChatEventType.ANNOUNCEMENT, 0)).tag())
                .isEqualTo(CauseTags.ANNOUNCEMENT);
    }

    @Test
    void events_that_explain_nothing_are_skipped_without_counting_them_malformed() {
        assertThat(deserializer.deserialize(event(ChatEventType.SUB, 1))).isNull();
        assertThat(deserializer.deserialize(event(ChatEventType.SUBMYSTERYGIFT, 2))).isNull();
        assertThat(deserializer.malformedCount()).isZero();
    }

    @Test
    void malformed_records_are_counted_and_skipped() {
        assertThat(deserializer.deserialize("{not json".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(deserializer.deserialize("{\"type\":\"RAID\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(deserializer.deserialize(new byte[0])).isNull();
        assertThat(deserializer.deserialize("{\"type\":\"RAID\",\"channel_id\":\"42\"}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(deserializer.malformedCount()).isEqualTo(4);
    }
}
