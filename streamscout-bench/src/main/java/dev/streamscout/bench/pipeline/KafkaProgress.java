package dev.streamscout.bench.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the chat topic has been written and read: the sum of its partitions' end offsets (what ingest
 * wrote), and the sum of the offsets the highlight job's source has read ({@link SourceOffsets}).
 */
final class KafkaProgress implements AutoCloseable {

    /** One reading at {@code wallMs}. */
    record Sample(long wallMs, long written, long processed) {}

    private final Admin admin;
    private final String topic;
    private final SourceOffsets job;

    KafkaProgress(String bootstrap, String topic, SourceOffsets job) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.topic = topic;
        this.job = job;
    }

    Sample sample() throws Exception {
        long now = System.currentTimeMillis();
        // The job's side first: what it read was then written, so the backlog is never negative.
        long processed = job.read();
        Collection<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        long written = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(r -> r.offset()).sum();
        return new Sample(now, written, processed);
    }

    @Override
    public void close() {
        admin.close();
    }
}
