package dev.streamscout.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.json.Json;
import dev.streamscout.sim.HypeMoment;
import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimulatorSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo wiring in-process, end to end: the simulator's chat goes over a real IRC socket into
 * ingest, through the embedded Kafka broker into the Flink job, and a clip of a scripted hype moment
 * comes back out of the HTTP API.
 */
class DemoEndToEndTest {

    /**
     * The demo's warm-up (as DemoCommand sets it) is the default profile's 30 s window; the hype must
     * come after it.
     */
    private static final Duration HYPE_AFTER = Duration.ofSeconds(40);
    /**
     * An unmistakable hype (15 times the rate for 20 s), the strongest the simulator plans by itself
     * ({@code HypeShape}: 5-20 s at 5-15 times), as the demo's opening one: this test is about the
     * wiring, not about how many scripted hypes are found ({@code SimulatedHypeDetectionTest}).
     */
    private static final Duration HYPE_LENGTH = Duration.ofSeconds(20);
    private static final double HYPE_MULTIPLIER = 15;

    @TempDir
    Path dataDir;

    private AllInOne app;

    @AfterEach
    void stop() {
        if (app != null) {
            long start = System.nanoTime();
            app.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aScriptedHypeMomentIsClippedAndServedByTheApi() throws Exception {
        // A 30 s warm-up and a threshold only a real burst reaches: the clip found is the hype's.
        app = AllInOne.startDemo(WiringFixtures.demo(dataDir),
                SimulatorSettings.defaults().withScheduleHypeMoments(false));
        SimChannel top = app.simulator().channels().get(0);
        HypeMoment hype = app.simulator().scheduleHype(top.login(), Instant.now().plus(HYPE_AFTER), HYPE_LENGTH,
                HYPE_MULTIPLIER);

        URI clips = URI.create(app.endpoints().api() + "/v1.0/clip?start=" + Instant.now().minusSeconds(3600)
                + "&end=" + Instant.now().plusSeconds(3600) + "&limit=10");
        AtomicReference<JsonNode> clip = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60).plus(HYPE_AFTER)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (JsonNode row : get(clips).path("data")) {
                if (row.path("channel_id").asText().equals(top.id())) {
                    clip.set(row);
                    return true;
                }
            }
            return false;
        });

        JsonNode found = clip.get();
        Instant peak = Instant.parse(found.path("peak_at").asText());
        // The 30 s window can peak a little after the burst ends (see docs/detection.md).
        assertThat(peak).isBetween(hype.start().minusSeconds(1), hype.end().plusSeconds(10));
        assertThat(found.path("status").asText()).isEqualTo("CREATED");
        assertThat(found.path("url").asText()).startsWith("https://clips.twitch.tv/");
        assertThat(app.simulator().clips()).anyMatch(c -> c.id().equals(found.path("clip_id").asText()));
        assertThat(get(URI.create(app.endpoints().api() + "/health")).path("status").asText()).isEqualTo("UP");
    }

    private static JsonNode get(URI uri) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }
}
