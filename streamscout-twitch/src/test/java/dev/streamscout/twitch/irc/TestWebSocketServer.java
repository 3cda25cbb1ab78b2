package dev.streamscout.twitch.irc;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A minimal RFC 6455 WebSocket server (plain or TLS) for transport tests, scripted frame by frame:
 * the test decides what each text frame carries (several lines, half a line, a fragmented message)
 * and reads the lines the client sent.
 */
final class TestWebSocketServer implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** One accepted WebSocket client. */
    static final class Session implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            Thread t = new Thread(this::read, "test-ws-session");
            t.setDaemon(true);
            t.start();
        }

        String expectLine() throws InterruptedException {
            String line = lines.poll(5, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("client sent no line within 5 s");
            }
            return line;
        }

        /** One complete text frame with exactly this payload. */
        void sendText(String payload) throws IOException {
            frame(0x81, payload.getBytes(StandardCharsets.UTF_8));
        }

        /** One text message split into a first frame and continuation frames. */
        void sendFragmented(String... parts) throws IOException {
            for (int i = 0; i < parts.length; i++) {
                int opcode = i == 0 ? 0x1 : 0x0;
                int fin = i == parts.length - 1 ? 0x80 : 0;
                frame(fin | opcode, parts[i].getBytes(StandardCharsets.UTF_8));
            }
        }

        /** Several lines, CRLF-terminated, in one frame (as Twitch batches them). */
        void sendLines(String... lines) throws IOException {
            StringBuilder b = new StringBuilder();
            for (String line : lines) {
                b.append(line).append("\r\n");
            }
            sendText(b.toString());
        }

        private synchronized void frame(int first, byte[] payload) throws IOException {
            ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 10);
            f.write(first);
            if (payload.length < 126) {
                f.write(payload.length);
            } else if (payload.length < 65_536) {
                f.write(126);
                f.write(payload.length >> 8);
                f.write(payload.length & 0xFF);
            } else {
                f.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    f.write((int) ((long) payload.length >> shift) & 0xFF);
                }
            }
            f.write(payload);
            out.write(f.toByteArray());
            out.flush();
        }

        private void read() {
            try {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                while (true) {
                    int b0 = in.readUnsignedByte();
                    int b1 = in.readUnsignedByte();
                    long length = b1 & 0x7F;
                    if (length == 126) {
                        length = in.readUnsignedShort();
                    } else if (length == 127) {
                        length = in.readLong();
                    }
                    byte[] mask = new byte[4];
                    if ((b1 & 0x80) != 0) {
                        in.readFully(mask);
                    }
                    byte[] payload = new byte[(int) length];
                    in.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    int opcode = b0 & 0x0F;
                    if (opcode == 0x8) {
                        frame(0x88, new byte[0]);
                        break;
                    } else if (opcode == 0x9) {
                        frame(0x8A, payload);
                    } else if (opcode == 0x1 || opcode == 0x0) {
                        text(new String(payload, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException ignored) {
                // closed
            }
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        private void text(String s) {
            partial.append(s);
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                String line = partial.substring(0, nl);
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                partial.delete(0, nl + 1);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private final ServerSocket server;

    TestWebSocketServer(SSLContext tls) throws IOException {
        server = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    int port() {
        return server.getLocalPort();
    }

    Session accept() throws IOException {
        server.setSoTimeout(5_000);
        Socket socket = server.accept();
        socket.setSoTimeout(0);
        String key = null;
        InputStream in = socket.getInputStream();
        StringBuilder header = new StringBuilder();
        while (!header.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("client closed during the handshake");
            }
            header.append((char) c);
        }
        for (String line : header.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        if (key == null || !header.toString().startsWith("GET ")) {
            throw new IOException("not a WebSocket upgrade: " + header);
        }
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
        socket.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new Session(socket);
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
