package dev.streamscout.sim.world;

import dev.streamscout.sim.SimEndpoint;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/** Makes the next N calls of an endpoint fail with a chosen HTTP status, to exercise retries. */
public final class FaultInjector {

    private record Armed(int remaining, int status) {}

    private final Map<SimEndpoint, Armed> armed = new EnumMap<>(SimEndpoint.class);

    /** The next {@code count} calls of {@code endpoint} answer {@code status}; replaces any earlier arming. */
    public synchronized void failNext(SimEndpoint endpoint, int count, int status) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status: " + status);
        }
        if (count == 0) {
            armed.remove(endpoint);
        } else {
            armed.put(endpoint, new Armed(count, status));
        }
    }

    /** Consumes one armed failure for this call, if any. */
    public synchronized OptionalInt take(SimEndpoint endpoint) {
        Armed current = armed.get(endpoint);
        if (current == null) {
            return OptionalInt.empty();
        }
        if (current.remaining() <= 1) {
            armed.remove(endpoint);
        } else {
            armed.put(endpoint, new Armed(current.remaining() - 1, current.status()));
        }
        return OptionalInt.of(current.status());
    }
}
