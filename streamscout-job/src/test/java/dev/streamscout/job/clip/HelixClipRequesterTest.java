package dev.streamscout.job.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimClip;
import dev.streamscout.sim.SimEndpoint;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import dev.streamscout.twitch.helix.HelixClient;
import dev.streamscout.twitch.helix.HelixException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed clip policy, against the Twitch simulator's real Helix endpoints and fault injection. */
class HelixClipRequesterTest {

    private static final String CLIENT_ID = "streamscouttestclient";
    private static final Duration CLIP_DELAY = Duration.ofMillis(300);
    private static final Instant PEAK = Instant.parse("2024-05-01T20:02:00Z");

    /** The seed schedule shrunk tenfold so that retry tests take fractions of a second. */
    private static final ClipSettings FAST = ClipSettings.defaults()
            .withCreateSchedule(List.of(Duration.ZERO, Duration.ofMillis(300), Duration.ofMillis(600)), Duration.ofSeconds(1))
            .withConfirmPollOffsets(List.of(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(800),
                    Duration.ofMillis(1500)))
            .withRequestTimeout(Duration.ofSeconds(2));

    private static TwitchSimulator sim;
    private static SimChannel channel;

    private CountingTokens tokens;
    private HelixClipRequester requester;

    /** Hands out a fixed token and counts refreshes. */
    static final class CountingTokens implements AccessTokenSource {
        private static final long serialVersionUID = 1L;
        final AtomicInteger refreshes = new AtomicInteger();
        private final String token;

        CountingTokens(String token) {
            this.token = token;
        }

        @Override
        public String accessToken() {
            return token;
        }

        @Override
        public String refresh() {
            refreshes.incrementAndGet();
            return token;
        }
    }

    @BeforeAll
    static void startSimulator() {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withChannels(2).withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withClipDelay(CLIP_DELAY)).start();
        channel = sim.channels().get(0);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void openRequester() {
        tokens = new CountingTokens("simtoken");
        requester = open(FAST);
    }

    @AfterEach
    void closeAndDisarm() {
        requester.close();
        for (SimEndpoint endpoint : SimEndpoint.values()) {
            sim.failNext(endpoint, 0, 500);
        }
        sim.setLive(channel.login(), true);
    }

    private HelixClipRequester open(ClipSettings settings) {
        HelixClipRequester r = new HelixClipRequester(sim.helixBase(), CLIENT_ID, tokens, settings);
        r.open();
        return r;
    }

    private static Moment moment() {
        return new Moment(channel.id(), channel.login(), PEAK.minusSeconds(4).toEpochMilli(), PEAK.toEpochMilli(),
                PEAK.toEpochMilli(), 56, 20.0, 0.0, 36.0, "seed");
    }

    private Clip clipOf(Moment moment) throws Exception {
        return requester.request(moment).get(30, TimeUnit.SECONDS);
    }

    /** A Create Clip call outside the requester: shows whether an armed failure is still pending. */
    private static void createClipDirectly() {
        HelixClient helix = new HelixClient(sim.helixBase(), CLIENT_ID, () -> "simtoken", HttpClient.newHttpClient());
        helix.createClip(channel.id(), "probe", 30);
    }

    private static SimClip lastSimClip() {
        List<SimClip> clips = sim.clips();
        return clips.get(clips.size() - 1);
    }

    @Test
    void creates_the_clip_and_confirms_it_with_get_clips() throws Exception {
        int before = sim.clips().size();

        Clip clip = clipOf(moment());

        assertThat(sim.clips()).hasSize(before + 1);
        SimClip created = lastSimClip();
        assertThat(clip.status()).isEqualTo(ClipStatus.CREATED);
        assertThat(clip.clipId()).isEqualTo(created.id());
        assertThat(clip.url()).isEqualTo(created.url());
        assertThat(clip.editUrl()).isEqualTo(created.editUrl());
        assertThat(clip.title()).isEqualTo(channel.login() + ": chat spike, intensity 36.0").isEqualTo(created.title());
        assertThat(created.duration()).isEqualTo(30.0);
        assertThat(clip.momentId()).isEqualTo(moment().id());
        assertThat(clip.peakMs()).isEqualTo(PEAK.toEpochMilli());
        assertThat(clip.failureReason()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void retries_transient_statuses(int status) throws Exception {
        sim.failNext(SimEndpoint.CREATE_CLIP, 2, status);

        Clip clip = clipOf(moment());

        assertThat(clip.status()).isEqualTo(ClipStatus.CREATED);
        assertThat(clip.clipId()).isEqualTo(lastSimClip().id());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404})
    void fails_fast_on_client_errors(int status) throws Exception {
        int before = sim.clips().size();
        sim.failNext(SimEndpoint.CREATE_CLIP, 2, status);

        Clip clip = clipOf(moment());

        assertThat(clip.status()).isEqualTo(ClipStatus.FAILED);
        assertThat(clip.failureReason()).contains("HTTP " + status);
        assertThat(clip.clipId()).isNull();
        // Only one of the two armed failures was used: the requester did not try again.
        assertThatThrownBy(HelixClipRequesterTest::createClipDirectly)
                .isInstanceOfSatisfying(HelixException.class, e -> assertThat(e.status()).isEqualTo(status));
        assertThat(sim.clips()).hasSize(before);
    }

    @Test
    void a_channel_that_is_not_live_is_not_retried() throws Exception {
        sim.setLive(channel.login(), false);

        Clip clip = clipOf(moment());

        assertThat(clip.status()).isEqualTo(ClipStatus.FAILED);
        assertThat(clip.failureReason()).contains("HTTP 404");
    }

    @Test
    void gives_up_after_the_third_attempt() throws Exception {
        sim.failNext(SimEndpoint.CREATE_CLIP, 4, 503);

        Clip clip = clipOf(moment());

        assertThat(clip.status()).isEqualTo(ClipStatus.FAILED);
        assertThat(clip.failureReason()).contains("after 3 attempts").contains("503");
        // Exactly three armed failures were used; the fourth is still waiting.
        assertThatThrownBy(HelixClipRequesterTest::createClipDirectly)
                .isInstanceOfSatisfying(HelixException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void the_seed_schedule_tries_at_0_3_and_6_seconds() throws Exception {
        requester.close();
        // The real create schedule; the first confirmation poll brought forward from 5 s to 1 s.
        requester = open(ClipSettings.defaults().withConfirmPollOffsets(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2))));
        sim.failNext(SimEndpoint.CREATE_CLIP, 2, 503);

        long start = System.nanoTime();
        Clip clip = clipOf(moment());
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        // Third attempt at 6 s succeeds; the clip is ready 0.3 s later and seen by the 1 s poll.
        assertThat(clip.status()).isEqualTo(ClipStatus.CREATED);
        assertThat(tookMs).isBetween(6_000L + CLIP_DELAY.toMillis(), 9_500L);
    }

    @Test
    void a_401_refreshes_the_token_and_tries_once_more() throws Exception {
        sim.failNext(SimEndpoint.CREATE_CLIP, 1, 401);

        Clip clip = clipOf(moment());

        assertThat(clip.status()).isEqualTo(ClipStatus.CREATED);
        assertThat(tokens.refreshes).hasValue(1);
    }

    @Test
    void a_second_401_after_refreshing_fails() throws Exception {
        sim.failNext(SimEndpoint.CREATE_CLIP, 2, 401);

        Clip clip = clipOf(moment());

        assertThat(clip.status()).isEqualTo(ClipStatus.FAILED);
        assertThat(clip.failureReason()).contains("HTTP 401");
        assertThat(tokens.refreshes).hasValue(1);
    }

    @Test
    void a_clip_that_never_shows_up_in_get_clips_is_failed_with_its_id() throws Exception {
        requester.close();
        // Every poll comes before the simulator publishes the clip (0.3 s after creation).
        requester = open(FAST.withConfirmPollOffsets(List.of(Duration.ofMillis(20), Duration.ofMillis(100))));

        Clip clip = clipOf(moment());

        assertThat(clip.status()).isEqualTo(ClipStatus.FAILED);
        assertThat(clip.clipId()).isEqualTo(lastSimClip().id());
        assertThat(clip.url()).isNull();
        assertThat(clip.failureReason()).contains("did not return it");
    }

    @Test
    void a_clip_that_cannot_be_confirmed_stays_pending() throws Exception {
        sim.failNext(SimEndpoint.GET_CLIPS, 10, 500);

        Clip clip = clipOf(moment());

        assertThat(clip.status()).isEqualTo(ClipStatus.PENDING);
        assertThat(clip.clipId()).isEqualTo(lastSimClip().id());
        assertThat(clip.failureReason()).contains("could not confirm").contains("500");
    }

    @Test
    void without_a_user_token_the_moment_is_skipped_and_twitch_is_not_called() throws Exception {
        requester.close();
        tokens = new CountingTokens(null);
        requester = open(FAST);
        int before = sim.clips().size();

        Clip clip = clipOf(moment());

        assertThat(clip.status()).isEqualTo(ClipStatus.SKIPPED);
        assertThat(clip.failureReason()).contains("no user access token");
        assertThat(sim.clips()).hasSize(before);
    }
}
