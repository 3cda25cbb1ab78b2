package dev.streamscout.api.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.api.problem.InvalidParameterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    private static QueryParameters params(Map<String, String> values) {
        return new QueryParameters(values::get);
    }

    @Test
    void blankValuesCountAsAbsent() {
        QueryParameters p = params(Map.of("limit", " ", "from", ""));

        assertThat(p.integer("limit", 1, 100, 20)).isEqualTo(20);
        assertThat(p.instant("from")).isNull();
        assertThat(p.decimal("x")).isNull();
    }

    @Test
    void timesWithAnOffsetASpaceForPlusOrNoOffsetAtAll() {
        assertThat(params(Map.of("t", "2026-01-11T14:00:00 02:00")).instant("t"))
                .isEqualTo(Instant.parse("2026-01-11T12:00:00Z"));
        assertThat(params(Map.of("t", "2026-01-11T12:00:00")).instant("t"))
                .isEqualTo(Instant.parse("2026-01-11T12:00:00Z"));
    }

    @Test
    void decimalsMustBePlainFiniteNumbers() {
        assertThat(params(Map.of("d", "-2.5e1")).decimal("d")).isEqualTo(-25.0);
        assertThat(params(Map.of("d", ".5")).decimal("d")).isEqualTo(0.5);
        for (String bad : List.of("NaN", "-Infinity", "1e999", "0x10", "1f", "1d", "1,5")) {
            assertThatThrownBy(() -> params(Map.of("d", bad)).decimal("d")).as(bad)
                    .isInstanceOf(InvalidParameterException.class);
        }
    }

    @Test
    void theRangeDefaultsFromNowAndIsCapped() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-11T12:00:00Z"), ZoneOffset.UTC);

        TimeRange defaults = TimeRange.parse(params(Map.of()), clock, Duration.ofHours(1), Duration.ofDays(7));
        assertThat(defaults).isEqualTo(new TimeRange(Instant.parse("2026-01-11T11:00:00Z"),
                Instant.parse("2026-01-11T12:00:00Z")));
        TimeRange onlyFrom = TimeRange.parse(params(Map.of("from", "2026-01-10T12:00:00Z")), clock,
                Duration.ofHours(1), Duration.ofDays(7));
        assertThat(onlyFrom.to()).isEqualTo(Instant.parse("2026-01-11T12:00:00Z"));
        assertThatThrownBy(() -> TimeRange.parse(params(Map.of("from", "2026-01-04T11:59:59Z")), clock,
                Duration.ofHours(1), Duration.ofDays(7)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("from");
                    assertThat(e.getMessage()).contains("7 days");
                });
    }

    @Test
    void anEnumeratedValueMustBeSpelledExactly() {
        assertThat(params(Map.of("r", "5m")).oneOf("r", List.of("1m", "5m"), "1m")).isEqualTo("5m");
        assertThatThrownBy(() -> params(Map.of("r", "5M")).oneOf("r", List.of("1m", "5m"), "1m"))
                .hasMessageContaining("one of 1m, 5m (default 1m), got '5M'");
    }
}
