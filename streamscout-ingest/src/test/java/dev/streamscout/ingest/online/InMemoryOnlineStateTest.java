package dev.streamscout.ingest.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InMemoryOnlineStateTest {

    private static final Instant NOON = Instant.parse("2026-01-11T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOON);
    private final InMemoryOnlineState state = new InMemoryOnlineState(clock, Duration.ofMillis(10));
    private final List<String> expired = new CopyOnWriteArrayList<>();

    {
        state.onExpiry((id, login) -> expired.add(id + "/" + login));
    }

    @Test
    void aChannelIsOnlineForItsTtlAfterEachRefresh() {
        assertThat(state.refresh("1", "a", Duration.ofMinutes(6))).isTrue();
        clock.now = NOON.plus(Duration.ofMinutes(5));
        assertThat(state.refresh("1", "a", Duration.ofMinutes(6))).isFalse();
        clock.now = NOON.plus(Duration.ofMinutes(10));

        assertThat(state.sweep()).isZero();
        assertThat(state.isOnline("1")).isTrue();
        assertThat(state.onlineChannels()).isEqualTo(Map.of("1", "a"));

        clock.now = NOON.plus(Duration.ofMinutes(11));
        assertThat(state.isOnline("1")).isFalse();
        assertThat(state.sweep()).isEqualTo(1);
        assertThat(expired).containsExactly("1/a");
        assertThat(state.sweep()).isZero();
    }

    @Test
    void anExpiredButUnsweptChannelCountsAsNewAgain() {
        state.refresh("1", "a", Duration.ofMinutes(1));
        clock.now = NOON.plus(Duration.ofMinutes(2));

        assertThat(state.refresh("1", "a", Duration.ofMinutes(1))).isTrue();
        assertThat(state.sweep()).isZero();
    }

    @Test
    void removingIsNotExpiring() {
        state.refresh("1", "a", Duration.ofMinutes(1));

        assertThat(state.remove("1")).isTrue();
        clock.now = NOON.plus(Duration.ofHours(1));

        assertThat(state.sweep()).isZero();
        assertThat(expired).isEmpty();
        assertThat(state.remove("1")).isFalse();
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
