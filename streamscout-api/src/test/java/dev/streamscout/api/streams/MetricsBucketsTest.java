package dev.streamscout.api.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.store.ChannelIdentity;
import dev.streamscout.store.ChatMinuteSummary;
import dev.streamscout.store.ViewerSample;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsBucketsTest {

    private static final Instant TEN = Instant.parse("2026-01-11T10:00:00Z");
    private static final ChannelIdentity CHANNEL = new ChannelIdentity("1", "one");

    private static ChatMinuteSummary minute(int minuteOffset, int messages, int unique, double sentiment,
            Map<String, Integer> chatters) {
        return new ChatMinuteSummary("1", "one", TEN.plusSeconds(60L * minuteOffset).toEpochMilli(), messages, unique,
                chatters, Map.of(), sentiment);
    }

    @Test
    void aRangeThatIsNotAMultipleOfTheResolutionEndsWithAPartialBucket() {
        var query = new MetricsQuery(TEN, TEN.plusSeconds(301), 300);

        StreamMetrics metrics = MetricsBuckets.build(CHANNEL, query,
                List.of(minute(0, 5, 1, 1.0, Map.of()), minute(5, 7, 2, -1.0, Map.of())), List.of());

        assertThat(metrics.points()).extracting(MetricPoint::messages).containsExactly(5L, 7L);
        assertThat(metrics.points()).extracting(MetricPoint::sentiment).containsExactly(1.0, -1.0);
    }

    @Test
    void rowsOutsideTheRangeAreIgnoredAndTheLatestViewerSampleWins() {
        var query = new MetricsQuery(TEN, TEN.plusSeconds(120), 60);
        List<ViewerSample> viewers = List.of(new ViewerSample("1", TEN.minusSeconds(1), 1),
                new ViewerSample("1", TEN.plusSeconds(10), 100), new ViewerSample("1", TEN.plusSeconds(50), 90),
                new ViewerSample("1", TEN.plusSeconds(120), 5));

        StreamMetrics metrics = MetricsBuckets.build(CHANNEL, query,
                List.of(minute(-1, 1000, 9, 0, Map.of()), minute(1, 3, 3, 0.2, Map.of()), minute(2, 1000, 9, 0, Map.of())),
                viewers);

        assertThat(metrics.points()).extracting(MetricPoint::viewers).containsExactly(90, null);
        assertThat(metrics.points()).extracting(MetricPoint::messages).containsExactly(0L, 3L);
        assertThat(metrics.points()).extracting(MetricPoint::uniqueChatters).containsExactly(0, 3);
    }

    @Test
    void topChattersAreSummedRankedAndCutAtTen() {
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> second = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            first.put("user" + i, i);
        }
        second.put("user0", 100);
        second.put("user5", 5);
        var query = new MetricsQuery(TEN, TEN.plusSeconds(120), 60);

        StreamMetrics metrics = MetricsBuckets.build(CHANNEL, query,
                List.of(minute(0, 1, 1, 0, first), minute(1, 1, 1, 0, second)), List.of());

        assertThat(metrics.topChatters()).hasSize(MetricsBuckets.TOP);
        // Ties are broken by name so that the answer is stable.
        assertThat(metrics.topChatters().subList(0, 4)).containsExactly(new ChatterCount("user0", 100),
                new ChatterCount("user11", 11), new ChatterCount("user10", 10), new ChatterCount("user5", 10));
        assertThat(metrics.topChatters()).extracting(ChatterCount::login).doesNotContain("user1", "user2");
    }
}
