package dev.streamscout.api.docs;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The API's own description: {@code GET /openapi.yaml} (the hand-written, spec-first contract in
 * {@code classpath:/openapi.yaml}) and {@code GET /docs} (Swagger UI from its webjar, reading that file).
 * Everything is served locally, so the docs work offline and leak nothing to a CDN.
 */
public final class ApiDocsRoutes {

    public static final String SPEC_PATH = "/openapi.yaml";
    public static final String UI_PATH = "/docs";
    /** RFC 9512's media type for YAML. */
    public static final String YAML = "application/yaml; charset=utf-8";

    static final String SPEC_RESOURCE = "/openapi.yaml";
    private static final String PAGE_RESOURCE = "/docs/swagger-ui.html";
    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    // Swagger UI sets inline styles on elements, hence 'unsafe-inline' for styles only; scripts stay 'self'.
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final byte[] spec;
    private final byte[] page;

    /** Loads both documents now, so a packaging mistake fails at startup rather than on the first visit. */
    public ApiDocsRoutes() {
        this.spec = read(SPEC_RESOURCE);
        String assets = "/webjars/swagger-ui/" + swaggerUiVersion();
        this.page = new String(read(PAGE_RESOURCE), StandardCharsets.UTF_8)
                .replace("{{SWAGGER_UI}}", assets)
                .getBytes(StandardCharsets.UTF_8);
    }

    public void register(RoutesConfig routes) {
        routes.get(SPEC_PATH, this::spec);
        routes.get(UI_PATH, this::page);
    }

    void spec(Context ctx) {
        ctx.contentType(YAML).header("Cache-Control", "no-cache").result(spec);
    }

    void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8")
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .result(page);
    }

    /** The webjar's version, from its Maven metadata, so the pom is the one place that names it. */
    static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is not on the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
