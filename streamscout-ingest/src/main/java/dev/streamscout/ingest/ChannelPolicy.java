package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which channels the monitor follows: the top N by viewers with hysteresis ({@link ChannelSelection}),
 * or a fixed list of logins ({@code TWITCH_CHANNEL} / {@code --channels a,b,c}); in both cases narrowed
 * by an allow list (when not empty, nothing else is ever joined) and a deny list (never joined, and
 * it wins over both other lists).
 *
 * <p>Fixed channels are joined whether or not they are live: chat goes on before and after a
 * broadcast, and sitting in it early gives the detector its baseline. Whether they are live is
 * learnt from Get Streams with {@code user_login} filters, for the lifecycle events.
 *
 * <p>In top-N mode the allow and deny lists filter the ranking before it is ranked, so a denied
 * channel never takes one of the N places. With an allow list the ranking is asked for by login
 * ({@link #loginsToLookUp()}) instead of from the global top, which may hold none of them.
 *
 * <p>Pure logic, no I/O; logins are compared lower-cased without {@code #}.
 */
public final class ChannelPolicy {

    private final ChannelSelection selection;
    private final List<String> fixed;
    private final Set<String> allow;
    private final Set<String> deny;

    /**
     * @param selection top-N thresholds (used when {@code fixed} is empty)
     * @param fixed     logins to follow instead of the top N; empty for top-N mode
     * @param allow     when not empty, the only logins ever joined
     * @param deny      logins never joined
     */
    public ChannelPolicy(ChannelSelection selection, Collection<String> fixed, Collection<String> allow,
            Collection<String> deny) {
        this.selection = Objects.requireNonNull(selection, "selection");
        this.allow = normalized(allow);
        this.deny = normalized(deny);
        List<String> kept = new ArrayList<>();
        for (String login : normalized(fixed)) {
            if (permits(login)) {
                kept.add(login);
            }
        }
        if (!fixed.isEmpty() && kept.isEmpty()) {
            throw new IllegalArgumentException("every fixed channel " + fixed + " is excluded by the allow list "
                    + this.allow + " or the deny list " + this.deny + ": nothing would be followed");
        }
        this.fixed = List.copyOf(kept);
    }

    /** Top N by viewers with the seed's thresholds, no lists. */
    public static ChannelPolicy topStreams(ChannelSelection selection) {
        return new ChannelPolicy(selection, List.of(), List.of(), List.of());
    }

    /** From the settings' thresholds and lists. */
    public static ChannelPolicy of(IngestSettings settings) {
        return new ChannelPolicy(new ChannelSelection(settings.joinThreshold(), settings.leaveThreshold()),
                settings.monitorChannels(), settings.monitorAllow(), settings.monitorDeny());
    }

    /** True when following a fixed list rather than the top N. */
    public boolean isFixed() {
        return !fixed.isEmpty();
    }

    /** The fixed channels that the allow and deny lists let through (empty in top-N mode). */
    public List<String> fixedChannels() {
        return fixed;
    }

    /**
     * Logins to ask Get Streams about with {@code user_login} filters: the fixed channels, or in
     * top-N mode the allow list (empty: ask for the global top instead).
     */
    public List<String> loginsToLookUp() {
        if (isFixed()) {
            return fixed;
        }
        return allow.stream().filter(l -> !deny.contains(l)).sorted().toList();
    }

    /**
     * Whether a lookup by login is authoritative: a login asked for and not returned is offline.
     * A top-N ranking is not: a missing channel may only have fallen below the ranks fetched.
     */
    public boolean answersAreAuthoritative() {
        return !loginsToLookUp().isEmpty();
    }

    /** How many streams to fetch from the global top, enough to fill the thresholds after denials. */
    public int topStreamsToFetch() {
        return selection.leaveThreshold() + deny.size();
    }

    /** In top-N mode, how many ranks are monitored (the leave threshold): lower ones are never joined or kept. */
    public int monitoredRanks() {
        return selection.leaveThreshold();
    }

    /** Whether the allow and deny lists let this login be joined. */
    public boolean permits(String login) {
        String l = ChannelSelection.normalize(login);
        return !deny.contains(l) && (allow.isEmpty() || allow.contains(l));
    }

    /** The streams of an answer that the lists let through, in order. */
    public List<StreamStatus> monitored(List<StreamStatus> streams) {
        List<StreamStatus> kept = new ArrayList<>();
        for (StreamStatus s : streams) {
            if (s != null && s.login() != null && !s.login().isBlank() && permits(s.login())) {
                kept.add(s);
            }
        }
        return kept;
    }

    /**
     * The rooms to join and leave.
     *
     * @param joined  logins of the rooms joined now
     * @param live    live streams Twitch reported this poll (already passed through {@link #monitored})
     */
    public SelectionChange select(Set<String> joined, List<StreamStatus> live) {
        if (!isFixed()) {
            return selection.select(joined, monitored(live));
        }
        Set<String> current = new HashSet<>();
        for (String login : joined) {
            current.add(ChannelSelection.normalize(login));
        }
        Set<String> join = new LinkedHashSet<>(fixed);
        join.removeAll(current);
        Set<String> leave = new HashSet<>(current);
        fixed.forEach(leave::remove);
        return new SelectionChange(join, leave);
    }

    private static Set<String> normalized(Collection<String> logins) {
        Set<String> out = new LinkedHashSet<>();
        for (String login : Objects.requireNonNull(logins, "logins")) {
            if (login != null && !login.isBlank()) {
                out.add(ChannelSelection.normalize(login));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return (isFixed() ? "ChannelPolicy[fixed " + fixed : "ChannelPolicy[" + selection)
                + (allow.isEmpty() ? "" : ", allow " + allow) + (deny.isEmpty() ? "" : ", deny " + deny) + "]";
    }
}
