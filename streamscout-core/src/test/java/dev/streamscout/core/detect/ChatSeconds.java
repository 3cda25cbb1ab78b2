package dev.streamscout.core.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test fixture: a channel's per-second message counts written as a scenario, e.g.
 * {@code ChatSeconds.from(BEGINNING).steady(4, ONE_MINUTE).second(30)}.
 */
final class ChatSeconds {

    /** One second of the scenario. */
    record Second(long startMs, int count) {}

    private final List<Second> seconds = new ArrayList<>();
    private long nextMs;

    private ChatSeconds(Instant start) {
        this.nextMs = start.toEpochMilli();
    }

    static ChatSeconds from(Instant start) {
        return new ChatSeconds(start);
    }

    /** {@code perSecond} messages every second for {@code length}. */
    ChatSeconds steady(int perSecond, Duration length) {
        for (long i = 0; i < length.toSeconds(); i++) {
            second(perSecond);
        }
        return this;
    }

    /** The pattern repeated second by second for {@code length}. */
    ChatSeconds repeating(Duration length, int... pattern) {
        for (long i = 0; i < length.toSeconds(); i++) {
            second(pattern[(int) (i % pattern.length)]);
        }
        return this;
    }

    /** Consecutive seconds with these counts. */
    ChatSeconds second(int... counts) {
        for (int count : counts) {
            seconds.add(new Second(nextMs, count));
            nextMs += 1000;
        }
        return this;
    }

    /** Seconds that are never fed to the detector (as if nobody closed them). */
    ChatSeconds skip(Duration length) {
        nextMs += length.toMillis();
        return this;
    }

    /** The next second this script would write. */
    Instant now() {
        return Instant.ofEpochMilli(nextMs);
    }

    List<Second> seconds() {
        return List.copyOf(seconds);
    }

    /** Feeds every second, in order, to a fresh state and returns what fired. */
    List<Detection> runThrough(SeedSpikeDetector detector) {
        return runThrough(detector, detector.newState());
    }

    List<Detection> runThrough(SeedSpikeDetector detector, SeedDetectorState state) {
        List<Detection> fired = new ArrayList<>();
        for (Second s : seconds) {
            Optional<Detection> d = detector.onSecond(state, s.startMs(), s.count());
            d.ifPresent(fired::add);
        }
        return fired;
    }
}
