package dev.streamscout.twitch.irc;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When each JOIN was sent, per account: the evidence that the JOIN limit held ("never more than 20
 * JOINs in any 10 s window"), for tests and diagnostics. Keeps the most recent
 * {@link #CAPACITY} JOINs per account. Thread-safe.
 */
public final class JoinLog {

    /** A day at the full Twitch rate is 172,800 JOINs; this keeps the last several hours. */
    public static final int CAPACITY = 100_000;

    private final Map<String, ArrayDeque<Long>> byAccount = new TreeMap<>();

    synchronized void record(String account, long epochMillis) {
        ArrayDeque<Long> times = byAccount.computeIfAbsent(account, k -> new ArrayDeque<>());
        if (times.size() >= CAPACITY) {
            times.pollFirst();
        }
        times.addLast(epochMillis);
    }

    /** Accounts that sent JOINs. */
    public synchronized List<String> accounts() {
        return List.copyOf(byAccount.keySet());
    }

    /** Epoch milliseconds of every JOIN the account sent, oldest first. */
    public synchronized List<Long> timestamps(String account) {
        ArrayDeque<Long> times = byAccount.get(account);
        return times == null ? List.of() : List.copyOf(times);
    }

    /** Total JOINs recorded for the account. */
    public synchronized int count(String account) {
        ArrayDeque<Long> times = byAccount.get(account);
        return times == null ? 0 : times.size();
    }

    /** The largest number of the account's JOINs that fall within any window of the given length. */
    public int maxInAnyWindow(String account, Duration window) {
        List<Long> times = new ArrayList<>(timestamps(account));
        long windowMs = window.toMillis();
        int max = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= windowMs) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
