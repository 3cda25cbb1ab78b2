package dev.streamscout.ingest.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/**
 * Against the real Redis on 127.0.0.1:6379 (skipped with the reason when it is not running, unless
 * {@code STREAMSCOUT_REQUIRE_SERVICES=1}). Every test writes under its own key prefix.
 */
class RedisOnlineStateTest {

    private static final URI REDIS = URI.create("redis://127.0.0.1:6379/0");
    /** Long, so that the expiries seen in these tests come from keyspace notifications. */
    private static final Duration NO_RECONCILE = Duration.ofHours(1);

    private final String prefix = "streamscout-test:" + UUID.randomUUID() + ":";
    private final List<String> expired = new CopyOnWriteArrayList<>();
    private final List<RedisOnlineState> states = new ArrayList<>();
    private JedisPooled redis;

    @BeforeEach
    void requireRedis() {
        try {
            redis = new JedisPooled(REDIS);
            redis.ping();
        } catch (RuntimeException e) {
            String reason = "Redis unreachable at " + REDIS + ": " + e.getMessage();
            if ("1".equals(System.getenv("STREAMSCOUT_REQUIRE_SERVICES"))) {
                fail(reason + " (STREAMSCOUT_REQUIRE_SERVICES=1)", e);
            }
            System.err.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    @AfterEach
    void cleanUp() {
        states.forEach(RedisOnlineState::close);
        if (redis != null) {
            redis.keys(prefix + "*").forEach(redis::del);
            redis.close();
        }
    }

    private RedisOnlineState state(Duration reconcileInterval) {
        RedisOnlineState state = new RedisOnlineState(REDIS, prefix, reconcileInterval);
        state.onExpiry((id, login) -> expired.add(id + "/" + login));
        states.add(state);
        return state;
    }

    @Test
    void aRefreshSaysWhetherTheChannelIsNewAndSetsTheTtl() {
        RedisOnlineState state = state(NO_RECONCILE);
        state.start();

        assertThat(state.refresh("42", "alpha", Duration.ofMinutes(5))).isTrue();
        assertThat(state.refresh("42", "alpha", Duration.ofMinutes(5))).isFalse();
        assertThat(state.refresh("7", "beta", Duration.ofMinutes(5))).isTrue();

        assertThat(state.isOnline("42")).isTrue();
        assertThat(state.onlineChannels()).containsExactlyInAnyOrderEntriesOf(Map.of("42", "alpha", "7", "beta"));
        assertThat(redis.pttl(prefix + "online:42")).isBetween(Duration.ofMinutes(4).toMillis(),
                Duration.ofMinutes(5).toMillis());
        assertThat(state.isHealthy()).isTrue();
        assertThat(state.describe()).contains("subscribed").contains(prefix);
    }

    @Test
    void anExpiredKeyIsReportedOnceWithItsLoginFromTheKeyspaceNotification() {
        RedisOnlineState state = state(NO_RECONCILE);
        state.start();
        state.refresh("42", "alpha", Duration.ofMillis(300));
        state.refresh("7", "beta", Duration.ofMinutes(5));

        await().atMost(Duration.ofSeconds(5)).until(() -> !expired.isEmpty());

        assertThat(expired).containsExactly("42/alpha");
        assertThat(state.isOnline("42")).isFalse();
        assertThat(state.onlineChannels()).containsOnlyKeys("7");
        assertThat(redis.hexists(prefix + "channels", "42")).isFalse();
        try (Jedis admin = new Jedis(REDIS)) {
            assertThat(admin.configGet("notify-keyspace-events").get("notify-keyspace-events")).contains("E")
                    .containsAnyOf("x", "A");
        }
    }

    @Test
    void aRemovedChannelIsNotReportedAsExpired() throws InterruptedException {
        RedisOnlineState state = state(NO_RECONCILE);
        state.start();
        state.refresh("42", "alpha", Duration.ofMillis(500));

        assertThat(state.remove("42")).isTrue();
        assertThat(state.remove("42")).isFalse();
        Thread.sleep(1_000);

        assertThat(expired).isEmpty();
    }

    @Test
    void twoMonitorsSharingThePrefixReportAnExpiryOnlyOnce() {
        RedisOnlineState first = state(NO_RECONCILE);
        RedisOnlineState second = state(NO_RECONCILE);
        first.start();
        second.start();

        first.refresh("42", "alpha", Duration.ofMillis(200));

        await().atMost(Duration.ofSeconds(5)).until(() -> !expired.isEmpty());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> expired.size() == 1);
        assertThat(expired).containsExactly("42/alpha");
    }

    @Test
    void expiriesMissedWhileNobodyListenedAreFoundOnSubscription() throws InterruptedException {
        RedisOnlineState before = state(NO_RECONCILE);
        before.refresh("42", "alpha", Duration.ofMillis(100)); // written, never started: no subscriber
        before.close();
        states.remove(before);
        await().atMost(Duration.ofSeconds(5)).until(() -> !redis.exists(prefix + "online:42"));
        assertThat(expired).isEmpty();

        RedisOnlineState after = state(NO_RECONCILE);
        after.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> !expired.isEmpty());
        assertThat(expired).containsExactly("42/alpha");
    }

    @Test
    void theExpiryFlagsAreAddedToWhatTheServerHas() {
        assertThat(RedisOnlineState.withExpiryFlags("")).isEqualTo("Ex");
        assertThat(RedisOnlineState.withExpiryFlags("KEA")).isEqualTo("KEA");
        assertThat(RedisOnlineState.withExpiryFlags("Kg")).isEqualTo("KgEx");
        assertThat(RedisOnlineState.withExpiryFlags("Ex")).isEqualTo("Ex");
    }

    @Test
    void badUrlsAreRejectedWithTheFix() {
        assertThatThrownBy(() -> new RedisOnlineState(URI.create("http://127.0.0.1:6379"), prefix))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://");
        assertThatThrownBy(() -> RedisOnlineState.dbIndex(URI.create("redis://h:1/zero")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database number");
        assertThat(RedisOnlineState.dbIndex(URI.create("redis://h:1/3"))).isEqualTo(3);
        assertThat(RedisOnlineState.dbIndex(URI.create("redis://h:1"))).isZero();
    }

    @Test
    void anUnreachableRedisStopsTheStartWithTheVariableNamed() {
        RedisOnlineState nowhere = new RedisOnlineState(URI.create("redis://127.0.0.1:1/0"), prefix);
        try {
            assertThatThrownBy(nowhere::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("REDIS_URL").hasMessageContaining("127.0.0.1:1");
            assertThat(nowhere.isHealthy()).isFalse();
        } finally {
            nowhere.close();
        }
    }
}
