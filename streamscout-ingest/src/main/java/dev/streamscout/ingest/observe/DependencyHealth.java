package dev.streamscout.ingest.observe;

import java.util.Objects;

/**
 * The state of one thing ingest depends on, as {@code /health} reports it.
 *
 * @param name   stable name ({@code twitch_chat}, {@code helix}, {@code kafka}, {@code database}, {@code redis})
 * @param status UP, DOWN, or DISABLED (not configured; does not make the service unhealthy)
 * @param detail one line for a human: counts, the last error, what to fix
 */
public record DependencyHealth(String name, Status status, String detail) {

    /** UP and DISABLED are healthy; DOWN is not. */
    public enum Status { UP, DOWN, DISABLED }

    public DependencyHealth {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public static DependencyHealth up(String name, String detail) {
        return new DependencyHealth(name, Status.UP, detail);
    }

    public static DependencyHealth down(String name, String detail) {
        return new DependencyHealth(name, Status.DOWN, detail);
    }

    public static DependencyHealth disabled(String name, String detail) {
        return new DependencyHealth(name, Status.DISABLED, detail);
    }

    public boolean healthy() {
        return status != Status.DOWN;
    }
}
