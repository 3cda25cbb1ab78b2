package dev.streamscout.twitch.irc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Plain TCP (port 6667 on Twitch, or the simulator on loopback). */
public final class TcpIrcTransport implements IrcTransport {

    private final String host;
    private final int port;

    public TcpIrcTransport(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public Connection open(Duration connectTimeout) throws IOException {
        Socket socket = connect(host, port, connectTimeout);
        try {
            return new SocketIrcConnection(socket, socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A connected TCP socket with Nagle off (chat lines are small and latency matters) and keepalive on. */
    static Socket connect(String host, int port, Duration connectTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis(connectTimeout));
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    static int timeoutMillis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }
}
