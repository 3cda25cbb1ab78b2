package dev.streamscout.twitch.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IrcLineReaderTest {

    @Test
    void splitsOnCrlfAndBareLf() throws IOException {
        IrcLineReader r = reader("PING :a\r\nPING :b\nPING :c\r\r\n\r\ntail-without-newline");
        assertThat(r.readLine()).isEqualTo("PING :a");
        assertThat(r.readLine()).isEqualTo("PING :b");
        assertThat(r.readLine()).isEqualTo("PING :c\r");
        assertThat(r.readLine()).isEqualTo("");
        assertThat(r.readLine()).isNull();
    }

    @Test
    void skipsOverlongLines() throws IOException {
        String huge = "x".repeat(IrcLineReader.MAX_LINE_BYTES + 10);
        IrcLineReader r = reader(huge + "\r\nPING :ok\r\n");
        assertThat(r.readLine()).isEqualTo("PING :ok");
        assertThat(r.overlongLines()).isEqualTo(1);
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() throws IOException {
        byte[] bytes = {'a', (byte) 0xC3, '\r', '\n'};
        assertThat(new IrcLineReader(new ByteArrayInputStream(bytes)).readLine()).isEqualTo("a\uFFFD");
    }

    @Test
    void aLineOfExactlyTheLimitIsKeptAndOneByteMoreIsSkipped() throws IOException {
        String longest = "y".repeat(IrcLineReader.MAX_LINE_BYTES);
        IrcLineReader r = reader(longest + "\n" + longest + "z\r\nPING :after\r\n");
        assertThat(r.readLine()).isEqualTo(longest);
        assertThat(r.readLine()).isEqualTo("PING :after");
        assertThat(r.overlongLines()).isEqualTo(1);
    }

    @Test
    void linesArrivingInPiecesOfAnySizeReadAsTheyWereSent() throws IOException {
        java.util.Random random = new java.util.Random(17);
        StringBuilder stream = new StringBuilder();
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            int length = i % 500 == 7 ? IrcLineReader.MAX_LINE_BYTES + random.nextInt(40_000) : random.nextInt(3_000);
            String line = "@id=" + i + " :" + "ab\u00e9c".repeat(length / 4 + 1).substring(0, length);
            stream.append(line).append(random.nextBoolean() ? "\r\n" : "\n");
            if (line.getBytes(StandardCharsets.UTF_8).length <= IrcLineReader.MAX_LINE_BYTES) {
                expected.add(line);
            }
        }
        byte[] bytes = stream.append("unterminated").toString().getBytes(StandardCharsets.UTF_8);
        // A stream that hands out 1 to 9,000 bytes per read, as a socket does.
        java.io.InputStream pieces = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(9_000)));
            }
        };

        IrcLineReader r = new IrcLineReader(pieces);
        java.util.List<String> read = new java.util.ArrayList<>();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            read.add(line);
        }

        assertThat(read).isEqualTo(expected);
        assertThat(r.overlongLines()).isEqualTo(3_000 - expected.size()).isPositive();
    }

    private static IrcLineReader reader(String s) {
        return new IrcLineReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }
}
