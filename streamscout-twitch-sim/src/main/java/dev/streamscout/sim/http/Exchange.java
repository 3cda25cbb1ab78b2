package dev.streamscout.sim.http;

import com.sun.net.httpserver.HttpExchange;
import dev.streamscout.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the simulated APIs see it: method, path, the parameters from the query
 * string and (for form posts) the body, headers, and JSON replies.
 */
final class Exchange {

    /** Form bodies larger than this are not OAuth requests; refuse to buffer them. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpExchange exchange;
    private final Map<String, List<String>> params;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    private Exchange(HttpExchange exchange, Map<String, List<String>> params) {
        this.exchange = exchange;
        this.params = params;
    }

    static Exchange read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> params = new LinkedHashMap<>();
        parseInto(exchange.getRequestURI().getRawQuery(), params);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            parseInto(readBody(exchange.getRequestBody()), params);
        }
        return new Exchange(exchange, params);
    }

    String method() {
        return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    String path() {
        String path = exchange.getRequestURI().getPath();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    List<String> params(String name) {
        return params.getOrDefault(name, List.of());
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** A header added to whatever reply follows. */
    void addHeader(String name, String value) {
        extraHeaders.put(name, value);
    }

    void json(int status, Object body) throws IOException {
        send(status, Json.toBytes(body), "application/json; charset=utf-8");
    }

    /** Twitch's Helix error shape: {@code {"error":"<reason>","status":N,"message":"..."}}. */
    void error(int status, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason(status));
        body.put("status", status);
        body.put("message", message);
        json(status, body);
    }

    /** The id.twitch.tv error shape, which has no {@code error} field. */
    void oauthError(int status, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        json(status, body);
    }

    /** A small HTML page (the simulator's stand-in for twitch.tv pages such as /activate). */
    void html(int status, String page) throws IOException {
        send(status, page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }

    /** {@code http://127.0.0.1:<port>} of the server this request reached. */
    String localBase() {
        return "http://127.0.0.1:" + exchange.getLocalAddress().getPort();
    }

    void redirect(String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(302, new byte[0], null);
    }

    void empty(int status) throws IOException {
        send(status, new byte[0], null);
    }

    private void send(int status, byte[] body, String contentType) throws IOException {
        extraHeaders.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Server Error" : "Error";
        };
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BadRequestException("request body too large");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void parseInto(String encoded, Map<String, List<String>> params) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("malformed percent-encoding");
        }
    }

    /** A request the router answers with 400 and the given message. */
    static final class BadRequestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequestException(String message) {
            super(message);
        }
    }
}
