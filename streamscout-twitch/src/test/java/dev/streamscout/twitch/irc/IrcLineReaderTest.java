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

    private static IrcLineReader reader(String s) {
        return new IrcLineReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }
}
