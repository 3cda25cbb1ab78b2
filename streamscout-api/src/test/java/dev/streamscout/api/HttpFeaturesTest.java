package dev.streamscout.api;

import static dev.streamscout.api.ApiTestSupport.NOW;
import static dev.streamscout.api.ApiTestSupport.clip;
import static dev.streamscout.api.ApiTestSupport.get;
import static dev.streamscout.api.ApiTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.api.observe.AccessLog;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Metrics, gzip, CORS and request logging over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpFeaturesTest {

    private Path dataDir;
    private Database database;
    private ClipDao clips;
    private PrometheusMeterRegistry registry;
    private ApiServer server;
    private int port;

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("streamscout-api-http");
        database = Database.open(DatabaseSettings.h2File(dataDir));
        clips = new ClipDao(database.dataSource());
        for (int i = 0; i < 30; i++) {
            clips.insert(clip("c" + i, NOW.minus(Duration.ofMinutes(i + 1))));
        }
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        server = ApiServer.builder(ApiSettings.loopback(0))
                .clips(clips)
                .healthChecks(List.of(HealthCheck.of("database", database::isHealthy)))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .meterRegistry(registry)
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

    @Test
    void metricsCountRequestsByRouteTemplateAndStatus() {
        get(port, "/v1.0/clip?limit=2");
        get(port, "/v1.0/clip?limit=2");
        get(port, "/v1.0/clip?limit=0");
        get(port, "/no/such/path-12345");
        get(port, "/static/style.css");

        HttpResponse<String> metrics = get(port, "/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/plain").contains("version=0.0.4"));
        String text = metrics.body();
        assertThat(count(text, "GET", "/v1.0/clip", 200)).isGreaterThanOrEqualTo(2);
        assertThat(count(text, "GET", "/v1.0/clip", 400)).isGreaterThanOrEqualTo(1);
        assertThat(count(text, "GET", "UNMATCHED", 404)).isGreaterThanOrEqualTo(1);
        assertThat(count(text, "GET", "STATIC", 200)).isGreaterThanOrEqualTo(1);
        // Raw URLs never become labels.
        assertThat(text).doesNotContain("path-12345").doesNotContain("limit=");
        assertThat(text).contains("http_server_requests_seconds_sum{").contains("http_server_requests_seconds_bucket{");
        assertThat(text).contains("jvm_memory_used_bytes").contains("process_uptime_seconds");
    }

    @Test
    void theInjectedRegistryIsTheOneServed() {
        registry.counter("streamscout_test_shared_marker").increment();

        assertThat(server.meterRegistry()).isSameAs(registry);
        assertThat(get(port, "/metrics").body()).contains("streamscout_test_shared_marker_total 1.0");
    }

    @Test
    void largeResponsesAreGzippedForClientsThatAcceptIt() throws IOException {
        HttpResponse<byte[]> plain = send(port, "GET", "/v1.0/clip?limit=30");
        HttpResponse<byte[]> zipped = send(port, "GET", "/v1.0/clip?limit=30", "Accept-Encoding", "gzip");

        assertThat(plain.body().length).isGreaterThan(ApiServer.COMPRESS_MIN_BYTES);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.body().length).isLessThan(plain.body().length / 2);
        assertThat(gunzip(zipped.body())).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));

        HttpResponse<byte[]> spec = send(port, "GET", "/openapi.yaml", "Accept-Encoding", "gzip");
        assertThat(spec.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(spec.body())).isEqualTo(OpenApiContract.readSpec());
    }

    @Test
    void smallResponsesAreNotCompressed() {
        HttpResponse<byte[]> health = send(port, "GET", "/health", "Accept-Encoding", "gzip");

        assertThat(health.body().length).isLessThan(ApiServer.COMPRESS_MIN_BYTES);
        assertThat(health.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void noCorsHeadersByDefault() {
        HttpResponse<byte[]> response = send(port, "GET", "/v1.0/clip", "Origin", "https://elsewhere.example");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void configuredOriginsGetCorsHeadersAndOthersDoNot() {
        ApiSettings settings = ApiSettings.loopback(0).withCorsOrigins(List.of("https://dash.example:8443"));
        try (ApiServer cors = ApiServer.builder(settings).clips(clips).bindJvmMetrics(false).build().start()) {
            HttpResponse<byte[]> allowed = send(cors.port(), "GET", "/v1.0/clip", "Origin", "https://dash.example:8443");
            HttpResponse<byte[]> denied = send(cors.port(), "GET", "/v1.0/clip", "Origin", "https://evil.example");
            HttpResponse<byte[]> preflight = send(cors.port(), "OPTIONS", "/v1.0/clip",
                    "Origin", "https://dash.example:8443", "Access-Control-Request-Method", "GET");

            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://dash.example:8443");
            assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(preflight.statusCode()).isBetween(200, 204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://dash.example:8443");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                    v -> assertThat(v).contains("GET"));
        }
    }

    @Test
    void malformedCorsOriginsAreRejectedUpFront() {
        for (String bad : List.of("dash.example", "https://dash.example/", "https://dash.example/path", " ")) {
            assertThatThrownBy(() -> ApiSettings.loopback(0).withCorsOrigins(List.of(bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("scheme://host");
        }
        assertThat(ApiSettings.loopback(0).withCorsOrigins(List.of("*")).corsEnabled()).isTrue();
        assertThat(ApiSettings.loopback(0).corsEnabled()).isFalse();
    }

    @Test
    void eachRequestIsLoggedOnceAtDebugWithRouteStatusAndDuration() {
        try (CapturedLog log = CapturedLog.capture(AccessLog.LOGGER)) {
            get(port, "/v1.0/clip?limit=0");
            get(port, "/health");

            List<String> lines = log.awaitLines(2);
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .matches("DEBUG GET /v1\\.0/clip /v1\\.0/clip -> 400 in \\d+\\.\\d ms"));
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .matches("DEBUG GET /health /health -> 200 in \\d+\\.\\d ms"));
            assertThat(lines).hasSize(2);
        }
    }

    private static double count(String metrics, String method, String route, int status) {
        String prefix = "http_server_requests_seconds_count{method=\"" + method + "\",route=\"" + route
                + "\",status=\"" + status + "\"} ";
        return metrics.lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
                .findFirst()
                .orElse(0);
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
