package dev.streamscout.twitch.irc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A group of at most {@code channelsPerConnection} channels served by one connection at a time,
 * two during a RECONNECT handover. Guarded by the pool's lock, like everything the pool's parts
 * keep about channels and connections.
 */
final class ConnectionSlot {

    final int id;
    final Set<String> channels = new LinkedHashSet<>();
    IrcConnection active;
    /** The new connection of a RECONNECT handover, until it takes over from {@link #active}. */
    IrcConnection replacement;
    boolean replacementWanted;
    long handoverDeadlineNanos;
    int failures;
    long nextAttemptNanos;

    ConnectionSlot(int id) {
        this.id = id;
        this.nextAttemptNanos = System.nanoTime();
    }

    /** The active connection and the replacement, those that exist. */
    List<IrcConnection> connections() {
        List<IrcConnection> list = new ArrayList<>(2);
        if (active != null) {
            list.add(active);
        }
        if (replacement != null) {
            list.add(replacement);
        }
        return list;
    }
}
