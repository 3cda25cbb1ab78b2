package dev.streamscout.sim.irc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IRC over a WebSocket (RFC 6455), server side, as {@code irc-ws.chat.twitch.tv} speaks it: each
 * text message from the client carries one or more IRC lines; the server sends batches of
 * CRLF-terminated lines in text frames. Handles the HTTP upgrade, masked client frames,
 * fragmentation, ping/pong and the closing handshake. Protocol violations end the connection with
 * the matching close code instead of an exception escaping.
 */
final class WebSocketLineTransport implements LineTransport {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketLineTransport.class);

    private static final int OP_CONTINUATION = 0x0;
    private static final int OP_TEXT = 0x1;
    private static final int OP_BINARY = 0x2;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PING = 0x9;
    private static final int OP_PONG = 0xA;

    static final int CLOSE_NORMAL = 1000;
    static final int CLOSE_GOING_AWAY = 1001;
    static final int CLOSE_PROTOCOL_ERROR = 1002;
    static final int CLOSE_TOO_BIG = 1009;

    /** Outgoing frames stay below this so clients get several moderate frames rather than one huge one. */
    private static final int MAX_FRAME_PAYLOAD = 32 * 1024;

    private final Socket socket;
    private final int maxLineBytes;
    /** Largest client message: several full-size lines. */
    private final int maxMessageBytes;
    private final Object outputLock = new Object();
    private final Queue<String> pendingLines = new ArrayDeque<>();
    private InputStream in;
    private OutputStream out;
    private boolean closeSent;
    private boolean ended;

    WebSocketLineTransport(Socket socket, int maxLineBytes) {
        this.socket = socket;
        this.maxLineBytes = maxLineBytes;
        this.maxMessageBytes = maxLineBytes * 8;
    }

    @Override
    public String kind() {
        return socket instanceof SSLSocket ? "wss" : "ws";
    }

    @Override
    public void open() throws IOException {
        socket.setSoTimeout(SocketLineTransport.HANDSHAKE_TIMEOUT_MILLIS);
        if (socket instanceof SSLSocket tls) {
            tls.startHandshake();
        }
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        WebSocketHandshake.accept(in, out);
        socket.setSoTimeout(0);
    }

    @Override
    public String readLine() throws IOException {
        while (pendingLines.isEmpty()) {
            if (ended) {
                return null;
            }
            readMessage();
        }
        return pendingLines.poll();
    }

    /** Reads frames until one whole data message has been queued as lines, or the peer closes. */
    private void readMessage() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int messageOpcode = -1;
        boolean tooBig = false;
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                ended = true;
                return;
            }
            int b1 = readByte();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            boolean masked = (b1 & 0x80) != 0;
            long length = b1 & 0x7F;
            if (length == 126) {
                length = (readByte() << 8) | readByte();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte();
                }
            }
            if ((b0 & 0x70) != 0 || !masked || length < 0) {
                // RFC 6455 5.1/5.2: clients must mask; no extensions were negotiated.
                failConnection(CLOSE_PROTOCOL_ERROR, !masked ? "client frames must be masked" : "bad frame header");
                return;
            }
            boolean control = opcode >= 0x8;
            if (control && (!fin || length > 125)) {
                failConnection(CLOSE_PROTOCOL_ERROR, "bad control frame");
                return;
            }
            byte[] mask = in.readNBytes(4);
            if (mask.length < 4) {
                throw new EOFException("truncated frame");
            }
            if (!control && (tooBig || message.size() + length > maxMessageBytes)) {
                tooBig = true;
                skip(length);
            } else {
                byte[] payload = in.readNBytes((int) length);
                if (payload.length < length) {
                    throw new EOFException("truncated frame");
                }
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i & 3];
                }
                if (control) {
                    if (handleControl(opcode, payload)) {
                        return;
                    }
                    continue;
                }
                message.writeBytes(payload);
            }
            if (opcode == OP_CONTINUATION) {
                if (messageOpcode < 0) {
                    failConnection(CLOSE_PROTOCOL_ERROR, "continuation without a message");
                    return;
                }
            } else if (opcode == OP_TEXT || opcode == OP_BINARY) {
                if (messageOpcode >= 0) {
                    failConnection(CLOSE_PROTOCOL_ERROR, "new message inside a fragmented one");
                    return;
                }
                messageOpcode = opcode;
            } else {
                failConnection(CLOSE_PROTOCOL_ERROR, "unknown opcode " + opcode);
                return;
            }
            if (fin) {
                if (tooBig) {
                    failConnection(CLOSE_TOO_BIG, "message too big");
                } else if (messageOpcode == OP_BINARY) {
                    pendingLines.add(UNREADABLE); // IRC is text; counted as malformed, connection kept
                } else {
                    splitLines(message.toByteArray());
                }
                return;
            }
        }
    }

    /** One text message may carry several lines; a message without a final CRLF still ends its line. */
    private void splitLines(byte[] text) {
        String all = new String(text, StandardCharsets.UTF_8);
        for (String line : all.split("\n", -1)) {
            String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (trimmed.isEmpty()) {
                continue;
            }
            boolean oversized = trimmed.getBytes(StandardCharsets.UTF_8).length > maxLineBytes;
            pendingLines.add(oversized ? BoundedLineReader.OVERSIZED : trimmed);
        }
    }

    /** Returns true when the control frame ends the stream (close). */
    private boolean handleControl(int opcode, byte[] payload) throws IOException {
        switch (opcode) {
            case OP_PING -> writeFrame(OP_PONG, payload);
            case OP_PONG -> { /* unsolicited pongs are allowed and ignored */ }
            case OP_CLOSE -> {
                int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : CLOSE_NORMAL;
                sendClose(code, "");
                ended = true;
                return true;
            }
            default -> {
                failConnection(CLOSE_PROTOCOL_ERROR, "unknown control opcode " + opcode);
                return true;
            }
        }
        return false;
    }

    private void failConnection(int code, String reason) {
        LOG.debug("WebSocket connection failed: {} ({})", reason, code);
        sendClose(code, reason);
        ended = true;
    }

    @Override
    public void writeLines(List<String> lines) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(Math.min(MAX_FRAME_PAYLOAD, lines.size() * 256));
        synchronized (outputLock) {
            if (closeSent) {
                throw new IOException("WebSocket already closed");
            }
            for (String line : lines) {
                byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
                if (payload.size() > 0 && payload.size() + bytes.length > MAX_FRAME_PAYLOAD) {
                    writeFrame(OP_TEXT, payload.toByteArray());
                    payload.reset();
                }
                payload.writeBytes(bytes);
            }
            if (payload.size() > 0) {
                writeFrame(OP_TEXT, payload.toByteArray());
            }
            out.flush();
        }
    }

    /** An unmasked server frame, FIN set. */
    private void writeFrame(int opcode, byte[] payload) throws IOException {
        synchronized (outputLock) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
            frame.write(0x80 | opcode);
            if (payload.length <= 125) {
                frame.write(payload.length);
            } else if (payload.length <= 0xFFFF) {
                frame.write(126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xFF);
            } else {
                frame.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) (((long) payload.length >>> shift) & 0xFF));
                }
            }
            frame.writeBytes(payload);
            out.write(frame.toByteArray());
            out.flush();
        }
    }

    private void sendClose(int code, String reason) {
        synchronized (outputLock) {
            if (closeSent || out == null) {
                return;
            }
            closeSent = true;
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + Math.min(text.length, 123)];
            payload[0] = (byte) (code >>> 8);
            payload[1] = (byte) code;
            System.arraycopy(text, 0, payload, 2, payload.length - 2);
            try {
                writeFrame(OP_CLOSE, payload);
            } catch (IOException e) {
                LOG.debug("sending WebSocket close failed: {}", e.toString());
            }
        }
    }

    @Override
    public void finishOutput() {
        sendClose(CLOSE_GOING_AWAY, "");
        try {
            socket.shutdownOutput();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("{} shutdownOutput failed: {}", kind(), e.toString());
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

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("truncated frame");
        }
        return b;
    }

    private void skip(long length) throws IOException {
        long left = length;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("truncated frame");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
