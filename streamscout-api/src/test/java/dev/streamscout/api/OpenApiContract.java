package dev.streamscout.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The served {@code openapi.yaml}, loaded with swagger-parser (which also checks it is a valid
 * OpenAPI document), and its response schemas as JSON Schema validators (networknt, OpenAPI 3.1 dialect).
 */
final class OpenApiContract {

    static final String SPEC = "openapi.yaml";
    private static final String COMPONENT_SCHEMA = "#/components/schemas/";
    private static final String COMPONENT_RESPONSE = "#/components/responses/";

    private final OpenAPI api;
    private final List<String> parserMessages;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OpenApi31.getInstance())
                    .defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    // Formats (date-time, uri) are only annotations in JSON Schema 2020-12 unless asserted.
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    OpenApiContract() {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(readSpec(), null, options);
        this.api = result.getOpenAPI();
        this.parserMessages = result.getMessages() == null ? List.of() : result.getMessages();
    }

    static String readSpec() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/" + SPEC)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OpenAPI api() {
        return api;
    }

    List<String> parserMessages() {
        return parserMessages;
    }

    /** Every operation as {@code "GET /path"}, sorted. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .keySet()
                .forEach(method -> operations.add(method.name() + " " + path)));
        return operations;
    }

    Operation operation(String method, String path) {
        PathItem item = api.getPaths().get(path);
        assertThat(item).as("spec path %s", path).isNotNull();
        Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
        assertThat(operation).as("spec operation %s %s", method, path).isNotNull();
        return operation;
    }

    /** Asserts that a real response is declared for its operation and status, and its JSON body fits the schema. */
    void assertConforms(String method, String path, HttpResponse<String> response) {
        Operation operation = operation(method, path);
        String status = Integer.toString(response.statusCode());
        ApiResponse declared = operation.getResponses().get(status);
        assertThat(declared).as("%s %s declares status %s", method, path, status).isNotNull();
        if (declared.get$ref() != null) {
            declared = api.getComponents().getResponses().get(declared.get$ref().substring(COMPONENT_RESPONSE.length()));
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        MediaType media = declared.getContent().get(contentType);
        assertThat(media).as("%s %s %s declares content type %s (has %s)", method, path, status, contentType,
                declared.getContent().keySet()).isNotNull();
        assertValid(schemaName(media.getSchema()), response.body());
    }

    /** Asserts that {@code json} fits {@code components.schemas[name]}. */
    void assertValid(String name, String json) {
        assertThat(errors(name, json)).as("%s errors for %s", name, json).isEmpty();
    }

    Set<ValidationMessage> errors(String name, String json) {
        JsonSchema schema = schemas.getSchema(SchemaLocation.of("classpath:" + SPEC + COMPONENT_SCHEMA + name), config);
        return schema.validate(json, InputFormat.JSON);
    }

    Map<String, Schema> componentSchemas() {
        return api.getComponents().getSchemas();
    }

    private static String schemaName(Schema<?> schema) {
        assertThat(schema.get$ref()).as("JSON bodies use named component schemas").startsWith(COMPONENT_SCHEMA);
        return schema.get$ref().substring(COMPONENT_SCHEMA.length());
    }
}
