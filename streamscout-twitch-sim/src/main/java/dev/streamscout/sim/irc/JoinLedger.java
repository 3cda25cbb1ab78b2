package dev.streamscout.sim.irc;

import dev.streamscout.sim.JoinAttempt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts JOIN attempts per account in a sliding 10 s window, decides whether one is over the
 * limit, and keeps the log of every attempt so tests can check a client's pacing afterwards.
 * Pacing is measured on the monotonic clock so a frozen or stepped test clock cannot distort it.
 */
public final class JoinLedger {

    /** Twitch's JOIN window. */
    public static final Duration WINDOW = Duration.ofSeconds(10);
    /** Oldest entries are forgotten beyond this, so a long demo cannot grow the log without bound. */
    private static final int MAX_LOG = 200_000;

    private final Clock clock;
    private final int limit;
    private final Map<String, Deque<Long>> recentByAccount = new HashMap<>();
    private final Deque<JoinAttempt> log = new ArrayDeque<>();

    /** @param limit attempts allowed per account per window; 0 means log only, never refuse */
    public JoinLedger(Clock clock, int limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** Counts one attempt and says whether it is within the account's limit. */
    synchronized boolean admit(String account) {
        long now = System.nanoTime();
        Deque<Long> recent = recentByAccount.computeIfAbsent(account, a -> new ArrayDeque<>());
        while (!recent.isEmpty() && now - recent.peekFirst() >= WINDOW.toNanos()) {
            recent.pollFirst();
        }
        recent.addLast(now);
        return limit == 0 || recent.size() <= limit;
    }

    synchronized void record(String account, int connection, String transport, String channel,
                             JoinAttempt.Outcome outcome) {
        log.addLast(new JoinAttempt(clock.instant(), account, connection, transport, channel, outcome));
        if (log.size() > MAX_LOG) {
            log.pollFirst();
        }
    }

    /** Every attempt so far, oldest first. */
    public synchronized List<JoinAttempt> log() {
        return new ArrayList<>(log);
    }

    /** Most attempts any account made within one window, judged on the log's timestamps. */
    public static int maxAttemptsInWindow(List<JoinAttempt> log, Duration window) {
        Map<String, Deque<Instant>> byAccount = new HashMap<>();
        int max = 0;
        for (JoinAttempt attempt : log) {
            Deque<Instant> recent = byAccount.computeIfAbsent(attempt.account(), a -> new ArrayDeque<>());
            while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(attempt.at())) {
                recent.pollFirst();
            }
            recent.addLast(attempt.at());
            max = Math.max(max, recent.size());
        }
        return max;
    }
}
