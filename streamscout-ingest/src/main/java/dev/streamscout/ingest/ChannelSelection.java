package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which chat rooms to sit in, with hysteresis: join a channel when it enters the top
 * {@code joinThreshold} by viewers, leave it only when it falls below the top {@code leaveThreshold}
 * or goes offline.
 *
 * <p>The gap between the two thresholds is the point: a channel bouncing between ranks 4 and 9 stays
 * joined, so its chat history (the detector's baseline) is not thrown away on every poll. Pure logic,
 * no I/O; channels are compared by lower-cased login, the name IRC joins by.
 */
public final class ChannelSelection {

    /** Seed default ({@code JOIN_THRESHOLD}). */
    public static final int DEFAULT_JOIN_THRESHOLD = 5;
    /** Seed default ({@code LEAVE_THRESHOLD}). */
    public static final int DEFAULT_LEAVE_THRESHOLD = 10;

    private final int joinThreshold;
    private final int leaveThreshold;

    /**
     * @throws IllegalArgumentException unless {@code 1 <= joinThreshold <= leaveThreshold}
     */
    public ChannelSelection(int joinThreshold, int leaveThreshold) {
        if (joinThreshold < 1) {
            throw new IllegalArgumentException("join threshold must be at least 1, was " + joinThreshold
                    + " (leave threshold " + leaveThreshold + ")");
        }
        if (leaveThreshold < joinThreshold) {
            throw new IllegalArgumentException("leave threshold (" + leaveThreshold
                    + ") must be at least the join threshold (" + joinThreshold + ")");
        }
        this.joinThreshold = joinThreshold;
        this.leaveThreshold = leaveThreshold;
    }

    public static ChannelSelection defaults() {
        return new ChannelSelection(DEFAULT_JOIN_THRESHOLD, DEFAULT_LEAVE_THRESHOLD);
    }

    public int joinThreshold() {
        return joinThreshold;
    }

    /** Also how many streams a poll must fetch: anything ranked lower is left anyway. */
    public int leaveThreshold() {
        return leaveThreshold;
    }

    /**
     * @param joined  logins of the rooms we are in now
     * @param ranking live streams from Get Streams; ordered by viewers (re-sorted here, stable, in
     *                case a page boundary shuffled them). A joined channel missing from it is either
     *                offline or ranked below everything fetched, and is left.
     */
    public SelectionChange select(Set<String> joined, List<StreamStatus> ranking) {
        Objects.requireNonNull(joined, "joined");
        Objects.requireNonNull(ranking, "ranking");
        Map<String, Integer> rankByLogin = rankByLogin(ranking);

        Set<String> current = new HashSet<>();
        for (String login : joined) {
            current.add(normalize(login));
        }
        Set<String> join = new HashSet<>();
        Set<String> leave = new HashSet<>();
        for (Map.Entry<String, Integer> entry : rankByLogin.entrySet()) {
            if (entry.getValue() <= joinThreshold && !current.contains(entry.getKey())) {
                join.add(entry.getKey());
            }
        }
        for (String login : current) {
            Integer rank = rankByLogin.get(login);
            if (rank == null || rank > leaveThreshold) {
                leave.add(login);
            }
        }
        return new SelectionChange(join, leave);
    }

    /** 1-based rank of each login; the first occurrence wins if Twitch lists a stream twice. */
    private static Map<String, Integer> rankByLogin(List<StreamStatus> ranking) {
        List<StreamStatus> sorted = new ArrayList<>(ranking.size());
        for (StreamStatus s : ranking) {
            if (s != null && s.login() != null && !s.login().isBlank()) {
                sorted.add(s);
            }
        }
        sorted.sort(Comparator.comparingInt(StreamStatus::viewerCount).reversed());
        Map<String, Integer> ranks = new HashMap<>();
        int rank = 0;
        for (StreamStatus s : sorted) {
            String login = normalize(s.login());
            if (!ranks.containsKey(login)) {
                ranks.put(login, ++rank);
            }
        }
        return ranks;
    }

    static String normalize(String login) {
        String trimmed = login.strip();
        return (trimmed.startsWith("#") ? trimmed.substring(1) : trimmed).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "ChannelSelection[join top " + joinThreshold + ", leave below top " + leaveThreshold + "]";
    }
}
