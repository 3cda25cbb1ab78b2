package dev.streamscout.twitch.irc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Plain TCP (port 6667 on Twitch, or the simulator on loopback). */
public final class TcpIrcTransport implements IrcTransport {

    @Override
    public Connection open(String host, int port, Duration connectTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            return new SocketIrcConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
