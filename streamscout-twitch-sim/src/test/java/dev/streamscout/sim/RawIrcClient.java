package dev.streamscout.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A bare TCP client that speaks IRC by hand, so tests see exactly what the server writes. */
final class RawIrcClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    RawIrcClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    /** Connects, asks for all capabilities and logs in anonymously; consumes the welcome burst. */
    static RawIrcClient anonymous(int port) throws IOException {
        RawIrcClient client = new RawIrcClient(port);
        client.send("CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership");
        client.send("NICK justinfan" + (10_000 + (int) (Math.random() * 80_000)));
        client.readUntil(line -> line.endsWith("GLOBALUSERSTATE"), Duration.ofSeconds(5));
        return client;
    }

    void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next line, or fails if none arrives within the socket timeout. */
    String readLine() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("connection closed by server");
        }
        return line;
    }

    /** Lines read until (and including) the first one matching, within the deadline. */
    List<String> readUntil(Predicate<String> last, Duration within) throws IOException {
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String line = readLine();
            lines.add(line);
            if (last.test(line)) {
                return lines;
            }
        }
        throw new AssertionError("no matching line within " + within + "; got " + lines.size() + " lines, last: "
                + (lines.isEmpty() ? "none" : lines.get(lines.size() - 1)));
    }

    /** Every line that arrives during the given time. */
    List<String> readFor(Duration duration) throws IOException {
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        int original = socket.getSoTimeout();
        try {
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return lines;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                try {
                    String line = in.readLine();
                    if (line == null) {
                        return lines;
                    }
                    lines.add(line);
                } catch (SocketTimeoutException e) {
                    return lines;
                }
            }
        } finally {
            socket.setSoTimeout(original);
        }
    }

    /** Whether the server has closed the connection (reads end of stream within the wait). */
    boolean closedByServer(Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                if (in.readLine() == null) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true; // reset by peer
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
