package dev.streamscout.core.chatlog;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a compressed stream quietly where it was cut off ("Unexpected end of ZLIB input stream")
 * instead of throwing, so that everything before the cut is still read; remembers that it happened.
 */
final class TruncationTolerantStream extends FilterInputStream {

    private boolean truncated;

    TruncationTolerantStream(InputStream in) {
        super(in);
    }

    boolean truncated() {
        return truncated;
    }

    @Override
    public int read() throws IOException {
        if (truncated) {
            return -1;
        }
        try {
            return super.read();
        } catch (EOFException e) {
            truncated = true;
            return -1;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (truncated) {
            return -1;
        }
        try {
            return super.read(b, off, len);
        } catch (EOFException e) {
            truncated = true;
            return -1;
        }
    }

    @Override
    public int available() throws IOException {
        return truncated ? 0 : super.available();
    }
}
