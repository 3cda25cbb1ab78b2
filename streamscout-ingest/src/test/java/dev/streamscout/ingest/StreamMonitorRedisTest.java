package dev.streamscout.ingest;

import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.OFFLINE;
import static dev.streamscout.core.stream.StreamLifecycleEvent.Type.ONLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.ingest.online.RedisOnlineState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The monitor with its online state in the real Redis on 127.0.0.1:6379: a stream nobody refreshes
 * within its TTL (here: the monitor polls once, then not for an hour) is reported offline by the
 * key's expiry notification. While the monitor polls, a stream that leaves the ranking is asked for by
 * login instead (StreamMonitorTest).
 */
class StreamMonitorRedisTest {

    private static final URI REDIS = URI.create("redis://127.0.0.1:6379/0");

    @Test
    void aStreamNotSeenForItsTtlGoesOfflineThroughTheRedisExpiry() {
        String prefix = "streamscout-test:" + UUID.randomUUID() + ":";
        try (JedisPooled redis = new JedisPooled(REDIS)) {
            try {
                redis.ping();
            } catch (RuntimeException e) {
                String reason = "Redis unreachable at " + REDIS + ": " + e.getMessage();
                if ("1".equals(System.getenv("STREAMSCOUT_REQUIRE_SERVICES"))) {
                    fail(reason + " (STREAMSCOUT_REQUIRE_SERVICES=1)", e);
                }
                System.err.println("SKIPPED: " + reason);
                Assumptions.abort(reason);
            }
            StreamStatus alpha = new StreamStatus("42", "alpha", "Alpha", 900, Instant.now(), "t", "g");
            AtomicReference<List<StreamStatus>> live = new AtomicReference<>(List.of(alpha));
            List<StreamLifecycleEvent> events = new CopyOnWriteArrayList<>();
            LiveStreams twitch = new LiveStreams() {
                @Override
                public List<StreamStatus> topStreams(int limit) {
                    return live.get();
                }

                @Override
                public List<StreamStatus> streamsByLogin(Collection<String> logins) {
                    throw new AssertionError("top-N mode asks the global top");
                }
            };
            ChatRoomControl rooms = new ChatRoomControl() {
                private final Set<String> joined = new java.util.concurrent.ConcurrentSkipListSet<>();

                @Override
                public void join(String login) {
                    joined.add(login);
                }

                @Override
                public void part(String login) {
                    joined.remove(login);
                }

                @Override
                public Set<String> joinedChannels() {
                    return Set.copyOf(joined);
                }
            };
            StreamMonitor monitor = StreamMonitor.builder(twitch, rooms, events::add)
                    .onlineState(new RedisOnlineState(REDIS, prefix, Duration.ofHours(1)))
                    .onlineTtl(Duration.ofMillis(800))
                    .pollInterval(Duration.ofHours(1))
                    .build();
            try {
                monitor.start();
                await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 1);
                assertThat(events.get(0).type()).isEqualTo(ONLINE);
                assertThat(redis.exists(prefix + "online:42")).isTrue();

                // No poll refreshes it now: after the 800 ms TTL Redis expires the key and notifies the monitor.
                await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(e -> e.type() == OFFLINE));
                StreamLifecycleEvent offline = events.stream().filter(e -> e.type() == OFFLINE).findFirst().orElseThrow();
                assertThat(offline.channelId()).isEqualTo("42");
                assertThat(offline.login()).isEqualTo("alpha");
                assertThat(monitor.expiries()).isEqualTo(1);
                assertThat(monitor.onlineChannelIds()).isEmpty();
            } finally {
                monitor.close();
                redis.keys(prefix + "*").forEach(redis::del);
            }
        }
    }
}
