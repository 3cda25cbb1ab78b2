package dev.streamscout.twitch.irc;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Where a chat server is and how to reach it.
 *
 * @param kind         the transport
 * @param host         server host (for WebSocket: the URI's host)
 * @param port         server port (for WebSocket: the URI's port, or 443/80 by scheme)
 * @param webSocketUri the {@code ws://} or {@code wss://} URI for {@link IrcTransportKind#WEBSOCKET}, else null
 */
public record IrcEndpoint(IrcTransportKind kind, String host, int port, URI webSocketUri) {

    /** Twitch's TLS endpoint. */
    public static final IrcEndpoint TWITCH_TLS = tls("irc.chat.twitch.tv", 6697);
    /** Twitch's WebSocket endpoint. */
    public static final IrcEndpoint TWITCH_WEBSOCKET = webSocket(URI.create("wss://irc-ws.chat.twitch.tv:443"));

    public IrcEndpoint {
        Objects.requireNonNull(kind, "kind");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("chat server host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("chat server port out of range: " + port);
        }
        if (kind == IrcTransportKind.WEBSOCKET) {
            String scheme = webSocketUri == null ? null : webSocketUri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss"))) {
                throw new IllegalArgumentException("a WebSocket chat endpoint needs a ws:// or wss:// URI: " + webSocketUri);
            }
        } else if (webSocketUri != null) {
            throw new IllegalArgumentException("a " + kind + " endpoint has no WebSocket URI");
        }
    }

    public static IrcEndpoint tcp(String host, int port) {
        return new IrcEndpoint(IrcTransportKind.TCP, host, port, null);
    }

    public static IrcEndpoint tls(String host, int port) {
        return new IrcEndpoint(IrcTransportKind.TLS, host, port, null);
    }

    public static IrcEndpoint webSocket(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("WebSocket chat URI has no host: " + uri);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return new IrcEndpoint(IrcTransportKind.WEBSOCKET, uri.getHost(), port, uri);
    }

    /**
     * The transport for this endpoint.
     *
     * @param sslContext the TLS context for {@code tls} and {@code wss} (trust store, e.g. a test's
     *                   self-signed certificate), or null for the JDK default
     */
    public IrcTransport transport(SSLContext sslContext) {
        return switch (kind) {
            case TCP -> new TcpIrcTransport(host, port);
            case TLS -> new TlsIrcTransport(host, port, sslContext);
            case WEBSOCKET -> new WebSocketIrcTransport(webSocketUri, sslContext);
        };
    }

    @Override
    public String toString() {
        return kind == IrcTransportKind.WEBSOCKET ? webSocketUri.toString()
                : kind.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port;
    }
}
