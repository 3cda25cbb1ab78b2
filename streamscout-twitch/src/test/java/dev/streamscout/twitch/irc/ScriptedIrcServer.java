package dev.streamscout.twitch.irc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server side of a Twitch chat session on a real loopback socket, driven line by line by the
 * test: it accepts connections, exposes what the client sent, and writes what the test scripts.
 */
final class ScriptedIrcServer implements AutoCloseable {

    /** One accepted client connection. */
    static final class Session implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private volatile boolean clientClosed;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            Thread t = new Thread(this::read, "scripted-irc-session");
            t.setDaemon(true);
            t.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    received.add(line);
                }
            } catch (IOException ignored) {
                // socket closed by either side
            }
            clientClosed = true;
        }

        /** The next line the client sent, failing the test after 5 s. */
        String expectLine() throws InterruptedException {
            String line = received.poll(5, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("client sent nothing within 5 s");
            }
            return line;
        }

        /** The next line the client sends, or null if none within the timeout. */
        String pollLine(long millis) throws InterruptedException {
            return received.poll(millis, TimeUnit.MILLISECONDS);
        }

        /** Writes the lines in ONE write, CRLF-terminated, as Twitch batches them. */
        void send(String... lines) throws IOException {
            StringBuilder b = new StringBuilder();
            for (String line : lines) {
                b.append(line).append("\r\n");
            }
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Writes raw bytes (for split writes). */
        void sendRaw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        boolean clientClosed() {
            return clientClosed;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private final ServerSocket server;

    ScriptedIrcServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** A TLS server presenting the context's certificate (see {@link TestTls}). */
    ScriptedIrcServer(javax.net.ssl.SSLContext tls) throws IOException {
        server = tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits up to 5 s for the client's next connection. */
    Session accept() throws IOException {
        return accept(5_000);
    }

    Session accept(int timeoutMs) throws IOException {
        server.setSoTimeout(timeoutMs);
        Socket socket = server.accept();
        socket.setSoTimeout(0);
        return new Session(socket);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
