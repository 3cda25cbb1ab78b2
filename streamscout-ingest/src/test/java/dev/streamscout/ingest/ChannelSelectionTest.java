package dev.streamscout.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.stream.StreamStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelSelectionTest {

    private static final Instant STARTED = Instant.parse("2026-01-11T18:00:00Z");
    private final ChannelSelection selection = ChannelSelection.defaults();

    /** A ranking in the given order: the first login has the most viewers. */
    private static List<StreamStatus> ranking(String... logins) {
        List<StreamStatus> streams = new ArrayList<>();
        for (int i = 0; i < logins.length; i++) {
            streams.add(stream(logins[i], 10_000 - i * 100));
        }
        return streams;
    }

    private static StreamStatus stream(String login, int viewers) {
        return new StreamStatus("id-" + login, login, login.toUpperCase(), viewers, STARTED, "title", "Just Chatting");
    }

    @Test
    void fromNothingJoinsExactlyTheTopFive() {
        SelectionChange change = selection.select(Set.of(), ranking("a", "b", "c", "d", "e", "f", "g"));

        assertThat(change.join()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(change.leave()).isEmpty();
    }

    @Test
    void fewerLiveStreamsThanTheThresholdJoinsThemAll() {
        SelectionChange change = selection.select(Set.of(), ranking("a", "b"));

        assertThat(change.join()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aJoinedChannelSlippingToRankSixToTenStaysJoined() {
        Set<String> joined = Set.of("a", "b", "c", "d", "e");
        // e drops to rank 10, d to rank 6: both inside the leave threshold.
        SelectionChange change = selection.select(joined,
                ranking("a", "b", "c", "x", "y", "d", "p", "q", "r", "e", "s"));

        assertThat(change.leave()).isEmpty();
        assertThat(change.join()).containsExactlyInAnyOrder("x", "y");
    }

    @Test
    void aJoinedChannelFallingBelowTopTenIsLeft() {
        Set<String> joined = Set.of("a", "b", "c", "d", "e");
        SelectionChange change = selection.select(joined,
                ranking("a", "b", "c", "d", "n1", "n2", "n3", "n4", "n5", "n6", "e"));

        assertThat(change.leave()).containsExactly("e");
        assertThat(change.join()).containsExactly("n1");
    }

    @Test
    void aJoinedChannelThatWentOfflineIsLeft() {
        SelectionChange change = selection.select(Set.of("a", "gone"), ranking("a", "b"));

        assertThat(change.leave()).containsExactly("gone");
        assertThat(change.join()).containsExactly("b");
    }

    @Test
    void anEmptyRankingLeavesEverything() {
        SelectionChange change = selection.select(Set.of("a", "b"), List.of());

        assertThat(change.leave()).containsExactlyInAnyOrder("a", "b");
        assertThat(change.join()).isEmpty();
    }

    @Test
    void ranksFluctuatingBetweenFiveAndTenCauseNoChurn() {
        // Channel "wobbly" is joined at rank 5, then wanders between ranks 5 and 10 for many polls.
        Set<String> joined = new HashSet<>();
        List<String> others = List.of("a", "b", "c", "d", "p", "q", "r", "s", "t");
        int joins = 0;
        int leaves = 0;
        for (int poll = 0; poll < 40; poll++) {
            int wobblyRank = 5 + (poll * 7) % 6; // 5..10
            List<String> order = new ArrayList<>(others);
            order.add(wobblyRank - 1, "wobbly");
            SelectionChange change = selection.select(joined, ranking(order.toArray(String[]::new)));
            if (change.join().contains("wobbly")) {
                joins++;
            }
            if (change.leave().contains("wobbly")) {
                leaves++;
            }
            joined.removeAll(change.leave());
            joined.addAll(change.join());
        }
        assertThat(joins).isEqualTo(1);
        assertThat(leaves).isZero();
        assertThat(joined).contains("wobbly");
    }

    @Test
    void aSteadyRankingIsAFixedPoint() {
        List<StreamStatus> steady = ranking("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        Set<String> joined = new HashSet<>(selection.select(Set.of(), steady).join());

        assertThat(selection.select(joined, steady).isEmpty()).isTrue();
    }

    @Test
    void theRankingIsOrderedByViewersNotByListPosition() {
        List<StreamStatus> shuffled = List.of(
                stream("low", 10), stream("top", 900), stream("mid", 500));
        ChannelSelection topOne = new ChannelSelection(1, 2);

        SelectionChange change = topOne.select(Set.of("low"), shuffled);

        assertThat(change.join()).containsExactly("top");
        assertThat(change.leave()).containsExactly("low");
    }

    @Test
    void loginsAreComparedCaseInsensitivelyAndWithoutHash() {
        SelectionChange change = selection.select(Set.of("#Alpha"), List.of(stream("ALPHA", 50), stream("beta", 40)));

        assertThat(change.join()).containsExactly("beta");
        assertThat(change.leave()).isEmpty();
    }

    @Test
    void duplicateAndBlankEntriesAreIgnored() {
        List<StreamStatus> messy = new ArrayList<>(ranking("a", "b"));
        messy.add(stream("a", 5));
        messy.add(new StreamStatus("id-x", " ", "", 1_000_000, STARTED, "", ""));
        messy.add(null);

        SelectionChange change = new ChannelSelection(2, 2).select(Set.of(), messy);

        assertThat(change.join()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void equalThresholdsMeanNoHysteresis() {
        ChannelSelection strict = new ChannelSelection(2, 2);

        SelectionChange change = strict.select(Set.of("a", "b"), ranking("a", "c", "b"));

        assertThat(change.leave()).containsExactly("b");
        assertThat(change.join()).containsExactly("c");
    }

    @Test
    void thresholdsAreValidated() {
        assertThatThrownBy(() -> new ChannelSelection(0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("join threshold").hasMessageContaining("0");
        assertThatThrownBy(() -> new ChannelSelection(6, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(5)").hasMessageContaining("(6)");
        assertThat(new ChannelSelection(1, 1).leaveThreshold()).isEqualTo(1);
    }

    @Test
    void changeSetsAreImmutableCopies() {
        Set<String> join = new HashSet<>(Set.of("a"));
        SelectionChange change = new SelectionChange(join, Set.of());
        join.add("b");

        assertThat(change.join()).containsExactly("a");
        assertThatThrownBy(() -> change.join().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
}
