package dev.streamscout.twitch.irc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * Chat over a WebSocket ({@code wss://irc-ws.chat.twitch.tv:443}) with the JDK's
 * {@link java.net.http.WebSocket}. TLS for {@code wss} uses the given {@link SSLContext} (host name
 * verified by the HTTP client). One HTTP client serves every connection this transport opens, so
 * reconnects do not pile up client threads.
 */
public final class WebSocketIrcTransport implements IrcTransport {

    private final URI uri;
    private final SSLContext sslContext;
    private volatile HttpClient client;

    /** @param sslContext trust material for {@code wss}, or null for the JDK default */
    public WebSocketIrcTransport(URI uri, SSLContext sslContext) {
        this.uri = uri;
        this.sslContext = sslContext;
    }

    @Override
    public Connection open(Duration connectTimeout) throws IOException {
        WebSocketIrcConnection connection = new WebSocketIrcConnection(connectTimeout);
        try {
            WebSocket ws = client(connectTimeout).newWebSocketBuilder()
                    .connectTimeout(connectTimeout)
                    .buildAsync(uri, connection.listener())
                    .get(connectTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            connection.attach(ws);
            return connection;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("WebSocket connection to " + uri + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new IOException("WebSocket connection to " + uri + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + uri, e);
        }
    }

    private HttpClient client(Duration connectTimeout) {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
                    if (sslContext != null) {
                        builder.sslContext(sslContext);
                    }
                    c = builder.build();
                    client = c;
                }
            }
        }
        return c;
    }
}
