package dev.streamscout.api.live;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the {@link LiveFeed} reads from.
 *
 * @param bootstrapServers   Kafka bootstrap servers
 * @param liveUpdatesTopic   the job's per-second events ({@code live-updates})
 * @param lifecycleTopic     ingest's stream events, for viewer counts ({@code stream-lifecycle})
 * @param discoveryInterval  how often partitions (and topics created after the start) are looked for
 * @param consumerProperties further consumer properties (security settings, client id, ...)
 */
public record LiveFeedSettings(String bootstrapServers, String liveUpdatesTopic, String lifecycleTopic,
        Duration discoveryInterval, Map<String, String> consumerProperties) {

    public static final String LIVE_UPDATES_TOPIC = "live-updates";
    public static final String LIFECYCLE_TOPIC = "stream-lifecycle";

    public LiveFeedSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(liveUpdatesTopic, "liveUpdatesTopic");
        Objects.requireNonNull(lifecycleTopic, "lifecycleTopic");
        Objects.requireNonNull(discoveryInterval, "discoveryInterval");
        consumerProperties = Map.copyOf(consumerProperties);
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
    }

    /** The default topics, partitions looked for every 10 s. */
    public static LiveFeedSettings of(String bootstrapServers) {
        return new LiveFeedSettings(bootstrapServers, LIVE_UPDATES_TOPIC, LIFECYCLE_TOPIC, Duration.ofSeconds(10),
                Map.of());
    }

    public LiveFeedSettings withTopics(String liveUpdates, String lifecycle) {
        return new LiveFeedSettings(bootstrapServers, liveUpdates, lifecycle, discoveryInterval, consumerProperties);
    }

    public LiveFeedSettings withDiscoveryInterval(Duration interval) {
        return new LiveFeedSettings(bootstrapServers, liveUpdatesTopic, lifecycleTopic, interval, consumerProperties);
    }
}
