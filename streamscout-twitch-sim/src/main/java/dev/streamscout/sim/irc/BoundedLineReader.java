package dev.streamscout.sim.irc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads LF- or CRLF-terminated UTF-8 lines, refusing to buffer more than a bound: an over-long
 * line is skipped up to its end and reported as {@link #OVERSIZED}. Invalid UTF-8 is replaced,
 * never thrown, so no client input can kill the reading thread.
 */
final class BoundedLineReader {

    /** Returned in place of a line that exceeded the bound. */
    static final String OVERSIZED = "\u0000oversized";

    private final InputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);

    BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator, or null at end of stream. */
    String readLine() throws IOException {
        buffer.reset();
        boolean oversized = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return buffer.size() == 0 && !oversized ? null : finish(oversized);
            }
            if (b == '\n') {
                return finish(oversized);
            }
            if (buffer.size() >= maxBytes) {
                oversized = true;
                buffer.reset();
            }
            if (!oversized) {
                buffer.write(b);
            }
        }
    }

    private String finish(boolean oversized) {
        if (oversized) {
            return OVERSIZED;
        }
        String line = buffer.toString(StandardCharsets.UTF_8);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
