package dev.streamscout.api.problem;

import dev.streamscout.api.JsonResponse;
import dev.streamscout.core.json.Json;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages (requests it rejects before Javalin sees them, e.g. an ambiguous path
 * like {@code /static/../x}) as problem JSON instead of HTML, so clients see one error format.
 * No {@code instance} is given: Jetty reports such errors under a synthetic path.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonResponse.PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JsonResponse.PROBLEM_JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int status, String message) {
        String title = HttpStatus.forStatus(status).getMessage();
        String detail = message == null || message.isBlank() ? title : message;
        return Json.toBytes(new Problem(Problem.ABOUT_BLANK, title, status, detail, null, null));
    }
}
