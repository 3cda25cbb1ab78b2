package dev.streamscout.bench.pipeline;

import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.RawConfig;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.app.wiring.AllInOne;
import dev.streamscout.bench.e2e.CpuClock;
import dev.streamscout.core.json.Json;
import dev.streamscout.sim.SimulatorSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Child JVM of the pipeline bench: the shipped all-in-one (Twitch simulator → IRC → ingest → embedded
 * Kafka → Flink job → H2 store) at one offered chat rate, measured at the chat topic: what ingest wrote
 * to it and what the job read from it.
 *
 * <p>Arguments: {@code rate channels warmupSeconds measureSeconds dataDir resultFile}. After the warm-up
 * the chat topic's end offsets (what ingest wrote) and the offsets the job's Kafka source has read (from
 * its Prometheus reporter, see {@link SourceOffsets}) are sampled at the start and end of the measured
 * span. Checkpoints run at the product's default interval.
 */
public final class PipelineMain {

    private PipelineMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: PipelineMain RATE CHANNELS WARMUP_S MEASURE_S DATA_DIR RESULT_FILE");
            System.exit(2);
        }
        double rate = Double.parseDouble(args[0]);
        int channels = Integer.parseInt(args[1]);
        long warmupMs = Long.parseLong(args[2]) * 1000;
        long measureMs = Long.parseLong(args[3]) * 1000;
        int prometheusPort = freePort();
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(null, Map.of(), overrides(Path.of(args[4]),
                channels, prometheusPort)));
        SimulatorSettings simulator = SimulatorSettings.defaults().withSeed(1).withChannels(channels)
                .withTotalChatRatePerSecond(rate).withScheduleHypeMoments(true);
        AllInOne app = AllInOne.startDemo(config, simulator);
        try (KafkaProgress kafka = new KafkaProgress(app.endpoints().kafkaBootstrapServers(), config.chatTopic(),
                new SourceOffsets(prometheusPort, config.chatTopic()))) {
            Thread.sleep(warmupMs);
            KafkaProgress.Sample start = kafka.sample();
            long cpuStart = CpuClock.processCpuNanos();
            Thread.sleep(measureMs);
            KafkaProgress.Sample end = kafka.sample();
            long cpu = CpuClock.processCpuNanos() - cpuStart;
            PipelineResult result = PipelineResult.of(rate, channels, start, end, cpu);
            Files.write(Path.of(args[5]), Json.toBytes(result));
        }
        System.exit(0); // measured; the shutdown of every part is not the subject
    }

    // Chosen here rather than by the reporter (port 0 switches it off) because the bench must know it.
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Map<ConfigKey, String> overrides(Path dataDir, int channels, int prometheusPort) {
        Map<ConfigKey, String> o = new EnumMap<>(ConfigKey.class);
        o.put(ConfigKey.DATA_DIR, dataDir.toString());
        o.put(ConfigKey.HTTP_PORT, "0");
        o.put(ConfigKey.KAFKA_EMBEDDED_PORT, "0");
        o.put(ConfigKey.FLINK_WEB_PORT, "0");
        o.put(ConfigKey.FLINK_PROMETHEUS_PORT, Integer.toString(prometheusPort));
        o.put(ConfigKey.INGEST_HEALTH_PORT, "0");
        o.put(ConfigKey.INGEST_METRICS_PORT, "0");
        // Every simulated channel is joined: all of the offered chat flows through the pipeline.
        o.put(ConfigKey.JOIN_THRESHOLD, Integer.toString(channels));
        o.put(ConfigKey.LEAVE_THRESHOLD, Integer.toString(channels * 2));
        o.put(ConfigKey.POLL_INTERVAL, "PT5S");
        o.put(ConfigKey.CHAT_TOPIC_PARTITIONS, "4");
        o.put(ConfigKey.LIFECYCLE_TOPIC_PARTITIONS, "4");
        o.put(ConfigKey.DETECTOR_WARMUP, "PT30S");
        // The dashboard's per-second live topic is off, as its key's description advises for benchmarks.
        o.put(ConfigKey.JOB_LIVE_UPDATES_ENABLED, "false");
        o.put(ConfigKey.LOG_LEVEL, "WARN");
        return o;
    }
}
