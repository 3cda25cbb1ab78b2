package dev.streamscout.twitch.irc;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * How a chat connection reaches its server: {@link TcpIrcTransport}, {@link TlsIrcTransport} or
 * {@link WebSocketIrcTransport}, made by {@link IrcEndpoint#transport}. Whatever the transport, the
 * connection above it sees lines.
 */
public interface IrcTransport {

    /** Opens one connection; fails within about {@code connectTimeout}. */
    Connection open(Duration connectTimeout) throws IOException;

    /** One open connection, read by one thread and written by any. */
    interface Connection extends Closeable {

        /** The next line without its line ending, or {@code null} when the server closed the connection. */
        String readLine() throws IOException;

        /** Sends one line; the line ending is added here. Thread-safe. */
        void sendLine(String line) throws IOException;

        /** Closes the connection, unblocking a pending {@link #readLine()}. Idempotent, never throws. */
        @Override
        void close();
    }

    /** A line break would let a channel name or message smuggle in a second command. */
    static void requireSingleLine(String line) {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("outgoing IRC line contains a line break");
        }
    }
}
