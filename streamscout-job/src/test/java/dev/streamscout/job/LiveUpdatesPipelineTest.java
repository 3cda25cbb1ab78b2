package dev.streamscout.job;

import static dev.streamscout.job.ChatFixtures.BEGINNING;
import static dev.streamscout.job.ChatFixtures.CALM_ID;
import static dev.streamscout.job.ChatFixtures.HYPE_ID;
import static dev.streamscout.job.ChatFixtures.ONE_MINUTE;
import static dev.streamscout.job.ChatFixtures.TWO_MINUTES;
import static dev.streamscout.job.ChatFixtures.burst;
import static dev.streamscout.job.ChatFixtures.inTimeOrder;
import static dev.streamscout.job.ChatFixtures.steady;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.live.LiveUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job with a live-updates sink: chat rates, the moment's start and peak, and its clip outcome. */
class LiveUpdatesPipelineTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = PipelineCluster.extension();

    private static final Instant BURST = BEGINNING.plus(TWO_MINUTES);

    @Test
    void live_update_is_a_flink_pojo_without_kryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(LiveUpdate.class);
        assertThat(TypeInformation.of(LiveUpdate.class)).isInstanceOf(PojoTypeInfo.class);
    }

    @Test
    void the_job_writes_chat_rates_moment_events_and_the_clip_outcome() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PipelineCluster.PARALLELISM);
        CollectingSink<Clip> clips = new CollectingSink<>();
        CollectingSink<LiveUpdate> live = new CollectingSink<>();
        List<ChatMessage> chat = inTimeOrder(
                steady(HYPE_ID, 4, BEGINNING, TWO_MINUTES.plus(ONE_MINUTE)),
                burst(HYPE_ID, 40, BURST, Duration.ofMillis(20)),
                steady(CALM_ID, 2, BEGINNING, TWO_MINUTES.plus(ONE_MINUTE)));
        JobSettings settings = JobSettings.defaults().withProfile(JobSettings.SEED_PROFILE).withClippingEnabled(false);

        HighlightJob.define(env, env.fromData(new ArrayList<>(chat)).name("scripted chat"), null, settings,
                moment -> new CompletableFuture<>(), HighlightJob.Sinks.clipsOnly(clips).withLiveUpdates(live));
        env.execute("live-updates-test");

        List<LiveUpdate> updates = live.results();
        String momentId = Moment.momentId(HYPE_ID, BURST.toEpochMilli());
        assertThat(updates).filteredOn(u -> u.type().equals(LiveUpdate.CHAT_RATE) && u.channelId().equals(HYPE_ID)
                        && u.timeMs() == BURST.toEpochMilli())
                .singleElement().satisfies(u -> assertThat(u.messages()).isEqualTo(44));
        // Every chatty second of both channels, once (the bounded input then closes quiet seconds too).
        for (String channel : List.of(HYPE_ID, CALM_ID)) {
            assertThat(updates).filteredOn(u -> u.type().equals(LiveUpdate.CHAT_RATE) && u.channelId().equals(channel)
                            && u.messages() > 0)
                    .extracting(LiveUpdate::timeMs).doesNotHaveDuplicates().hasSize(180);
        }
        assertThat(updates).filteredOn(u -> u.type().equals(LiveUpdate.MOMENT_PEAK))
                .singleElement().satisfies(u -> assertThat(u.momentId()).isEqualTo(momentId));
        assertThat(updates).filteredOn(u -> u.type().equals(LiveUpdate.MOMENT_STARTED))
                .singleElement().satisfies(u -> assertThat(u.momentId()).isEqualTo(momentId));
        assertThat(updates).filteredOn(u -> u.type().equals(LiveUpdate.CLIP_READY))
                .singleElement().satisfies(u -> {
                    assertThat(u.momentId()).isEqualTo(momentId);
                    assertThat(u.clip().status()).isEqualTo(ClipStatus.SKIPPED);
                });
    }
}
