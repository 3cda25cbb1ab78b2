package dev.streamscout.job.clip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.ClipLedgerDao;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable clip guards against the Twitch simulator's real Helix endpoints and a real H2 database:
 * each new {@link LedgerClipRequester} stands for a new run of the job on the same database.
 */
class LedgerClipRequesterTest {

    private static final Instant PEAK = Instant.parse("2024-05-01T20:02:00Z");
    private static final Instant TEN_MINUTES_LATER = PEAK.plus(Duration.ofMinutes(10));
    private static final ClipSettings FAST = ClipSettings.defaults()
            .withCreateSchedule(List.of(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(200)), Duration.ofMillis(300))
            .withConfirmPollOffsets(List.of(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(600),
                    Duration.ofMillis(1200)))
            .withRequestTimeout(Duration.ofSeconds(2));

    @TempDir
    static Path dataDir;

    private static TwitchSimulator sim;
    private static Database database;
    private static SimChannel clippable;
    private static SimChannel restricted;

    private LedgerClipRequester run;

    @BeforeAll
    static void start() {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withChannels(2).withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withClipDelay(Duration.ofMillis(50))).start();
        clippable = sim.channels().get(0);
        restricted = sim.channels().get(1);
        database = Database.open(DatabaseSettings.h2File(dataDir));
    }

    @AfterAll
    static void stop() {
        database.close();
        sim.close();
    }

    @AfterEach
    void closeRun() throws Exception {
        if (run != null) {
            run.close();
        }
        sim.failCreateClipsFor(restricted.login(), 0);
    }

    /** A new run of the job: a fresh requester (and pool) over the same database. */
    private LedgerClipRequester newRun() throws Exception {
        if (run != null) {
            run.close();
        }
        run = new LedgerClipRequester(new HelixClipRequester(sim.helixBase(), "streamscouttestclient",
                () -> "simtoken", FAST), database.settings());
        run.open();
        return run;
    }

    private static Moment moment(SimChannel channel, Instant peak) {
        return new Moment(channel.id(), channel.login(), peak.minusSeconds(4).toEpochMilli(), peak.toEpochMilli(),
                peak.toEpochMilli(), 56, 20.0, 0.0, 36.0, "seed");
    }

    private static Clip clipOf(LedgerClipRequester requester, Moment moment) throws Exception {
        return requester.request(moment).get(20, TimeUnit.SECONDS);
    }

    @Test
    void a_moment_replayed_by_a_later_run_is_never_sent_to_create_clip_again() throws Exception {
        Moment moment = moment(clippable, PEAK);
        int before = sim.clips().size();

        Clip first = clipOf(newRun(), moment);
        new ClipDao(database.dataSource()).insert(first); // what the clip sink does
        Clip replay = clipOf(newRun(), moment);

        assertThat(first.status()).isEqualTo(ClipStatus.CREATED);
        assertThat(sim.clips()).hasSize(before + 1);
        assertThat(replay).isEqualTo(first);
    }

    @Test
    void a_moment_whose_outcome_was_lost_in_a_crash_is_pending_not_clipped_twice() throws Exception {
        Moment moment = moment(clippable, PEAK.plusSeconds(30));
        int before = sim.clips().size();

        clipOf(newRun(), moment); // the outcome never reaches the clips table
        Clip replay = clipOf(newRun(), moment);

        assertThat(sim.clips()).hasSize(before + 1);
        assertThat(replay.status()).isEqualTo(ClipStatus.PENDING);
        assertThat(replay.failureReason()).contains("earlier run").contains("not sent again");
    }

    @Test
    void a_403_marks_the_channel_not_clippable_and_later_moments_do_not_call_twitch() throws Exception {
        sim.failCreateClipsFor(restricted.login(), 403);
        int before = sim.clips().size();

        Clip refused = clipOf(newRun(), moment(restricted, PEAK));
        sim.failCreateClipsFor(restricted.login(), 0); // Twitch would now accept: proves we do not ask
        Clip sameRunLater = clipOf(run, moment(restricted, PEAK.plusSeconds(60)));
        Clip nextRunLater = clipOf(newRun(), moment(restricted, TEN_MINUTES_LATER));

        assertThat(refused.status()).isEqualTo(ClipStatus.FAILED);
        assertThat(refused.failureReason()).startsWith(ClipOutcomes.NOT_CLIPPABLE).contains("HTTP 403");
        for (Clip skipped : List.of(sameRunLater, nextRunLater)) {
            assertThat(skipped.status()).isEqualTo(ClipStatus.SKIPPED);
            assertThat(skipped.failureReason()).startsWith(ClipOutcomes.NOT_CLIPPABLE);
        }
        assertThat(sim.clips()).hasSize(before);
        assertThat(new ClipLedgerDao(database.dataSource()).blocks())
                .anySatisfy(block -> {
                    assertThat(block.channelId()).isEqualTo(restricted.id());
                    assertThat(block.reason()).contains("403");
                });
        // Other channels are unaffected.
        assertThat(clipOf(run, moment(clippable, TEN_MINUTES_LATER)).status()).isEqualTo(ClipStatus.CREATED);
    }

    @Test
    void a_404_is_not_retried_and_does_not_block_the_channel() throws Exception {
        Moment moment = moment(clippable, PEAK.plusSeconds(90));
        sim.failNextCreateClips(2, 404);
        try {
            Clip clip = clipOf(newRun(), moment);

            assertThat(clip.status()).isEqualTo(ClipStatus.FAILED);
            assertThat(clip.failureReason()).contains("HTTP 404").doesNotStartWith(ClipOutcomes.NOT_CLIPPABLE);
            assertThat(new ClipLedgerDao(database.dataSource()).activeBlock(clippable.id(), Instant.now())).isEmpty();
        } finally {
            sim.failNextCreateClips(0, 404);
        }
    }

    @Test
    void the_default_confirmation_polls_are_at_5_10_15_and_30_seconds() {
        assertThat(ClipSettings.defaults().confirmPollOffsets()).containsExactly(Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30));
    }
}
