package dev.streamscout.app.wiring;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Health of the Kafka cluster as the API reports it: the cluster answers a describe-cluster
 * request within two seconds. The admin client is created lazily and kept, so a probe is one
 * round trip, not a new connection.
 */
final class KafkaHealthProbe implements BooleanSupplier, AutoCloseable {

    private static final int TIMEOUT_MS = 2000;

    private final String bootstrapServers;
    private Admin admin;

    KafkaHealthProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public synchronized boolean getAsBoolean() {
        try {
            if (admin == null) {
                admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS));
            }
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
        }
    }
}
