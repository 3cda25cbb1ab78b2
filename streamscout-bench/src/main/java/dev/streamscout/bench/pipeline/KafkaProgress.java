package dev.streamscout.bench.pipeline;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the chat topic has been written and read: the sum of its partitions' end offsets, and the
 * sum of the offsets the highlight job's consumer group committed on it.
 */
final class KafkaProgress implements AutoCloseable {

    /** One reading at {@code wallMs}. */
    record Sample(long wallMs, long written, long processed) {}

    private final Admin admin;
    private final String topic;

    KafkaProgress(String bootstrap, String topic) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.topic = topic;
    }

    Sample sample() throws Exception {
        long now = System.currentTimeMillis();
        Collection<TopicPartition> partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        long written = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(r -> r.offset()).sum();
        long processed = 0;
        // The job's group is whichever group holds offsets on the chat topic (its KafkaSource commits on checkpoints).
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            processed += offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
        return new Sample(now, written, processed);
    }

    @Override
    public void close() {
        admin.close();
    }
}
