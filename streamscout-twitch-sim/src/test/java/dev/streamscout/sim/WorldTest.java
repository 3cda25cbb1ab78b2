package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.sim.world.World;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The synthetic channel population: deterministic, Zipf-shaped, slowly drifting. */
class WorldTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2030-05-01T18:00:00Z"), ZoneOffset.UTC);

    private static World world(long seed) {
        return new World(SimulatorSettings.defaults().withSeed(seed).withClock(FIXED));
    }

    @Test
    void sameSeedSameWorldOtherSeedOtherWorld() {
        assertThat(world(3).ranking()).isEqualTo(world(3).ranking());
        assertThat(world(3).ranking()).isNotEqualTo(world(4).ranking());
    }

    @Test
    void viewersFollowAZipfShape() {
        List<SimChannel> ranking = world(1).ranking();
        assertThat(ranking).hasSize(20);
        assertThat(ranking.get(0).viewerCount()).isBetween(20_000, 80_000);
        // With exponent ~1, rank 10 has roughly a tenth of rank 1.
        double ratio = (double) ranking.get(0).viewerCount() / ranking.get(9).viewerCount();
        assertThat(ratio).isBetween(7.0, 16.0);
        Set<String> ids = new HashSet<>();
        Set<String> logins = new HashSet<>();
        for (SimChannel channel : ranking) {
            assertThat(ids.add(channel.id())).isTrue();
            assertThat(logins.add(channel.login())).isTrue();
            assertThat(channel.id()).matches("[0-9]{8,9}");
            assertThat(channel.login()).matches("[a-z0-9_]{4,25}").isEqualTo(channel.displayName().toLowerCase());
            assertThat(channel.startedAt()).isBefore(FIXED.instant());
            assertThat(channel.title()).contains(channel.gameName());
            assertThat(channel.live()).isTrue();
        }
    }

    @Test
    void viewersDriftAndTheRankingChangesOverTime() {
        World world = world(2);
        List<SimChannel> before = world.ranking();
        boolean reordered = false;
        for (int step = 0; step < 200 && !reordered; step++) {
            world.drift();
            reordered = !world.ranking().stream().map(SimChannel::login).toList()
                    .equals(before.stream().map(SimChannel::login).toList());
        }
        assertThat(reordered).as("ranking changed within 200 drift steps").isTrue();
        // Mean reversion keeps the head of the distribution in place over a long run.
        for (int step = 0; step < 2_000; step++) {
            world.drift();
        }
        assertThat(world.ranking().get(0).viewerCount()).isBetween(before.get(0).viewerCount() / 3,
                before.get(0).viewerCount() * 3);
    }

    @Test
    void channelsGoOfflineAndComeBackWithANewStream() {
        World world = world(5);
        SimChannel channel = world.ranking().get(3);
        world.setLive(channel.login(), false);
        SimChannel offline = world.byLogin(channel.login()).orElseThrow().snapshot();
        assertThat(offline.live()).isFalse();
        assertThat(offline.viewerCount()).isZero();
        assertThat(world.ranking().get(19).login()).isEqualTo(channel.login());
        world.setLive(channel.login(), true);
        SimChannel back = world.byLogin(channel.login()).orElseThrow().snapshot();
        assertThat(back.streamId()).isNotEqualTo(channel.streamId());
        assertThat(back.startedAt()).isEqualTo(FIXED.instant());
        world.setViewers(channel.login(), 123_456);
        assertThat(world.ranking().get(0).login()).isEqualTo(channel.login());
    }
}
