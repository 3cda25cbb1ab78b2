package dev.streamscout.sim.world;

import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimulatorSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The synthetic Twitch: a fixed set of channels whose viewer counts follow a Zipf law (the top
 * channel has tens of thousands, the twentieth a couple of thousand) and drift slowly, so that
 * the ranking changes now and then, as it does on the real site.
 */
public final class World {

    /** Zipf exponent of the initial viewer distribution. */
    private static final double ZIPF_EXPONENT = 1.05;
    /** Per-step pull back towards the base level and per-step log-normal noise. */
    private static final double DRIFT_PULL_BACK = 0.02;
    private static final double DRIFT_STEP = 0.04;

    private final Clock clock;
    private final List<ChannelState> channels;
    private final Map<String, ChannelState> byLogin;
    private final Map<String, ChannelState> byId;
    private final Random driftRandom;
    private final Random streamIdRandom;

    public World(SimulatorSettings settings) {
        this.clock = settings.clock();
        Random random = new Random(settings.seed());
        this.driftRandom = new Random(settings.seed() * 31 + 7);
        this.streamIdRandom = new Random(settings.seed() * 31 + 11);
        int count = settings.channels();
        List<String> names = WorldNames.displayNames(random, count);
        Set<String> ids = new HashSet<>();
        int top = 30_000 + random.nextInt(40_000);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<ChannelState> list = new ArrayList<>(count);
        for (int rank = 1; rank <= count; rank++) {
            String id;
            do {
                id = Integer.toString(20_000_000 + random.nextInt(880_000_000));
            } while (!ids.add(id));
            String display = names.get(rank - 1);
            double noise = 0.92 + 0.16 * random.nextDouble();
            int viewers = (int) Math.max(30, Math.round(top / Math.pow(rank, ZIPF_EXPONENT) * noise));
            WorldNames.Game game = WorldNames.game(random);
            Instant startedAt = now.minus(Duration.ofMinutes(10 + random.nextInt(470)));
            list.add(new ChannelState(id, display.toLowerCase(Locale.ROOT), display,
                    WorldNames.language(random), viewers, newStreamId(random), startedAt,
                    WorldNames.title(random, game.name()), game));
        }
        this.channels = List.copyOf(list);
        Map<String, ChannelState> logins = new LinkedHashMap<>();
        Map<String, ChannelState> idMap = new LinkedHashMap<>();
        for (ChannelState channel : channels) {
            logins.put(channel.login(), channel);
            idMap.put(channel.id(), channel);
        }
        this.byLogin = Collections.unmodifiableMap(logins);
        this.byId = Collections.unmodifiableMap(idMap);
    }

    /** Every channel, in the order they were created (initial rank). */
    public List<ChannelState> channels() {
        return channels;
    }

    public Optional<ChannelState> byLogin(String login) {
        return login == null ? Optional.empty() : Optional.ofNullable(byLogin.get(login.toLowerCase(Locale.ROOT)));
    }

    public Optional<ChannelState> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** Snapshots of every channel, live ones first, by viewers descending (ties by id). */
    public List<SimChannel> ranking() {
        List<SimChannel> snapshots = new ArrayList<>(channels.size());
        for (ChannelState channel : channels) {
            snapshots.add(channel.snapshot());
        }
        snapshots.sort(Comparator.comparing(SimChannel::live).reversed()
                .thenComparing(Comparator.comparingInt(SimChannel::viewerCount).reversed())
                .thenComparing(SimChannel::id));
        return snapshots;
    }

    /** Sum of the viewers of all live channels (the denominator of each channel's chat share). */
    public long totalViewers() {
        long total = 0;
        for (ChannelState channel : channels) {
            total += channel.viewers();
        }
        return total;
    }

    /** One random-walk step for every channel; called every {@code viewerDriftInterval}. */
    public void drift() {
        synchronized (driftRandom) {
            for (ChannelState channel : channels) {
                channel.drift(driftRandom.nextGaussian(), DRIFT_PULL_BACK, DRIFT_STEP);
            }
        }
    }

    public void setViewers(String login, int viewers) {
        if (viewers < 0) {
            throw new IllegalArgumentException("viewers must be >= 0: " + viewers);
        }
        require(login).setViewers(viewers);
    }

    /** Takes a channel offline or brings it back live with a new stream id and start time. */
    public void setLive(String login, boolean live) {
        ChannelState channel = require(login);
        if (live) {
            String streamId;
            synchronized (streamIdRandom) {
                streamId = newStreamId(streamIdRandom);
            }
            channel.goLive(streamId, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        } else {
            channel.goOffline();
        }
    }

    /** Suspends a channel (it goes offline and refuses JOINs) or lifts the suspension (it stays offline). */
    public void setSuspended(String login, boolean suspended) {
        require(login).suspend(suspended);
    }

    private ChannelState require(String login) {
        return byLogin(login).orElseThrow(() -> new IllegalArgumentException("unknown channel: " + login));
    }

    private static String newStreamId(Random random) {
        return Long.toString(40_000_000_000L + (long) (random.nextDouble() * 9_000_000_000L));
    }
}
