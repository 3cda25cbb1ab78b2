package dev.streamscout.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.ChannelDetector;
import dev.streamscout.core.detect.SpikeDetector;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.Moment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job's path (per channel-second summaries built in the source's tasks, serialized across
 * {@code keyBy} and merged into the detector's keyed state) and offline analysis ({@link ChannelDetector},
 * message by message) find the same moments with the same explanations (chatters, words, emotes,
 * samples) on the same chat: the pre-aggregation, its serializer and the explanation read from kept
 * lines change nothing that a moment says.
 */
class PreAggregatedMatchesOfflineTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final long START_MS = ChatFixtures.BEGINNING.toEpochMilli();
    private static final String[] LINES = {"LUL LUL LUL", "nice play", "NICE PLAY", "gg", "ㅋㅋㅋㅋㅋㅋ", "Kappa Kappa",
        "what is this", "@someone hi https://x.y", "POGGERS", "same same same", "nice play", "  spaced   out  ",
        "!!!!!", "Pog!! wow... insane", "KEKW that was close", "   ", "a long line " + "x".repeat(230)};
    private static final String[] EMOTES = {"Kappa", "LUL", "PogChamp", "KEKW"};

    /** Six channels at 0.3-25 msg/s for 8 minutes, each with two bursts of 4-10x after the warm-up. */
    private static List<ChatMessage> chat() {
        SplittableRandom random = new SplittableRandom(42);
        List<ChatMessage> all = new ArrayList<>();
        double[] rates = {25, 8, 3, 1, 0.6, 0.3};
        int seconds = 480;
        for (int c = 0; c < rates.length; c++) {
            String channel = "90" + c;
            long[] bursts = {120 + 37L * c, 300 + 23L * c};
            for (int s = 0; s < seconds; s++) {
                double rate = rates[c];
                for (long burst : bursts) {
                    if (s >= burst && s < burst + 10) {
                        rate *= 4 + c;
                    }
                }
                int n = (int) rate + (random.nextDouble() < rate - (int) rate ? 1 : 0);
                for (int i = 0; i < n; i++) {
                    String user = "user" + random.nextInt(20 + (int) (rates[c] * 10));
                    String text = LINES[random.nextInt(LINES.length)];
                    List<String> emotes = random.nextInt(3) == 0 ? List.of(EMOTES[random.nextInt(EMOTES.length)],
                            EMOTES[random.nextInt(EMOTES.length)]) : List.of();
                    if (random.nextInt(50) == 0) {
                        text = "!command";
                    }
                    long at = START_MS + s * 1000L + random.nextInt(1000);
                    all.add(new ChatMessage(channel, "ch" + c, "id-" + user, random.nextInt(30) == 0 ? "" : user, user,
                            text, at, emotes, "m" + all.size()));
                }
            }
        }
        all.sort(Comparator.comparingLong(ChatMessage::timestamp));
        return all;
    }

    @Test
    void the_job_and_offline_analysis_find_the_same_explained_moments() throws Exception {
        JobSettings settings = JobSettings.defaults().withClippingEnabled(false).withWarmup(Duration.ofSeconds(60));
        List<ChatMessage> chat = chat();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CollectingSink<Moment> fromJob = new CollectingSink<>();
        HighlightJob.Outputs outputs = HighlightJob.define(env, env.fromData(new ArrayList<>(chat)).name("chat"),
                settings, moment -> CompletableFuture.failedFuture(new IllegalStateException("off")),
                new DiscardingSink<Clip>());
        outputs.moments().sinkTo(fromJob);
        env.execute("pre-aggregated-vs-offline");

        List<Moment> offline = offline(settings.spikeDetector(), chat, settings.channelStateRetention().toMillis());

        Comparator<Moment> order = Comparator.comparing(Moment::channelId).thenComparingLong(Moment::peakMs);
        List<Moment> job = new ArrayList<>(fromJob.results());
        job.sort(order);
        offline.sort(order);
        assertThat(offline).as("moments offline").hasSizeGreaterThanOrEqualTo(6);
        assertThat(offline).anySatisfy(m -> assertThat(m.sampleMessages()).isNotEmpty());
        assertThat(job).containsExactlyElementsOf(offline);
    }

    private static <S> List<Moment> offline(SpikeDetector<S> detector, List<ChatMessage> chat, long quietTailMs) {
        Map<String, ChannelDetector<S>> channels = new LinkedHashMap<>();
        List<Moment> moments = new ArrayList<>();
        for (ChatMessage message : chat) {
            channels.computeIfAbsent(message.channelId(),
                    id -> new ChannelDetector<>(detector, id, message.channelLogin())).accept(message);
        }
        channels.values().forEach(channel -> channel.finish(quietTailMs, moments::add));
        return moments;
    }
}
