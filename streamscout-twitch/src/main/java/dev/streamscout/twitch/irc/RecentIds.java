package dev.streamscout.twitch.irc;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last N message ids seen, to drop the duplicates Twitch may send. Thread-safe. */
final class RecentIds {

    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the id; {@code true} if it was not among the recent ones. */
    synchronized boolean firstSeen(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }
}
