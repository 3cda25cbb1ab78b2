package dev.streamscout.twitch.irc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines on LF, dropping a CR before it (Twitch sends CRLF; bare LF is
 * tolerated). One network read may carry several lines or part of one. Lines longer than
 * {@link #MAX_LINE_BYTES} are skipped whole, so a broken peer cannot exhaust memory; bytes that are not
 * UTF-8 become U+FFFD.
 *
 * <p>Reads in chunks into a buffer of its own and scans it for LF: reading a byte at a time through a
 * synchronized stream into a synchronized byte sink cost more than everything else ingest does with a
 * line (a fifth of the all-in-one pipeline's CPU).
 */
final class IrcLineReader {

    /** Twitch lines are at most a few KiB (512 bytes of text plus up to 8 KiB of tags). */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final InputStream in;
    /** Bytes read and not yet returned are {@code [start, end)}; room for a longest line and then some. */
    private final byte[] buffer = new byte[MAX_LINE_BYTES + 16 * 1024];
    private int start;
    private int end;
    private long overlongLines;

    IrcLineReader(InputStream in) {
        this.in = in;
    }

    /** Next line, or {@code null} at end of stream (a final unterminated fragment is discarded). */
    String readLine() throws IOException {
        boolean overlong = false; // the line under way passed the limit: its bytes are dropped up to its LF
        int scanFrom = start;
        while (true) {
            int newline = indexOfNewline(scanFrom);
            if (newline >= 0) {
                int from = start;
                start = newline + 1;
                scanFrom = start;
                if (overlong || newline - from > MAX_LINE_BYTES) {
                    overlongLines++;
                    overlong = false;
                    continue;
                }
                int to = newline > from && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                return new String(buffer, from, to - from, StandardCharsets.UTF_8);
            }
            if (overlong || end - start > MAX_LINE_BYTES) {
                overlong = true;
                start = 0;
                end = 0;
            } else if (end == buffer.length) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            scanFrom = end;
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                return null;
            }
            end += read;
        }
    }

    private int indexOfNewline(int from) {
        for (int i = from; i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    long overlongLines() {
        return overlongLines;
    }
}
