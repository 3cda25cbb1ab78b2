package dev.streamscout.twitch.irc;

import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One chat connection over a WebSocket. Twitch puts one or more CRLF-terminated lines in a text
 * frame, and a line may be split across frames (or across the parts of a fragmented frame), so
 * text is buffered and cut on LF here. Lines wait in a bounded queue; the next frame is requested
 * only when its lines are queued, so a slow reader slows the server instead of filling memory.
 */
final class WebSocketIrcConnection implements IrcTransport.Connection {

    private static final int QUEUE_CAPACITY = 10_000;
    /** Same bound as {@link IrcLineReader} (which counts bytes; chars are close enough here). */
    private static final int MAX_LINE_CHARS = IrcLineReader.MAX_LINE_BYTES;

    /** Marks the end of the stream in the queue. */
    private static final String END = new String("<end of stream>");

    private final Duration sendTimeout;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final StringBuilder partial = new StringBuilder(1024);
    private volatile WebSocket ws;
    private volatile boolean ended;
    private volatile Throwable error;
    private boolean skippingOverlong;
    private volatile boolean markedEnd;

    WebSocketIrcConnection(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    WebSocket.Listener listener() {
        return new Listener();
    }

    void attach(WebSocket webSocket) {
        this.ws = webSocket;
    }

    @Override
    public String readLine() throws IOException {
        if (ended && lines.isEmpty()) {
            return endOfStream();
        }
        try {
            String line = lines.take();
            if (line == END) {
                ended = true;
                lines.offer(END); // later calls see the end too
                return endOfStream();
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        }
    }

    private String endOfStream() throws IOException {
        Throwable e = error;
        if (e != null) {
            throw new IOException("WebSocket failed: " + e, e);
        }
        return null;
    }

    @Override
    public void sendLine(String line) throws IOException {
        IrcTransport.requireSingleLine(line);
        WebSocket socket = ws;
        if (socket == null || ended) {
            throw new IOException("WebSocket is closed");
        }
        // WebSocket forbids overlapping sends; the lock keeps writers from different threads in turn.
        synchronized (this) {
            try {
                socket.sendText(line + "\r\n", true).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IOException("WebSocket send failed: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new IOException("WebSocket send timed out", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while sending", e);
            }
        }
    }

    @Override
    public void close() {
        WebSocket socket = ws;
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(1, TimeUnit.SECONDS)
                    .whenComplete((ignored, failure) -> socket.abort());
        }
        finish(null, false);
    }

    /**
     * Marks the end of the stream. On a local close the unread lines are dropped (nobody wants
     * them); when the server ends the stream, its last lines stay ahead of the end marker.
     */
    private void finish(Throwable failure, boolean keepUnread) {
        if (failure != null && error == null) {
            error = failure;
        }
        synchronized (lines) {
            if (markedEnd) {
                return;
            }
            markedEnd = true;
        }
        if (!keepUnread) {
            ended = true;
            lines.clear();
        }
        if (!lines.offer(END)) {
            try {
                lines.put(END); // the reader is draining the queue; wait for room
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lines.clear();
                lines.offer(END);
            }
        }
    }

    /** Appends frame text and queues every completed line (blocking while the queue is full). */
    private void accept(CharSequence text) throws InterruptedException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (!skippingOverlong) {
                    int length = partial.length();
                    if (length > 0 && partial.charAt(length - 1) == '\r') {
                        length--;
                    }
                    lines.put(partial.substring(0, length));
                }
                skippingOverlong = false;
                partial.setLength(0);
            } else if (!skippingOverlong) {
                if (partial.length() >= MAX_LINE_CHARS) {
                    skippingOverlong = true; // a broken peer must not exhaust memory
                    partial.setLength(0);
                } else {
                    partial.append(c);
                }
            }
        }
    }

    private final class Listener implements WebSocket.Listener {

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            try {
                if (!markedEnd) {
                    accept(data);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish(e, false);
                return null;
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1); // Twitch sends text only; binary frames are not chat
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            finish(null, true);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable failure) {
            finish(failure, true);
        }
    }
}
