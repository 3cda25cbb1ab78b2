package dev.streamscout.twitch.irc;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** An IRC connection over a connected socket (plain or TLS). */
public final class SocketIrcConnection implements IrcTransport.Connection {

    private final Socket socket;
    private final Socket underlying;
    private final IrcLineReader reader;
    private final OutputStream out;

    /**
     * @param socket     the socket lines are read from and written to
     * @param underlying the TCP socket below it (the same one for plain TCP), closed first on {@link #close()}
     */
    public SocketIrcConnection(Socket socket, Socket underlying) throws IOException {
        this.socket = socket;
        this.underlying = underlying;
        this.reader = new IrcLineReader(new BufferedInputStream(socket.getInputStream(), 16 * 1024));
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    @Override
    public String readLine() throws IOException {
        return reader.readLine();
    }

    @Override
    public void sendLine(String line) throws IOException {
        IrcTransport.requireSingleLine(line);
        byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    @Override
    public void close() {
        closeQuietly(underlying);
        if (socket != underlying) {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is best effort; the reader sees the socket as closed either way
        }
    }
}
