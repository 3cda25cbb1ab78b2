package dev.streamscout.job.io;

import dev.streamscout.core.live.LiveEventJson;
import dev.streamscout.core.live.LiveUpdate;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The {@code live-updates} writer: one JSON event per record in the wire form of
 * {@link LiveEventJson} (what the API pushes unchanged), keyed by channel id.
 *
 * <p>Delivery is best effort ({@link DeliveryGuarantee#NONE}): a live chart that misses a second
 * during a failure is fine, while flushing on every checkpoint would put the dashboard's feed on
 * the job's critical path. A short linger keeps the per-second records moving in small batches.
 */
public final class LiveUpdatesKafkaSink {

    public static final String TOPIC = "live-updates";

    private LiveUpdatesKafkaSink() {}

    public static KafkaSink<LiveUpdate> create(String bootstrapServers, String topic) {
        Properties producer = new Properties();
        producer.setProperty(ProducerConfig.LINGER_MS_CONFIG, "20");
        return KafkaSink.<LiveUpdate>builder()
                .setBootstrapServers(bootstrapServers)
                .setKafkaProducerConfig(producer)
                .setDeliveryGuarantee(DeliveryGuarantee.NONE)
                .setRecordSerializer(new Serializer(topic))
                .build();
    }

    /** Key = channel id, value = the event's JSON. */
    static final class Serializer implements KafkaRecordSerializationSchema<LiveUpdate> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        Serializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(LiveUpdate update, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, null, timestamp, update.channelId().getBytes(StandardCharsets.UTF_8),
                    LiveEventJson.write(update).getBytes(StandardCharsets.UTF_8));
        }
    }
}
