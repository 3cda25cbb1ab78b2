package dev.streamscout.bench.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The single-node Kafka broker of the Kafka Streams peer, started once in the harness JVM when that
 * engine runs. Living here keeps the broker's CPU out of the engine's process CPU time (the figure
 * is the Streams application's cost); the broker still competes for the same two cores while it runs.
 */
final class BenchBroker implements AutoCloseable {

    private KafkaClusterTestKit cluster;
    private int topics;

    /**
     * Gets the chat topic of one run ready and returns the system properties the engine reads.
     *
     * @param preload true: fill the topic from {@code chat} now, before the engine starts (unpaced run)
     */
    List<String> prepare(String engine, String runTag, Path chat, boolean preload) throws Exception {
        if (!"kafka-streams".equals(engine)) {
            return List.of();
        }
        String bootstrap = start();
        String topic = "chat-" + runTag + "-" + (++topics);
        if (preload) {
            ChatTopic.preload(bootstrap, topic, chat);
        } else {
            ChatTopic.create(bootstrap, topic);
        }
        List<String> properties = new ArrayList<>();
        properties.add("bench.kafka.bootstrap=" + bootstrap);
        properties.add("bench.kafka.topic=" + topic);
        properties.add("bench.kafka.preloaded=" + preload);
        return properties;
    }

    private String start() throws Exception {
        if (cluster == null) {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "2")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            try {
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
            } catch (Exception e) {
                kit.close();
                throw e;
            }
            cluster = kit;
        }
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            KafkaClusterTestKit kit = cluster;
            cluster = null; // the kit throws on a second close
            kit.close();
        }
    }
}
