package dev.streamscout.job.io;

/**
 * The Kafka topics of the analytics besides chat.
 *
 * @param lifecycleTopic    stream starts, stops and viewer counts ({@code stream-lifecycle})
 * @param channelStatsTopic 10-minute message counts out ({@code channel-stats}, seed 003)
 */
public record AnalyticsTopics(String lifecycleTopic, String channelStatsTopic) {

    public AnalyticsTopics {
        if (lifecycleTopic == null || lifecycleTopic.isBlank()) {
            throw new IllegalArgumentException("lifecycleTopic must not be blank");
        }
        if (channelStatsTopic == null || channelStatsTopic.isBlank()) {
            throw new IllegalArgumentException("channelStatsTopic must not be blank");
        }
    }

    /** {@code stream-lifecycle} and {@code channel-stats}. */
    public static AnalyticsTopics defaults() {
        return new AnalyticsTopics(AnalyticsKafkaIo.LIFECYCLE_TOPIC, AnalyticsKafkaIo.CHANNEL_STATS_TOPIC);
    }
}
