package dev.streamscout.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.stream.StreamStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelPolicyTest {

    private static final ChannelSelection TOP_5 = ChannelSelection.defaults();

    private static StreamStatus stream(String login, int viewers) {
        return new StreamStatus("id-" + login, login, login, viewers, Instant.EPOCH, "", "");
    }

    @Test
    void topModeAsksTheGlobalTopForTheLeaveThresholdPlusTheDenied() {
        ChannelPolicy policy = new ChannelPolicy(TOP_5, List.of(), List.of(), List.of("spam1", "spam2"));

        assertThat(policy.isFixed()).isFalse();
        assertThat(policy.answersAreAuthoritative()).isFalse();
        assertThat(policy.topStreamsToFetch()).isEqualTo(12);
        assertThat(policy.monitoredRanks()).isEqualTo(10);
    }

    @Test
    void topModeFiltersDeniedChannelsBeforeRanking() {
        ChannelPolicy policy = new ChannelPolicy(new ChannelSelection(2, 2), List.of(), List.of(), List.of("#BIG"));

        SelectionChange change = policy.select(Set.of(), List.of(stream("big", 900), stream("a", 500), stream("b", 400)));

        assertThat(change.join()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void anAllowListInTopModeIsAskedForByLoginAndLimitsTheJoins() {
        ChannelPolicy policy = new ChannelPolicy(TOP_5, List.of(), List.of("zeta", "alpha", "beta"), List.of("beta"));

        assertThat(policy.loginsToLookUp()).containsExactly("alpha", "zeta");
        assertThat(policy.answersAreAuthoritative()).isTrue();
        assertThat(policy.permits("ALPHA")).isTrue();
        assertThat(policy.permits("beta")).isFalse();
        assertThat(policy.permits("other")).isFalse();
        assertThat(policy.select(Set.of(), List.of(stream("other", 10_000), stream("zeta", 5))).join())
                .containsExactly("zeta");
    }

    @Test
    void aFixedListIsJoinedInFullAndAnythingElseIsLeft() {
        ChannelPolicy policy = new ChannelPolicy(TOP_5, List.of("#Alpha", "beta", "beta", " "), List.of(), List.of());

        assertThat(policy.fixedChannels()).containsExactly("alpha", "beta");
        assertThat(policy.loginsToLookUp()).containsExactly("alpha", "beta");
        SelectionChange change = policy.select(Set.of("beta", "stale"), List.of());

        assertThat(change.join()).containsExactly("alpha");
        assertThat(change.leave()).containsExactly("stale");
    }

    @Test
    void listsNarrowTheFixedChannels() {
        ChannelPolicy policy = new ChannelPolicy(TOP_5, List.of("a", "b", "c"), List.of("a", "b"), List.of("b"));

        assertThat(policy.fixedChannels()).containsExactly("a");
    }

    @Test
    void aFixedListThatTheListsEmptyCompletelyIsAMistake() {
        assertThatThrownBy(() -> new ChannelPolicy(TOP_5, List.of("a"), List.of(), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deny list [a]");
    }

    @Test
    void monitoredDropsBlankAndDeniedEntries() {
        ChannelPolicy policy = new ChannelPolicy(TOP_5, List.of(), List.of(), List.of("x"));
        java.util.ArrayList<StreamStatus> messy = new java.util.ArrayList<>(List.of(stream("a", 1), stream("x", 2),
                new StreamStatus("id", " ", "", 3, Instant.EPOCH, "", "")));
        messy.add(null);

        assertThat(policy.monitored(messy)).extracting(StreamStatus::login).containsExactly("a");
    }
}
