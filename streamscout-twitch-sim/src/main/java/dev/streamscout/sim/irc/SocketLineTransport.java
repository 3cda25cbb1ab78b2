package dev.streamscout.sim.irc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** IRC over a TCP socket, plain or TLS: CRLF-terminated UTF-8 lines, several per write. */
final class SocketLineTransport implements LineTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SocketLineTransport.class);
    /** A client that opens a TLS connection and never completes the handshake is dropped after this. */
    static final int HANDSHAKE_TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final int maxLineBytes;
    private BoundedLineReader reader;
    private OutputStream out;

    SocketLineTransport(Socket socket, int maxLineBytes) {
        this.socket = socket;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public String kind() {
        return socket instanceof SSLSocket ? "tls" : "tcp";
    }

    @Override
    public void open() throws IOException {
        if (socket instanceof SSLSocket tls) {
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
            tls.startHandshake();
            socket.setSoTimeout(0);
        }
        reader = new BoundedLineReader(new BufferedInputStream(socket.getInputStream()), maxLineBytes);
        out = socket.getOutputStream();
    }

    @Override
    public String readLine() throws IOException {
        return reader.readLine();
    }

    @Override
    public void writeLines(List<String> lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(lines.size() * 256);
        for (String line : lines) {
            bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            bytes.write('\r');
            bytes.write('\n');
        }
        // One write per batch: lines share TCP segments, as they do from Twitch.
        out.write(bytes.toByteArray());
        out.flush();
    }

    @Override
    public void finishOutput() {
        try {
            socket.shutdownOutput(); // FIN, or a TLS close_notify (JDK half-close) on an SSLSocket
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("{} shutdownOutput failed, closing instead: {}", kind(), e.toString());
            close();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing {} socket: {}", kind(), e.toString());
        }
    }
}
