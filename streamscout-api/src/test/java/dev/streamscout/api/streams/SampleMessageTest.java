package dev.streamscout.api.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleMessageTest {

    @Test
    void splitsTheLoginFromTheText() {
        assertThat(SampleMessage.parse("some_user42: KEKW: no way"))
                .isEqualTo(new SampleMessage("some_user42", "KEKW: no way"));
    }

    @Test
    void aLineWithoutALoginPrefixKeepsAllItsText() {
        assertThat(SampleMessage.parse("no way: <b>")).isEqualTo(new SampleMessage(null, "no way: <b>"));
        assertThat(SampleMessage.parse("just text")).isEqualTo(new SampleMessage(null, "just text"));
        assertThat(SampleMessage.parse(": empty user")).isEqualTo(new SampleMessage(null, ": empty user"));
    }
}
