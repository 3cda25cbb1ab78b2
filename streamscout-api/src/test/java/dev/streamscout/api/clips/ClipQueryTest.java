package dev.streamscout.api.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.api.problem.InvalidParameterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClipQueryTest {

    private static final Instant NOW = Instant.parse("2026-01-11T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static ClipQuery parse(Map<String, String> params) {
        return ClipQuery.parse(params::get, CLOCK);
    }

    @Test
    void noParametersMeansTheLast24HoursAndTwentyClips() {
        assertThat(parse(Map.of())).isEqualTo(new ClipQuery(NOW.minus(Duration.ofHours(24)), NOW, 20));
    }

    @Test
    void blankParametersCountAsAbsent() {
        assertThat(parse(Map.of("start", "", "end", " ", "limit", "")))
                .isEqualTo(new ClipQuery(NOW.minus(Duration.ofHours(24)), NOW, 20));
    }

    @Test
    void endAloneMovesTheDefaultWindow() {
        assertThat(parse(Map.of("end", "2026-01-01T00:00:00Z")))
                .isEqualTo(new ClipQuery(Instant.parse("2025-12-31T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), 20));
    }

    @Test
    void startAloneRunsUntilNow() {
        assertThat(parse(Map.of("start", "2026-01-11T11:00:00Z")))
                .isEqualTo(new ClipQuery(Instant.parse("2026-01-11T11:00:00Z"), NOW, 20));
    }

    @Test
    void offsetsAreHonouredAndLocalTimesAreUtc() {
        ClipQuery q = parse(Map.of("start", "2026-01-11T13:00:00+02:00", "end", "2026-01-11T11:30:00"));

        assertThat(q.start()).isEqualTo(Instant.parse("2026-01-11T11:00:00Z"));
        assertThat(q.end()).isEqualTo(Instant.parse("2026-01-11T11:30:00Z"));
    }

    @Test
    void aPlusDecodedAsSpaceIsReadAsPlus() {
        assertThat(parse(Map.of("start", "2026-01-11T13:00:00 02:00")).start())
                .isEqualTo(Instant.parse("2026-01-11T11:00:00Z"));
    }

    @Test
    void limitBoundsAreInclusive() {
        assertThat(parse(Map.of("limit", "1")).limit()).isEqualTo(1);
        assertThat(parse(Map.of("limit", "100")).limit()).isEqualTo(100);
    }

    @Test
    void badValuesNameTheParameter() {
        assertBad(Map.of("limit", "abc"), "limit", "integer from 1 to 100");
        assertBad(Map.of("limit", "0"), "limit", "integer from 1 to 100");
        assertBad(Map.of("limit", "101"), "limit", "integer from 1 to 100");
        assertBad(Map.of("limit", "99999999999"), "limit", "integer from 1 to 100");
        assertBad(Map.of("start", "yesterday"), "start", "ISO-8601");
        assertBad(Map.of("end", "2026-13-01T00:00:00Z"), "end", "ISO-8601");
        assertBad(Map.of("start", "2026-01-11"), "start", "ISO-8601");
        assertBad(Map.of("start", "+99999-01-01T00:00:00Z"), "start", "years 1 and 9999");
        assertBad(Map.of("start", "2026-01-11T12:00:00Z", "end", "2026-01-11T11:00:00Z"), "start", "before end");
        assertBad(Map.of("start", "2026-01-11T12:00:00Z", "end", "2026-01-11T12:00:00Z"), "start", "before end");
    }

    @Test
    void longBadInputIsNotEchoedInFull() {
        String huge = "x".repeat(10_000);
        assertThatThrownBy(() -> parse(Map.of("start", huge)))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    private static void assertBad(Map<String, String> params, String parameter, String hint) {
        assertThatThrownBy(() -> parse(params))
                .as("%s", params)
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.getMessage()).contains(hint);
                });
    }
}
