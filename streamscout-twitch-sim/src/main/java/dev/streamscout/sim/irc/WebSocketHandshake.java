package dev.streamscout.sim.irc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The server half of the WebSocket opening handshake (RFC 6455 section 4.2): reads the HTTP
 * upgrade request, checks it, and answers 101 with {@code Sec-WebSocket-Accept}, or a 400/426
 * with a reason, after which the connection is closed.
 */
final class WebSocketHandshake {

    /** RFC 6455's fixed GUID appended to the client's key. */
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEAD_BYTES = 8 * 1024;

    private WebSocketHandshake() {}

    /** Thrown (and the reply already sent) when the request is not a valid WebSocket upgrade. */
    static final class RejectedException extends IOException {
        private static final long serialVersionUID = 1L;

        RejectedException(String message) {
            super(message);
        }
    }

    static void accept(InputStream in, OutputStream out) throws IOException {
        String head = readHead(in);
        if (head == null) {
            reject(out, 400, "Bad Request", "request head too large or incomplete", "");
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[0].equals("GET") || !requestLine[2].startsWith("HTTP/1.1")) {
            reject(out, 400, "Bad Request", "not a GET over HTTP/1.1", "");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).strip();
                headers.merge(name, value, (a, b) -> a + ", " + b);
            }
        }
        if (!"13".equals(headers.get("sec-websocket-version"))) {
            reject(out, 426, "Upgrade Required", "only WebSocket version 13 is supported", "Sec-WebSocket-Version: 13\r\n");
        }
        String key = headers.get("sec-websocket-key");
        if (!hasToken(headers.get("upgrade"), "websocket") || !hasToken(headers.get("connection"), "upgrade")
                || key == null || !isValidKey(key)) {
            reject(out, 400, "Bad Request", "not a WebSocket upgrade request", "");
        }
        StringBuilder response = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Accept: ").append(acceptValue(key)).append("\r\n");
        // tmi.js and others offer the "irc" subprotocol; Twitch accepts it.
        if (hasToken(headers.get("sec-websocket-protocol"), "irc")) {
            response.append("Sec-WebSocket-Protocol: irc\r\n");
        }
        response.append("\r\n");
        out.write(response.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** {@code base64(sha1(key + GUID))}. */
    static String acceptValue(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key.strip() + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static boolean isValidKey(String key) {
        try {
            return Base64.getDecoder().decode(key.strip()).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasToken(String value, String token) {
        return value != null && Arrays.stream(value.split(",")).anyMatch(t -> t.strip().equalsIgnoreCase(token));
    }

    /** The request head up to the blank line, or null if it is too large or the stream ends first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (head.size() < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    private static void reject(OutputStream out, int status, String reason, String detail, String extraHeaders)
            throws IOException {
        byte[] body = (detail + "\n").getBytes(StandardCharsets.UTF_8);
        String response = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + extraHeaders + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try {
            out.write(response.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // the client is gone; the rejection below still ends the connection
        }
        throw new RejectedException(detail);
    }
}
