package dev.streamscout.api.streams;

import dev.streamscout.store.ChannelIdentity;
import dev.streamscout.store.ChatMinuteSummary;
import dev.streamscout.store.ViewerSample;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Folds a channel's per-minute chat summaries and viewer samples into fixed-size buckets.
 *
 * <p>Every bucket of the range is present, with zero messages when chat was silent or not recorded,
 * so a chart shows gaps as gaps instead of drawing a line across them. The top chatters and emotes
 * add up the per-minute top-5 lists the job stores, so they are exact for whoever made a minute's top
 * 5 and undercount the rest.
 */
final class MetricsBuckets {

    /** How many chatters and emotes the top lists show. */
    static final int TOP = 10;

    private MetricsBuckets() {}

    static StreamMetrics build(ChannelIdentity channel, MetricsQuery query, List<ChatMinuteSummary> minutes,
            List<ViewerSample> viewerSamples) {
        long fromMs = query.from().toEpochMilli();
        long widthMs = query.resolutionSeconds() * 1000L;
        int size = (int) Math.max(1, (query.to().toEpochMilli() - fromMs + widthMs - 1) / widthMs);
        long[] messages = new long[size];
        int[] unique = new int[size];
        double[] sentimentSum = new double[size];
        Integer[] viewers = new Integer[size];
        Map<String, Long> chatters = new HashMap<>();
        Map<String, Long> emotes = new HashMap<>();

        for (ChatMinuteSummary minute : minutes) {
            int i = index(minute.minuteMs(), fromMs, widthMs, size);
            if (i < 0) {
                continue;
            }
            messages[i] += minute.messageCount();
            unique[i] = Math.max(unique[i], minute.uniqueChatters());
            sentimentSum[i] += minute.sentimentScore() * minute.messageCount();
            minute.topChatters().forEach((login, n) -> chatters.merge(login, (long) n, Long::sum));
            minute.topEmotes().forEach((emote, n) -> emotes.merge(emote, (long) n, Long::sum));
        }
        // Samples come oldest first, so the last one written into a bucket is its latest.
        for (ViewerSample sample : viewerSamples) {
            int i = index(sample.observedAt().toEpochMilli(), fromMs, widthMs, size);
            if (i >= 0) {
                viewers[i] = sample.viewerCount();
            }
        }

        List<MetricPoint> points = new java.util.ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Double sentiment = messages[i] == 0 ? null : sentimentSum[i] / messages[i];
            points.add(new MetricPoint(Instant.ofEpochMilli(fromMs + i * widthMs), messages[i], unique[i], sentiment,
                    viewers[i]));
        }
        return new StreamMetrics(channel.channelId(), channel.login(), query.from(), query.to(),
                query.resolutionSeconds(), points, top(chatters, ChatterCount::new), top(emotes, EmoteCount::new));
    }

    private static int index(long atMs, long fromMs, long widthMs, int size) {
        if (atMs < fromMs) {
            return -1;
        }
        long i = (atMs - fromMs) / widthMs;
        return i < size ? (int) i : -1;
    }

    private static <T> List<T> top(Map<String, Long> counts, BiFunction<String, Long, T> view) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .map(e -> view.apply(e.getKey(), e.getValue()))
                .toList();
    }
}
