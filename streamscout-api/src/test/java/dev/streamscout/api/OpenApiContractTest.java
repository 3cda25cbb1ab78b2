package dev.streamscout.api;

import static dev.streamscout.api.ApiTestSupport.NOW;
import static dev.streamscout.api.ApiTestSupport.clip;
import static dev.streamscout.api.ApiTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.api.clips.ClipQuery;
import dev.streamscout.api.streams.MomentQuery;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spec-first contract against the running server: routes and spec paths agree, and real
 * responses (success and error) validate against the spec's schemas.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {

    /** Served by the static-file handler rather than a route, but part of the contract all the same. */
    private static final Set<String> STATIC_OPERATIONS = Set.of("GET /");

    private final OpenApiContract contract = new OpenApiContract();
    private Path dataDir;
    private Database database;
    private ApiServer server;
    private int port;
    // The analytics endpoints read their own seeded world, so the clip counts above stay as they are.
    private TestStore analyticsStore;
    private ApiServer analytics;

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("streamscout-api-contract");
        database = Database.open(DatabaseSettings.h2File(dataDir));
        ClipDao clips = new ClipDao(database.dataSource());
        clips.insert(clip("1", NOW.minus(Duration.ofMinutes(5))));
        clips.insert(clip("2", NOW.minus(Duration.ofHours(2))));
        clips.insert(new Clip("99:1768132800", null, "99", "streamer", NOW.minusMillis(1500).toEpochMilli(),
                NOW.minusMillis(500).toEpochMilli(), null, null, "title", 7.25, 310, ClipStatus.FAILED,
                "403: clips disabled"));
        server = ApiServer.builder(ApiSettings.loopback(0))
                .clips(clips)
                .healthChecks(List.of(HealthCheck.of("database", database::isHealthy)))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build()
                .start();
        port = server.port();
        analyticsStore = TestStore.h2();
        AnalyticsFixture.seed(analyticsStore.database());
        analytics = AnalyticsFixture.server(analyticsStore.database()).build().start();
    }

    @AfterAll
    void stop() {
        server.close();
        database.close();
        ApiTestSupport.deleteRecursively(dataDir);
        analytics.close();
        analyticsStore.close();
    }

    @Test
    void specIsAValidOpenApiDocument() {
        assertThat(contract.parserMessages()).isEmpty();
        assertThat(contract.api().getOpenapi()).startsWith("3.1");
        assertThat(contract.componentSchemas()).containsKeys("ClipPage", "Clip", "Health", "Problem");
    }

    @Test
    void everyRouteIsInTheSpecAndEverySpecPathIsServed() {
        Set<String> routed = new TreeSet<>();
        server.routes().stream().map(OpenApiContractTest::openApiTemplate).forEach(routed::add);

        Set<String> documented = contract.operations();

        assertThat(routed).as("routes missing from openapi.yaml").isSubsetOf(documented);
        Set<String> unrouted = new TreeSet<>(documented);
        unrouted.removeAll(routed);
        assertThat(unrouted).as("spec operations with no route").isEqualTo(STATIC_OPERATIONS);
        for (String operation : STATIC_OPERATIONS) {
            HttpResponse<String> response = get(port, operation.substring("GET ".length()));
            assertThat(response.statusCode()).as(operation).isEqualTo(200);
        }
    }

    @Test
    void limitBoundsInTheSpecAreTheOnesEnforced() {
        Parameter limit = contract.operation("GET", "/v1.0/clip").getParameters().stream()
                .filter(p -> p.getName().equals("limit"))
                .findFirst()
                .orElseThrow();
        Schema<?> schema = limit.getSchema();

        assertThat(schema.getMinimum()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(schema.getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(ClipQuery.MAX_LIMIT));
        assertThat(((Number) schema.getDefault()).intValue()).isEqualTo(ClipQuery.DEFAULT_LIMIT);
    }

    @Test
    void clipListConformsIncludingNullFieldsOfAFailedClip() {
        HttpResponse<String> response = get(port, "/v1.0/clip");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiTestSupport.json(response).get("count").asInt()).isEqualTo(3);
        contract.assertConforms("GET", "/v1.0/clip", response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=abc", "start=not-a-date", "end=2026-13-01T00:00:00Z",
        "start=2026-01-11T12:00:00Z&end=2026-01-11T11:00:00Z"})
    void badParametersGiveDocumentedProblems(String query) {
        HttpResponse<String> response = get(port, "/v1.0/clip?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        contract.assertConforms("GET", "/v1.0/clip", response);
    }

    @Test
    void unknownPathIsAProblemBody() {
        HttpResponse<String> response = get(port, "/v2/nothing/here");

        assertThat(response.statusCode()).isEqualTo(404);
        contract.assertValid("Problem", response.body());
    }

    @Test
    void healthConformsWhenUpAndWhenDown() throws IOException {
        HttpResponse<String> up = get(port, "/health");
        assertThat(up.statusCode()).isEqualTo(200);
        contract.assertConforms("GET", "/health", up);

        try (ApiServer failing = ApiServer.builder(ApiSettings.loopback(0))
                .clips(new ClipDao(database.dataSource()))
                .healthChecks(List.of(HealthCheck.of("database", database::isHealthy),
                        HealthCheck.of("kafka", () -> false)))
                .build()
                .start()) {
            HttpResponse<String> down = get(failing.port(), "/health");
            assertThat(down.statusCode()).isEqualTo(503);
            contract.assertConforms("GET", "/health", down);
        }
    }

    @Test
    void theValidatorRejectsBodiesThatBreakTheSchema() {
        String valid = get(port, "/v1.0/clip").body();
        contract.assertValid("ClipPage", valid);

        assertThat(contract.errors("ClipPage", valid.replace("\"intensity\":3.5", "\"intensity\":\"high\"")))
                .isNotEmpty();
        assertThat(contract.errors("ClipPage", valid.replace("\"status\":\"CREATED\"", "\"status\":\"DONE\"")))
                .isNotEmpty();
        assertThat(contract.errors("ClipPage", valid.replace("\"peak_at\":\"2026", "\"peak_at\":\"yesterday")))
                .isNotEmpty();
        assertThat(contract.errors("Problem", "{\"title\":\"x\",\"status\":400,\"detail\":\"d\"}")).isNotEmpty();
        assertThat(contract.errors("Health", "{\"status\":\"MAYBE\",\"checks\":{}}")).isNotEmpty();
    }

    @Test
    void specIsServedAsYaml() {
        HttpResponse<String> response = get(port, "/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/yaml"));
        assertThat(response.body()).isEqualTo(OpenApiContract.readSpec());
    }

    @Test
    void docsPageLoadsSwaggerUiFromTheWebjarAndPointsAtTheSpec() {
        HttpResponse<String> page = get(port, "/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                v -> assertThat(v).contains("script-src 'self'"));

        // Every script and stylesheet is local and answers 200.
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        List<String> urls = assets.results().map(m -> m.group(1)).toList();
        assertThat(urls).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("/"));
        assertThat(urls).anySatisfy(url -> assertThat(url).startsWith("/webjars/swagger-ui/").endsWith("swagger-ui-bundle.js"));
        for (String url : urls) {
            assertThat(get(port, url).statusCode()).as(url).isEqualTo(200);
        }
        assertThat(get(port, "/static/swagger-initializer.js").body()).contains("url: '/openapi.yaml'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/streams                                              | /streams",
        "/streams?live=false                                   | /streams",
        "/streams/alpha/metrics                                | /streams/{id}/metrics",
        "/streams/1001/metrics?resolution=15m&from=2026-01-11T09:00:00Z | /streams/{id}/metrics",
        "/streams/2001/metrics                                 | /streams/{id}/metrics",
        "/streams/alpha/moments?limit=3                        | /streams/{id}/moments",
        "/streams/1001/moments?type=viewer_drop                | /streams/{id}/moments",
        "/api/channels/alpha/stats                             | /api/channels/{id}/stats",
        "/api/channels/gamma/stats                             | /api/channels/{id}/stats",
        "/api/channels/alpha/messages?limit=5                  | /api/channels/{id}/messages",
    })
    void analyticsResponsesConform(String pathAndQuery, String specPath) {
        HttpResponse<String> response = get(analytics.port(), pathAndQuery);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        contract.assertConforms("GET", specPath, response);
    }

    @Test
    void theAnalyticsFixtureFillsEveryOptionalField() {
        // Guards the conformance test above: it must see clips of each kind and filled metrics.
        String moments = get(analytics.port(), "/streams/1001/moments?limit=3").body();
        assertThat(moments).contains("\"status\":\"CREATED\"", "\"status\":\"FAILED\"", "\"clip\":null",
                "\"next_cursor\":\"", "\"baseline_stddev\":null", "\"baseline_stddev\":1.25");
        String metrics = get(analytics.port(), "/streams/1001/metrics").body();
        assertThat(metrics).contains("\"viewers\":null", "\"viewers\":9", "\"sentiment\":null", "\"sentiment\":0.5");
        assertThat(contract.errors("MomentPage", moments.replace("\"type\":\"viewer_drop\"", "\"type\":\"drop\"")))
                .isNotEmpty();
        assertThat(contract.errors("StreamMetrics", metrics.replace("\"resolution_seconds\":60",
                "\"resolution_seconds\":61"))).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/streams?live=maybe                               | /streams                 | 400",
        "/streams/1001/metrics?resolution=2m               | /streams/{id}/metrics    | 400",
        "/streams/1001/metrics?from=not-a-date             | /streams/{id}/metrics    | 400",
        "/streams/nope/metrics                             | /streams/{id}/metrics    | 404",
        "/streams/1001/moments?limit=0                     | /streams/{id}/moments    | 400",
        "/streams/1001/moments?cursor=x                    | /streams/{id}/moments    | 400",
        "/streams/nope/moments                             | /streams/{id}/moments    | 404",
        "/api/channels/nope/stats                          | /api/channels/{id}/stats | 404",
        "/api/channels/1001/messages?limit=1001            | /api/channels/{id}/messages | 400",
        "/api/channels/nope/messages                       | /api/channels/{id}/messages | 404",
    })
    void analyticsProblemsConform(String pathAndQuery, String specPath, int status) {
        HttpResponse<String> response = get(analytics.port(), pathAndQuery);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        contract.assertConforms("GET", specPath, response);
    }

    @Test
    void unconfiguredAnalyticsGiveTheDocumented503() {
        for (String[] call : new String[][] {{"/streams", "/streams"}, {"/streams/1/moments", "/streams/{id}/moments"},
            {"/streams/1/metrics", "/streams/{id}/metrics"}, {"/api/channels/1/stats", "/api/channels/{id}/stats"}}) {
            HttpResponse<String> response = get(port, call[0]);
            assertThat(response.statusCode()).as(call[0]).isEqualTo(503);
            contract.assertConforms("GET", call[1], response);
        }
    }

    @Test
    void momentLimitBoundsInTheSpecAreTheOnesEnforced() {
        Schema<?> schema = contract.operation("GET", "/streams/{id}/moments").getParameters().stream()
                .filter(p -> "limit".equals(p.getName()))
                .findFirst()
                .orElseThrow()
                .getSchema();

        assertThat(schema.getMinimum()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(schema.getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(MomentQuery.MAX_LIMIT));
        assertThat(((Number) schema.getDefault()).intValue()).isEqualTo(MomentQuery.DEFAULT_LIMIT);
    }

    /** Javalin's {@code <id>} path parameters as OpenAPI's {@code {id}}. */
    private static String openApiTemplate(String route) {
        return route.replaceAll("<([^>]+)>", "{$1}");
    }
}
