package dev.streamscout.api;

import static dev.streamscout.api.ApiTestSupport.NOW;
import static dev.streamscout.api.ApiTestSupport.clip;
import static dev.streamscout.api.ApiTestSupport.get;
import static dev.streamscout.api.ApiTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /v1.0/clip} with {@code broadcaster}, {@code min_intensity} and cursor pages, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClipFiltersTest {

    private final OpenApiContract contract = new OpenApiContract();
    private Path dataDir;
    private Database database;
    private ApiServer server;
    private int port;

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("streamscout-clip-filters");
        database = Database.open(DatabaseSettings.h2File(dataDir));
        ClipDao clips = new ClipDao(database.dataSource());
        // Channel 1: five clips of intensity 3.5 a minute apart; channel 2: one strong clip, one weak.
        for (int i = 1; i <= 5; i++) {
            clips.insert(clip("1", NOW.minus(Duration.ofMinutes(i))));
        }
        clips.insert(withIntensity(clip("2", NOW.minus(Duration.ofMinutes(3))), 9.5));
        clips.insert(withIntensity(clip("2", NOW.minus(Duration.ofMinutes(30))), 0.5));
        server = ApiServer.builder(ApiSettings.loopback(0))
                .clips(clips)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build()
                .start();
        port = server.port();
    }

    @AfterAll
    void stop() {
        server.close();
        database.close();
        ApiTestSupport.deleteRecursively(dataDir);
    }

    private static Clip withIntensity(Clip c, double intensity) {
        return new Clip(c.momentId(), c.clipId(), c.channelId(), c.channelLogin(), c.peakMs(), c.createdMs(), c.url(),
                c.editUrl(), c.title(), intensity, c.messageCount(), ClipStatus.CREATED, null);
    }

    private List<String> channelsOf(JsonNode page) {
        List<String> channels = new ArrayList<>();
        page.get("data").forEach(clip -> channels.add(clip.get("channel_id").asText()));
        return channels;
    }

    @Test
    void broadcasterMatchesTheChannelIdOrItsLoginInAnyCase() {
        HttpResponse<String> byId = get(port, "/v1.0/clip?broadcaster=2");
        contract.assertConforms("GET", "/v1.0/clip", byId);
        assertThat(channelsOf(json(byId))).containsExactly("2", "2");
        assertThat(channelsOf(json(get(port, "/v1.0/clip?broadcaster=LOGIN_2")))).containsExactly("2", "2");
        assertThat(json(get(port, "/v1.0/clip?broadcaster=nobody")).get("count").asInt()).isZero();
    }

    @Test
    void minIntensityKeepsOnlyStrongEnoughClips() {
        JsonNode strong = json(get(port, "/v1.0/clip?min_intensity=4"));
        assertThat(channelsOf(strong)).containsExactly("2");
        assertThat(strong.get("data").get(0).get("intensity").asDouble()).isEqualTo(9.5);
        assertThat(json(get(port, "/v1.0/clip?min_intensity=0")).get("count").asInt()).isEqualTo(7);
        assertThat(json(get(port, "/v1.0/clip?broadcaster=1&min_intensity=3.5")).get("count").asInt()).isEqualTo(5);
    }

    @Test
    void cursorPagesWalkTheWholeListOnceAndTheLastPageHasNoCursor() {
        List<String> seen = new ArrayList<>();
        String query = "/v1.0/clip?limit=3";
        int pages = 0;
        while (query != null && pages++ < 10) {
            HttpResponse<String> response = get(port, query);
            assertThat(response.statusCode()).isEqualTo(200);
            contract.assertConforms("GET", "/v1.0/clip", response);
            JsonNode page = json(response);
            page.get("data").forEach(clip -> seen.add(clip.get("moment_id").asText()));
            JsonNode next = page.get("next_cursor");
            assertThat(page.has("next_cursor")).isTrue();
            query = next.isNull() ? null : "/v1.0/clip?limit=3&cursor=" + next.asText();
        }
        assertThat(pages).isEqualTo(3);
        List<String> all = new ArrayList<>();
        json(get(port, "/v1.0/clip?limit=100")).get("data").forEach(clip -> all.add(clip.get("moment_id").asText()));
        assertThat(all).hasSize(7);
        assertThat(seen).containsExactlyElementsOf(all);
        assertThat(json(get(port, "/v1.0/clip?limit=100")).get("next_cursor").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "min_intensity=-1            | min_intensity | at least 0",
        "min_intensity=lots          | min_intensity | decimal number",
        "min_intensity=NaN           | min_intensity | decimal number",
        "broadcaster=%3Cscript%3E    | broadcaster   | channel id",
        "broadcaster=a%20b           | broadcaster   | channel id",
        "cursor=not-a-cursor         | cursor        | next_cursor",
        "cursor=bTE6MTox             | cursor        | next_cursor",
    })
    void badFilterValuesAre400sNamingTheParameter(String query, String parameter, String hint) {
        HttpResponse<String> response = get(port, "/v1.0/clip?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        contract.assertConforms("GET", "/v1.0/clip", response);
        JsonNode problem = json(response);
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
        assertThat(problem.get("detail").asText()).contains(hint);
    }
}
