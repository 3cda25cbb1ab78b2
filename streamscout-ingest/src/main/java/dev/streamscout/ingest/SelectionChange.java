package dev.streamscout.ingest;

import java.util.Objects;
import java.util.Set;

/**
 * What one poll changes about the chat rooms we sit in.
 *
 * @param join  channel logins to join now
 * @param leave channel logins to leave now
 */
public record SelectionChange(Set<String> join, Set<String> leave) {

    public static final SelectionChange NONE = new SelectionChange(Set.of(), Set.of());

    public SelectionChange {
        join = Set.copyOf(Objects.requireNonNull(join, "join"));
        leave = Set.copyOf(Objects.requireNonNull(leave, "leave"));
    }

    public boolean isEmpty() {
        return join.isEmpty() && leave.isEmpty();
    }
}
