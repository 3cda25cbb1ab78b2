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
    private final IrcLineReader reader;
    private final OutputStream out;

    public SocketIrcConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.reader = new IrcLineReader(new BufferedInputStream(socket.getInputStream(), 16 * 1024));
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    @Override
    public String readLine() throws IOException {
        return reader.readLine();
    }

    @Override
    public void sendLine(String line) throws IOException {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            // A line break would let a channel name or message smuggle in a second command.
            throw new IllegalArgumentException("outgoing IRC line contains a line break");
        }
        byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort; the reader sees the socket as closed either way
        }
    }
}
