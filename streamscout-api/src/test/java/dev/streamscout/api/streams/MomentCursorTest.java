package dev.streamscout.api.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.api.problem.InvalidParameterException;
import dev.streamscout.store.MomentSearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MomentCursorTest {

    @Test
    void aCursorRoundTripsItsPositionAndIsUrlSafe() {
        var position = new MomentSearch.Position(1_768_132_800_123L, "12345:1768132800/with:colons?&=");

        String cursor = MomentCursor.encode(position);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(MomentCursor.decode(cursor)).isEqualTo(position);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "!!!", "bTI6MTox", /* m2:1:1 */ "bTE6eDp5", /* m1:x:y */ "bTE6MTo", /* m1:1: */
        "bTE6OjE" /* m1::1 */})
    void anythingElseIsABadCursorParameter(String cursor) {
        assertThatThrownBy(() -> MomentCursor.decode(cursor))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("cursor"));
    }

    @Test
    void anOverlongCursorIsRejectedBeforeDecoding() {
        assertThatThrownBy(() -> MomentCursor.decode("A".repeat(10_000))).isInstanceOf(InvalidParameterException.class);
    }
}
