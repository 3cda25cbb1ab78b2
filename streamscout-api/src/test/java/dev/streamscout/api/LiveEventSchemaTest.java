package dev.streamscout.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.live.BaselineBand;
import dev.streamscout.core.live.LiveEventJson;
import dev.streamscout.core.live.LiveUpdate;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every live event the job and the API produce fits its schema in openapi.yaml (and so the contract). */
class LiveEventSchemaTest {

    private static final Instant AT = Instant.parse("2026-11-23T01:02:03Z");
    private static final Moment MOMENT = new Moment("42", "shroud", AT.minusSeconds(4).toEpochMilli(),
            AT.toEpochMilli(), AT.plusSeconds(3).toEpochMilli(), 60, 2.0, 0.0, 7.5, "default", 12.0, 40,
            List.of("clutch"), List.of("PogChamp"), List.of("ann: what a play"), List.of("raid"), Moment.TYPE_CHAT_SPIKE);

    private final OpenApiContract contract = new OpenApiContract();

    @Test
    void each_event_type_fits_its_schema_and_the_live_event_union() {
        var events = List.of(
                new String[] {"ChatRateEvent", LiveEventJson.write(LiveUpdate.chatRate("42", "shroud",
                        AT.toEpochMilli(), 17, 12, new BaselineBand(3.0, 1.2, 7.5)))},
                new String[] {"ChatRateEvent", LiveEventJson.write(LiveUpdate.chatRate("42", null, AT.toEpochMilli(),
                        0, 0, BaselineBand.NONE))},
                new String[] {"ViewersEvent", LiveEventJson.viewers(new StreamLifecycleEvent(
                        StreamLifecycleEvent.Type.VIEWERS, "42", "shroud", 1234, AT.minusSeconds(60), AT))},
                new String[] {"MomentStartedEvent", LiveEventJson.write(LiveUpdate.momentStarted("42", "shroud",
                        AT.toEpochMilli(), null, 9.0, 2.0))},
                new String[] {"MomentStartedEvent", LiveEventJson.write(LiveUpdate.momentStarted("42", "shroud",
                        AT.toEpochMilli(), MOMENT.id(), 9.0, null))},
                new String[] {"MomentPeakEvent", LiveEventJson.write(LiveUpdate.momentPeak(MOMENT))},
                new String[] {"ClipReadyEvent", LiveEventJson.write(LiveUpdate.clipReady(new Clip(MOMENT.id(), "Clip1",
                        "42", "shroud", MOMENT.peakMs(), MOMENT.peakMs() + 5000, "https://clips.twitch.tv/Clip1",
                        "https://clips.twitch.tv/Clip1/edit", "t", 7.5, 60, ClipStatus.CREATED, null)))},
                new String[] {"ClipReadyEvent", LiveEventJson.write(LiveUpdate.clipReady(new Clip(MOMENT.id(), null,
                        "42", "shroud", MOMENT.peakMs(), MOMENT.peakMs(), null, null, "t", 7.5, 60, ClipStatus.SKIPPED,
                        "clipping is switched off")))});
        for (String[] event : events) {
            contract.assertValid(event[0], event[1]);
            contract.assertValid("LiveEvent", event[1]);
        }
        assertThat(contract.errors("ViewersEvent", events.get(0)[1])).isNotEmpty(); // the schemas do tell them apart
    }
}
