package dev.streamscout.api.live;

import dev.streamscout.api.params.QueryParameters;
import dev.streamscout.api.problem.InvalidParameterException;
import dev.streamscout.store.ChannelIdentity;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.sse.SseClient;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The live push: {@code GET /v1.0/events[?channel=]} (Server-Sent Events, {@code event:} = the type,
 * {@code data:} = the JSON, a comment every {@link #HEARTBEAT}) and the WebSocket
 * {@code /live/{stream_id}} (one JSON text frame per event, a ping every {@link #HEARTBEAT}). Both carry
 * the same events from the {@link LiveHub}; a channel is named by id or login, and an unknown one gets
 * 404 before the stream starts or the socket is upgraded. Without a hub both answer 503.
 */
public final class LiveRoutes {

    public static final String EVENTS_PATH = "/v1.0/events";
    public static final String SOCKET_PATH = "/live/{stream_id}";
    public static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private static final String FILTER = "streamscout.live.filter";
    private static final int MAX_ID_LENGTH = 64;

    private final LiveHub hub;
    private final ChannelLookup lookup;
    private final Duration heartbeat;
    private final Map<String, LiveSubscription> sockets = new ConcurrentHashMap<>();

    /**
     * @param hubOrNull where events come from; null: the endpoints answer 503
     * @param lookup    channels the store knows (the hub's own memory is asked first)
     * @param heartbeat quiet time after which SSE sends a comment and WebSocket a ping
     */
    public LiveRoutes(LiveHub hubOrNull, ChannelLookup lookup, Duration heartbeat) {
        this.hub = hubOrNull;
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
    }

    public void register(RoutesConfig routes) {
        routes.before(EVENTS_PATH, ctx -> ctx.attribute(FILTER, filterFor(ctx.queryParam("channel"), "channel")));
        routes.sse(EVENTS_PATH, this::stream);
        routes.wsBeforeUpgrade(SOCKET_PATH, ctx -> ctx.attribute(FILTER, filterFor(ctx.pathParam("stream_id"), null)));
        routes.ws(SOCKET_PATH, this::socket);
    }

    /** Subscriber, drop and event counts for {@code GET /metrics}. */
    public void bindMetrics(MeterRegistry registry) {
        if (hub == null) {
            return;
        }
        Gauge.builder("streamscout_live_clients", hub, LiveHub::subscriberCount)
                .description("Connected SSE and WebSocket clients of the live push").register(registry);
        FunctionCounter.builder("streamscout_live_events_published", hub, LiveHub::publishedCount)
                .description("Live events received from Kafka and fanned out").register(registry);
        FunctionCounter.builder("streamscout_live_clients_dropped", hub, LiveHub::droppedCount)
                .description("Live clients dropped for falling too far behind").register(registry);
    }

    /** Ends every live connection (the server is stopping). */
    public void close() {
        if (hub != null) {
            hub.closeAll();
        }
    }

    /**
     * Which events a client gets: all, or one channel's.
     *
     * @param parameter the query parameter the value came from, or null for a path segment (404 when blank)
     */
    private Predicate<LiveEvent> filterFor(String idOrLogin, String parameter) {
        if (hub == null) {
            throw new ServiceUnavailableResponse("Live push is not available: this server runs without the Kafka"
                    + " live feed.");
        }
        if (idOrLogin == null && parameter != null) {
            return event -> true;
        }
        String id = idOrLogin == null ? "" : idOrLogin.strip();
        if (id.isEmpty() && parameter != null) {
            throw new InvalidParameterException(parameter, "channel must be a channel id or login; leave it out"
                    + " for every channel.");
        }
        String channelId = resolve(id).orElseThrow(() -> new NotFoundResponse("No channel with the id or login '"
                + QueryParameters.echo(id) + "' is known."));
        return event -> event.channelId().equals(channelId);
    }

    private Optional<String> resolve(String idOrLogin) {
        if (idOrLogin.isEmpty() || idOrLogin.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        Optional<String> seen = hub.knownChannel(idOrLogin);
        if (seen.isPresent()) {
            return seen;
        }
        return lookup.find(idOrLogin).map(ChannelIdentity::channelId);
    }

    private void stream(SseClient client) {
        Predicate<LiveEvent> filter = client.ctx().attribute(FILTER);
        client.keepAlive();
        LiveSubscription subscription = hub.subscribe(filter == null ? event -> true : filter);
        client.onClose(subscription::close);
        client.sendComment("connected");
        EventPump.start(subscription, new SseSink(client), heartbeat, "sse");
    }

    private void socket(WsConfig ws) {
        ws.onConnect(ctx -> {
            Predicate<LiveEvent> filter = ctx.attribute(FILTER);
            if (filter == null) {
                filter = filterFor(ctx.pathParam("stream_id"), null);
            }
            LiveSubscription subscription = hub.subscribe(filter);
            sockets.put(ctx.sessionId(), subscription);
            EventPump.start(subscription, new WsSink(ctx), heartbeat, "ws");
        });
        ws.onClose(ctx -> endSocket(ctx.sessionId()));
        ws.onError(ctx -> endSocket(ctx.sessionId()));
    }

    private void endSocket(String sessionId) {
        LiveSubscription subscription = sockets.remove(sessionId);
        if (subscription != null) {
            subscription.close();
        }
    }

    /** Writes to an SSE response: {@code event: <type>} and {@code data: <json>}. */
    private static final class SseSink implements EventSink {
        private final SseClient client;

        SseSink(SseClient client) {
            this.client = client;
        }

        @Override
        public void send(LiveEvent event) {
            client.sendEvent(event.type(), event.json());
        }

        @Override
        public void heartbeat() {
            client.sendComment("heartbeat");
        }

        @Override
        public boolean closed() {
            return client.terminated();
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** Writes to a WebSocket, waiting for each frame to go out so that a slow client fills its queue. */
    private static final class WsSink implements EventSink {
        private static final long SEND_TIMEOUT_MS = 10_000;
        private final WsContext ctx;

        WsSink(WsContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void send(LiveEvent event) throws java.io.IOException {
            org.eclipse.jetty.websocket.api.Callback.Completable sent =
                    new org.eclipse.jetty.websocket.api.Callback.Completable();
            ctx.session.sendText(event.json(), sent);
            try {
                sent.get(SEND_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while sending");
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new java.io.IOException("WebSocket send failed: " + e, e);
            }
        }

        @Override
        public void heartbeat() {
            ctx.sendPing();
        }

        @Override
        public boolean closed() {
            return !ctx.session.isOpen();
        }

        @Override
        public void close() {
            if (ctx.session.isOpen()) {
                ctx.closeSession();
            }
        }
    }
}
