package dev.streamscout.sim.irc;

import java.io.IOException;
import java.util.List;

/**
 * Moves IRC lines over one accepted connection, whatever the framing: CRLF-terminated lines on a
 * TCP or TLS socket, or text frames on a WebSocket. The session logic above it is the same for all.
 *
 * <p>Threading: {@link #open()} and {@link #readLine()} are called by the session's reader thread,
 * {@link #writeLines} by its writer thread; {@link #finishOutput()} and {@link #close()} may come
 * from any thread.
 */
interface LineTransport {

    /** Returned by {@link #readLine()} for input that cannot be a line (binary frame): counted as malformed. */
    String UNREADABLE = "\u0000unreadable";

    /** Short name for logs and tests: {@code tcp}, {@code tls}, {@code ws} or {@code wss}. */
    String kind();

    /** Completes the transport's own handshake (TLS, HTTP upgrade) before any line moves. */
    void open() throws IOException;

    /**
     * The next line without its terminator, {@link BoundedLineReader#OVERSIZED} for one beyond the
     * bound, {@link #UNREADABLE} for input that is not text, or null at the end of the stream.
     */
    String readLine() throws IOException;

    /** Writes the lines, each ending in CRLF, and flushes; returns only once all are handed to the OS. */
    void writeLines(List<String> lines) throws IOException;

    /**
     * Ends the output gracefully (TCP FIN, TLS close_notify, WebSocket close frame) so that what was
     * written still arrives; the input stays open so the peer's last lines can be drained (closing a
     * socket with unread input makes the kernel send a reset that can destroy data in flight).
     */
    void finishOutput();

    /** Closes everything at once. Idempotent. */
    void close();
}
