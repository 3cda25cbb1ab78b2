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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API over real HTTP on a random port, backed by an H2 file database in a temp dir. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiServerTest {

    private Path dataDir;
    private Database database;
    private ClipDao clips;
    private ApiServer server;
    private int port;

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("streamscout-api-test");
        database = Database.open(DatabaseSettings.h2File(dataDir));
        clips = new ClipDao(database.dataSource());
        server = new ApiServer(ApiSettings.loopback(0), clips,
                List.of(HealthCheck.of("database", database::isHealthy)), Clock.fixed(NOW, ZoneOffset.UTC));
        server.start();
        port = server.port();
    }

    @AfterAll
    void stop() {
        server.close();
        database.close();
        ApiTestSupport.deleteRecursively(dataDir);
    }

    @BeforeEach
    void emptyClips() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM clips");
        }
    }

    @Test
    void defaultsToTheLast24HoursNewestFirst() {
        Clip hourAgo = clip("1", NOW.minus(Duration.ofHours(1)));
        Clip almostDayAgo = clip("2", NOW.minus(Duration.ofHours(23)));
        Clip dayAndHourAgo = clip("3", NOW.minus(Duration.ofHours(25)));
        Clip exactlyNow = clip("4", NOW);
        List.of(dayAndHourAgo, hourAgo, exactlyNow, almostDayAgo).forEach(clips::insert);

        HttpResponse<String> response = get(port, "/v1.0/clip");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.get("count").asInt()).isEqualTo(2);
        assertThat(momentIds(body)).containsExactly(hourAgo.momentId(), almostDayAgo.momentId());
    }

    @Test
    void clipFieldsAreSnakeCaseWithIsoTimes() {
        Clip failed = new Clip("99:1768132800", null, "99", "streamer", NOW.minusMillis(1500).toEpochMilli(),
                NOW.minusMillis(500).toEpochMilli(), null, null, "title", 7.25, 310, ClipStatus.FAILED,
                "403: clips disabled");
        clips.insert(failed);
        clips.insert(clip("1", NOW.minusSeconds(60)));

        JsonNode data = json(get(port, "/v1.0/clip")).get("data");

        JsonNode first = data.get(0);
        assertThat(first.get("moment_id").asText()).isEqualTo("99:1768132800");
        assertThat(first.get("clip_id").isNull()).isTrue();
        assertThat(first.get("channel_id").asText()).isEqualTo("99");
        assertThat(first.get("channel").asText()).isEqualTo("streamer");
        assertThat(first.get("peak_at").asText()).isEqualTo("2026-01-11T11:59:58.500Z");
        assertThat(first.get("created_at").asText()).isEqualTo("2026-01-11T11:59:59.500Z");
        assertThat(first.get("url").isNull()).isTrue();
        assertThat(first.get("edit_url").isNull()).isTrue();
        assertThat(first.get("title").asText()).isEqualTo("title");
        assertThat(first.get("intensity").asDouble()).isEqualTo(7.25);
        assertThat(first.get("message_count").asInt()).isEqualTo(310);
        assertThat(first.get("status").asText()).isEqualTo("FAILED");
        assertThat(first.get("failure_reason").asText()).isEqualTo("403: clips disabled");
        JsonNode second = data.get(1);
        assertThat(second.get("url").asText()).isEqualTo("https://clips.twitch.tv/c" + NOW.minusSeconds(60).getEpochSecond());
        assertThat(second.get("peak_at").asText()).isEqualTo("2026-01-11T11:59:00Z");
    }

    @Test
    void explicitRangeIsHalfOpenAndLimited() {
        for (int minute = 0; minute < 10; minute++) {
            clips.insert(clip("m" + minute, NOW.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(minute))));
        }
        // [day-3 + 2 min, day-3 + 7 min) holds minutes 2..6; newest three are 6, 5, 4.
        String start = "2026-01-08T12:02:00Z";
        String end = "2026-01-08T12:07:00Z";

        JsonNode limited = json(get(port, "/v1.0/clip?start=" + start + "&end=" + end + "&limit=3"));
        JsonNode all = json(get(port, "/v1.0/clip?start=" + start + "&end=" + end + "&limit=100"));

        assertThat(channels(limited)).containsExactly("m6", "m5", "m4");
        assertThat(limited.get("count").asInt()).isEqualTo(3);
        assertThat(channels(all)).containsExactly("m6", "m5", "m4", "m3", "m2");
    }

    @Test
    void offsetsLocalTimesAndUnencodedPlusAreAccepted() {
        clips.insert(clip("a", NOW.minus(Duration.ofMinutes(30))));

        // 13:00+02:00 = 11:00Z; the unencoded '+' arrives as a space and is still understood.
        List<String> queries = List.of(
                "/v1.0/clip?start=2026-01-11T13:00:00%2B02:00&end=2026-01-11T12:00:00Z",
                "/v1.0/clip?start=2026-01-11T13:00:00+02:00&end=2026-01-11T12:00:00Z",
                "/v1.0/clip?start=2026-01-11T11:00:00&end=2026-01-11T12:00:00");
        for (String query : queries) {
            HttpResponse<String> response = get(port, query);
            assertThat(response.statusCode()).as(query).isEqualTo(200);
            assertThat(channels(json(response))).as(query).containsExactly("a");
        }
    }

    @Test
    void emptyRangeGivesAnEmptyList() {
        JsonNode body = json(get(port, "/v1.0/clip?start=0001-01-01T00:00:00Z&end=0001-01-02T00:00:00Z"));

        assertThat(body.get("count").asInt()).isZero();
        assertThat(body.get("data").isArray()).isTrue();
        assertThat(body.get("data")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "limit=abc                                          | limit | integer from 1 to 100",
        "limit=0                                            | limit | integer from 1 to 100",
        "limit=101                                          | limit | integer from 1 to 100",
        "limit=-5                                           | limit | integer from 1 to 100",
        "limit=1e3                                          | limit | integer from 1 to 100",
        "start=yesterday                                    | start | ISO-8601",
        "end=tomorrow                                       | end   | ISO-8601",
        "start=2026-01-11T12:00:00Z&end=2026-01-11T11:00:00Z | start | before end",
        "start=%2B999999999-01-01T00:00:00Z                 | start | years 1 and 9999",
        "start=%3Cscript%3E                                 | start | ISO-8601",
    })
    void badParameterIsA400ProblemNamingIt(String query, String parameter, String hint) {
        HttpResponse<String> response = get(port, "/v1.0/clip?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo("urn:streamscout:problem:invalid-parameter");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
        assertThat(problem.get("detail").asText()).contains(hint);
    }

    @Test
    void unknownPathIsA404Problem() {
        HttpResponse<String> response = get(port, "/v2/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("title").asText()).isEqualTo("Not Found");
        assertThat(problem.get("detail").asText()).contains("/v2/nothing-here");
        assertThat(problem.has("parameter")).isFalse();
    }

    @Test
    void requestJettyRejectsIsStillAProblem() {
        HttpResponse<String> response = get(port, "/%2e%2e/secret");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(response).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void healthIsUpWithTheDatabaseCheck() {
        HttpResponse<String> response = get(port, "/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("checks").get("database").asText()).isEqualTo("UP");
    }

    @Test
    void rootServesTheDashboardAndItsAssets() {
        HttpResponse<String> page = get(port, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/static/app.js\"></script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                v -> assertThat(v).contains("script-src 'self'"));

        HttpResponse<String> script = get(port, "/static/app.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).contains("javascript"));
        assertThat(script.body()).contains("./views/channel.js").doesNotContain("innerHTML");
        HttpResponse<String> dom = get(port, "/static/dom.js");
        assertThat(dom.body()).contains("textContent").doesNotContain("innerHTML =");
        assertThat(get(port, "/static/api.js").body()).contains("/streams");
        // The charts library comes from its webjar, with the file names the page loads.
        assertThat(get(port, "/webjars/uplot/1.6.30/dist/uPlot.esm.js").statusCode()).isEqualTo(200);
        assertThat(get(port, "/webjars/uplot/1.6.30/dist/uPlot.min.css").statusCode()).isEqualTo(200);

        assertThat(get(port, "/static/style.css").statusCode()).isEqualTo(200);
    }

    private static List<String> momentIds(JsonNode body) {
        return StreamSupport.stream(body.get("data").spliterator(), false).map(n -> n.get("moment_id").asText()).toList();
    }

    private static List<String> channels(JsonNode body) {
        return StreamSupport.stream(body.get("data").spliterator(), false).map(n -> n.get("channel_id").asText()).toList();
    }
}
