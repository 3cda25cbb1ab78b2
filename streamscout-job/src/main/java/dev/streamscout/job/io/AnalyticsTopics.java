package dev.streamscout.job.io;

/**
 * The Kafka topics of the job besides chat.
 *
 * @param lifecycleTopic    stream starts, stops and viewer counts ({@code stream-lifecycle})
 * @param channelStatsTopic 10-minute message counts out ({@code channel-stats}, seed 003)
 * @param eventsTopic       raids, subs, announcements ({@code chat-events}): cause tags of moments
 */
public record AnalyticsTopics(String lifecycleTopic, String channelStatsTopic, String eventsTopic) {

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
