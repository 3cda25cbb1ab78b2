package dev.streamscout.sim;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/** A hand-made WebSocket client, so tests control every bit of every frame the server receives. */
final class RawWebSocketClient implements AutoCloseable {

    /** One frame as the server sent it. */
    record Frame(boolean fin, int opcode, boolean masked, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Random random = new Random(3);
    private String responseHead;

    RawWebSocketClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends an upgrade request with the given key and extra header lines; returns the response head. */
    String handshake(String key, String extraHeaders) throws IOException {
        String request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n" + extraHeaders + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        responseHead = head.toString(StandardCharsets.US_ASCII);
        return responseHead;
    }

    String handshake() throws IOException {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return handshake(Base64.getEncoder().encodeToString(nonce), "Sec-WebSocket-Version: 13\r\n");
    }

    void sendText(String text) throws IOException {
        sendFrame(true, 0x1, text.getBytes(StandardCharsets.UTF_8), true);
    }

    void sendFrame(boolean fin, int opcode, byte[] payload, boolean mask) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | opcode);
        int maskBit = mask ? 0x80 : 0;
        if (payload.length <= 125) {
            frame.write(maskBit | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(maskBit | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (((long) payload.length >>> shift) & 0xFF));
            }
        }
        byte[] key = new byte[4];
        random.nextBytes(key);
        if (mask) {
            frame.write(key, 0, 4);
        }
        for (int i = 0; i < payload.length; i++) {
            frame.write(mask ? payload[i] ^ key[i & 3] : payload[i]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The next frame, or null when the server closed the TCP connection. */
    Frame readFrame() throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int b1 = in.readUnsignedByte();
        long length = b1 & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame((b0 & 0x80) != 0, b0 & 0x0F, (b1 & 0x80) != 0, payload);
    }

    /** Reads frames until a text frame contains {@code needle}; returns all text seen. */
    String readTextUntil(String needle) throws IOException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().contains(needle)) {
            Frame frame = readFrame();
            if (frame == null) {
                throw new IOException("closed before '" + needle + "'; got: " + text);
            }
            if (frame.opcode() == 0x1) {
                text.append(frame.text());
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
