package dev.streamscout.job.detect;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static dev.streamscout.job.ChatFixtures.HYPE_ID;
import static dev.streamscout.job.ChatFixtures.TWO_MINUTES;
import static dev.streamscout.job.ChatFixtures.burst;
import static dev.streamscout.job.ChatFixtures.inTimeOrder;
import static dev.streamscout.job.ChatFixtures.msg;
import static dev.streamscout.job.ChatFixtures.steady;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.CauseTags;
import dev.streamscout.core.detect.RecentChat;
import dev.streamscout.core.detect.SeedDetectorParams;
import dev.streamscout.core.detect.SeedSpikeDetector;
import dev.streamscout.core.highlight.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint written by the release that stored {@code recent-chat} as a POJO restores into the
 * operator that stores it with {@link RecentChatSerializer}: the kept lines and causes survive, so the
 * moment after the restore is explained exactly as without one.
 */
class RecentChatUpgradeTest {

    private static final Instant BURST = BEGINNING.plus(TWO_MINUTES);
    /**
     * Before the snapshot: two minutes of steady chat, in which one line, in a second the moment's
     * explanation will cover, is from somebody who never writes again; and a raid.
     */
    private static final List<ChatMessage> BEFORE = steady(HYPE_ID, 4, BEGINNING, TWO_MINUTES.minusSeconds(8)).stream()
            .map(m -> m.timestamp() == BURST.minusSeconds(9).toEpochMilli()
                    ? msg(HYPE_ID, "oldtimer", "remember this line ゲーム 🎉", BURST.minusSeconds(9)) : m)
            .toList();
    private static final CauseEvent RAID = new CauseEvent(HYPE_ID, BURST.minusSeconds(60).toEpochMilli(), CauseTags.RAID);
    /** After it: the last seconds before the burst, the burst, and chat that closes the burst's second. */
    private static final List<ChatMessage> AFTER = inTimeOrder(
            steady(HYPE_ID, 4, BURST.minusSeconds(8), Duration.ofSeconds(12)),
            burst(HYPE_ID, 40, BURST, Duration.ofMillis(20)));

    @Test
    void a_checkpoint_with_recent_chat_as_a_pojo_restores_and_its_lines_explain_the_next_moment() throws Exception {
        OperatorSubtaskState pojoCheckpoint = beforeTheBurst(oldRelease());

        DetectorHarness restored = DetectorHarness.restore(newRelease(), pojoCheckpoint);
        restored.live(AFTER);

        Moment moment = restored.moments().get(0);
        assertThat(restored.moments()).singleElement();
        assertThat(moment.uniqueChatters()).isEqualTo(4 + 40 + 1); // the oldtimer wrote before the snapshot only
        assertThat(moment.causeTags()).containsExactly(CauseTags.RAID); // noted before it, on a closed second
        assertThat(restored.moments()).isEqualTo(uninterrupted());
        restored.close();
    }

    @Test
    void state_migrated_from_the_pojo_is_checkpointed_and_restored_in_the_new_form() throws Exception {
        DetectorHarness migrated = DetectorHarness.restore(newRelease(), beforeTheBurst(oldRelease()));
        OperatorSubtaskState newCheckpoint = migrated.snapshot(2, BURST.toEpochMilli());
        migrated.close();

        DetectorHarness restored = DetectorHarness.restore(newRelease(), newCheckpoint);
        restored.live(AFTER);

        assertThat(restored.moments()).singleElement().extracting(Moment::uniqueChatters).isEqualTo(45);
        assertThat(restored.moments()).isEqualTo(uninterrupted());
        restored.close();
    }

    /** The same chat through one operator of this release, without a restore. */
    private static List<Moment> uninterrupted() throws Exception {
        DetectorHarness harness = DetectorHarness.open(newRelease());
        harness.live(BEFORE);
        harness.processElement2(RAID, RAID.timestamp());
        harness.live(AFTER);
        List<Moment> moments = harness.moments();
        harness.close();
        return moments;
    }

    private static OperatorSubtaskState beforeTheBurst(SpikeDetectorFunction<?> function) throws Exception {
        DetectorHarness harness = DetectorHarness.open(function);
        harness.live(BEFORE);
        harness.processElement2(RAID, RAID.timestamp());
        assertThat(harness.moments()).isEmpty();
        OperatorSubtaskState snapshot = harness.snapshot(1, BURST.minusSeconds(8).toEpochMilli());
        harness.close();
        return snapshot;
    }

    /** The operator as the release before stored it: {@code recent-chat} as the RecentChat POJO. */
    private static SpikeDetectorFunction<?> oldRelease() {
        return newRelease().storingRecentChatAs(TypeInformation.of(RecentChat.class));
    }

    private static SpikeDetectorFunction<?> newRelease() {
        return DetectorHarness.function(new SeedSpikeDetector(SeedDetectorParams.defaults()), false);
    }
}
