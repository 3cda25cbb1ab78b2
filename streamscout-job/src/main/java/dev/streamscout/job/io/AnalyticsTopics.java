package dev.streamscout.job.io;

/**
 * The Kafka topics of the job besides chat.
 *
 * @param lifecycleTopic    stream starts, stops and viewer counts ({@code stream-lifecycle})
 * @param channelStatsTopic 10-minute message counts out ({@code channel-stats}, seed 003)
 * @param eventsTopic       raids, subs, announcements ({@code chat-events}): cause tags of moments
 * @param liveUpdatesTopic  per-second chat rate, moment and clip events for the API's live push
 *                          ({@code live-updates}); null: the job does not write them
 */
public record AnalyticsTopics(String lifecycleTopic, String channelStatsTopic, String eventsTopic,
        String liveUpdatesTopic) {

    public AnalyticsTopics {
        if (lifecycleTopic == null || lifecycleTopic.isBlank()) {
            throw new IllegalArgumentException("lifecycleTopic must not be blank");
        }
        if (channelStatsTopic == null || channelStatsTopic.isBlank()) {
            throw new IllegalArgumentException("channelStatsTopic must not be blank");
        }
        if (eventsTopic == null || eventsTopic.isBlank()) {
            throw new IllegalArgumentException("eventsTopic must not be blank");
        }
        if (liveUpdatesTopic != null && liveUpdatesTopic.isBlank()) {
            throw new IllegalArgumentException("liveUpdatesTopic must not be blank (null switches it off)");
        }
    }

    /** Without live updates. */
    public AnalyticsTopics(String lifecycleTopic, String channelStatsTopic, String eventsTopic) {
        this(lifecycleTopic, channelStatsTopic, eventsTopic, null);
    }

    /** These topics with live updates written to {@code topic} (null: not written). */
    public AnalyticsTopics withLiveUpdatesTopic(String topic) {
        return new AnalyticsTopics(lifecycleTopic, channelStatsTopic, eventsTopic, topic);
    }

    /** With the default {@code chat-events} topic. */
    public AnalyticsTopics(String lifecycleTopic, String channelStatsTopic) {
        this(lifecycleTopic, channelStatsTopic, AnalyticsKafkaIo.EVENTS_TOPIC);
    }

    /** {@code stream-lifecycle}, {@code channel-stats} and {@code chat-events}. */
    public static AnalyticsTopics defaults() {
        return new AnalyticsTopics(AnalyticsKafkaIo.LIFECYCLE_TOPIC, AnalyticsKafkaIo.CHANNEL_STATS_TOPIC,
                AnalyticsKafkaIo.EVENTS_TOPIC);
    }
}
