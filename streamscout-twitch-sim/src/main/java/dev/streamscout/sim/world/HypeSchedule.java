package dev.streamscout.sim.world;

import dev.streamscout.sim.HypeMoment;
import dev.streamscout.sim.SimChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scripted hype moments: the ones tests add by hand and, when enabled, the ones the simulator
 * plans by itself a little ahead of time, so that {@code /sim/moments} already lists the next one.
 *
 * <p>Self-planned moments fall every {@code hypeEvery} ±20 %, have the specified shape
 * ({@link HypeShape}: 5-20 s at 5-15 times the channel's rate) and favour
 * the top channels (weight 1/rank^1.3: about three in four land in the top five,
 * which is where a default ingest is listening).
 */
public final class HypeSchedule {

    private static final double RANK_WEIGHT_EXPONENT = 1.3;

    private final List<HypeMoment> moments = new CopyOnWriteArrayList<>();
    private final Map<String, List<HypeMoment>> byLogin = new ConcurrentHashMap<>();
    private final Random random;
    private final Duration every;
    /** Start of the next self-planned moment; null until planning is enabled. */
    private Instant nextPlannedStart;

    public HypeSchedule(long seed, Duration every) {
        this.random = new Random(seed * 31 + 13);
        this.every = every;
    }

    /** Turns on self-planning, the first moment starting at {@code firstStart}. */
    public synchronized void enablePlanning(Instant firstStart) {
        this.nextPlannedStart = firstStart;
    }

    public HypeMoment add(HypeMoment moment) {
        byLogin.computeIfAbsent(moment.channelLogin(), k -> new CopyOnWriteArrayList<>()).add(moment);
        moments.add(moment);
        return moment;
    }

    /** All moments, past, current and planned, by start time. */
    public List<HypeMoment> moments() {
        List<HypeMoment> copy = new ArrayList<>(moments);
        copy.sort(Comparator.comparing(HypeMoment::start).thenComparing(HypeMoment::channelLogin));
        return copy;
    }

    /** The rate factor for a channel at an instant: the largest active multiplier, else 1. */
    public double multiplierAt(String login, Instant now) {
        HypeMoment active = activeAt(login, now);
        return active == null ? 1.0 : active.multiplier();
    }

    /** The active moment with the largest multiplier, or null. */
    public HypeMoment activeAt(String login, Instant now) {
        List<HypeMoment> list = byLogin.get(login);
        if (list == null) {
            return null;
        }
        HypeMoment best = null;
        for (HypeMoment moment : list) {
            if (moment.contains(now) && (best == null || moment.multiplier() > best.multiplier())) {
                best = moment;
            }
        }
        return best;
    }

    /**
     * Plans self-scripted moments whose start is before {@code horizon}. Channels are picked from
     * the ranking at planning time.
     */
    public synchronized void planUntil(Instant horizon, List<SimChannel> ranking) {
        if (nextPlannedStart == null) {
            return;
        }
        List<SimChannel> live = ranking.stream().filter(SimChannel::live).toList();
        while (nextPlannedStart.isBefore(horizon) && !live.isEmpty()) {
            Duration length = HypeShape.drawDuration(random);
            double multiplier = HypeShape.drawMultiplier(random);
            SimChannel channel = pickChannel(live, nextPlannedStart, nextPlannedStart.plus(length));
            add(new HypeMoment(channel.id(), channel.login(), nextPlannedStart,
                    nextPlannedStart.plus(length), multiplier));
            long gapMillis = Math.round(every.toMillis() * (0.8 + 0.4 * random.nextDouble()));
            nextPlannedStart = nextPlannedStart.plus(length).plusMillis(Math.max(1_000, gapMillis));
        }
    }

    private SimChannel pickChannel(List<SimChannel> live, Instant start, Instant end) {
        SimChannel chosen = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            chosen = weightedPick(live);
            if (!overlaps(chosen.login(), start, end)) {
                return chosen;
            }
        }
        return chosen;
    }

    private SimChannel weightedPick(List<SimChannel> live) {
        double total = 0;
        for (int rank = 1; rank <= live.size(); rank++) {
            total += 1.0 / Math.pow(rank, RANK_WEIGHT_EXPONENT);
        }
        double target = random.nextDouble() * total;
        for (int rank = 1; rank <= live.size(); rank++) {
            target -= 1.0 / Math.pow(rank, RANK_WEIGHT_EXPONENT);
            if (target <= 0) {
                return live.get(rank - 1);
            }
        }
        return live.get(live.size() - 1);
    }

    private boolean overlaps(String login, Instant start, Instant end) {
        List<HypeMoment> list = byLogin.get(login);
        if (list == null) {
            return false;
        }
        for (HypeMoment moment : list) {
            if (moment.start().isBefore(end) && start.isBefore(moment.end())) {
                return true;
            }
        }
        return false;
    }
}
