package dev.streamscout.twitch.irc;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * How {@link IrcClient} reaches a chat server. Plain TCP today ({@link TcpIrcTransport}); TLS on
 * 6697 and WebSocket on 443 plug in here without touching the client.
 */
public interface IrcTransport {

    /** Opens one connection; fails within {@code connectTimeout}. */
    Connection open(String host, int port, Duration connectTimeout) throws IOException;

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
}
