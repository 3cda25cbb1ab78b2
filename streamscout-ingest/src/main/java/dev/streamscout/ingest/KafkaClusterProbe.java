package dev.streamscout.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka cluster answers a describe-cluster request within two seconds. Ingest's
 * producer only notices an outage when it has something to send; this probe also tells a quiet
 * service. The answer is cached for a few seconds so that frequent health checks cost one round
 * trip at most every {@link #CACHE_FOR}.
 */
final class KafkaClusterProbe implements AutoCloseable {

    static final Duration CACHE_FOR = Duration.ofSeconds(3);
    private static final int TIMEOUT_MS = 2_000;

    private final String bootstrapServers;
    private Admin admin;
    private long checkedAtNanos;
    private boolean lastAnswer;
    private String lastError = "";

    KafkaClusterProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** True when a broker answered recently. Never throws. */
    synchronized boolean reachable() {
        long now = System.nanoTime();
        if (admin != null && now - checkedAtNanos < CACHE_FOR.toNanos()) {
            return lastAnswer;
        }
        try {
            if (admin == null) {
                admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
            }
            lastAnswer = !admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).isEmpty();
            lastError = "";
        } catch (Exception e) {
            lastAnswer = false;
            lastError = e.getCause() != null ? e.getCause().toString() : e.toString();
        }
        checkedAtNanos = System.nanoTime();
        return lastAnswer;
    }

    synchronized String lastError() {
        return lastError;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
