package dev.streamscout.twitch.irc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines on LF, dropping a CR before it (Twitch sends CRLF; bare LF is
 * tolerated). One network read may carry several lines or part of one; both are handled by the
 * buffered stream underneath. Lines longer than {@link #MAX_LINE_BYTES} are skipped whole, so a
 * broken peer cannot exhaust memory; bytes that are not UTF-8 become U+FFFD.
 */
final class IrcLineReader {

    /** Twitch lines are at most a few KiB (512 bytes of text plus up to 8 KiB of tags). */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private long overlongLines;

    IrcLineReader(InputStream in) {
        this.in = in;
    }

    /** Next line, or {@code null} at end of stream (a final unterminated fragment is discarded). */
    String readLine() throws IOException {
        line.reset();
        boolean overlong = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                if (overlong) {
                    overlongLines++;
                    overlong = false;
                    line.reset();
                    continue;
                }
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            if (overlong) {
                continue;
            }
            if (line.size() >= MAX_LINE_BYTES) {
                overlong = true;
                line.reset();
                continue;
            }
            line.write(b);
        }
    }

    long overlongLines() {
        return overlongLines;
    }
}
