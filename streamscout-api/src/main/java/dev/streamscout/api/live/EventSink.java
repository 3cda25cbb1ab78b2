package dev.streamscout.api.live;

import java.io.IOException;

/** Where an {@link EventPump} writes: an SSE response or a WebSocket session. */
interface EventSink {

    /** Writes one event; may block while the client is slow. */
    void send(LiveEvent event) throws IOException;

    /** Tells the client (and any proxy) that the connection is alive while no event comes. */
    void heartbeat() throws IOException;

    /** Whether the client has gone away. */
    boolean closed();

    /** Closes the connection from the server side. */
    void close();
}
