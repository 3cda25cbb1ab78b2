package dev.streamscout.bench.scale;

import dev.streamscout.bench.workload.ChatWorkload;
import dev.streamscout.bench.workload.WorkloadSpec;
import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.ChannelDetector;
import dev.streamscout.core.detect.DefaultDetectorParams;
import dev.streamscout.core.detect.DefaultDetectorState;
import dev.streamscout.core.detect.DefaultSpikeDetector;
import dev.streamscout.core.detect.MomentExplainer;
import dev.streamscout.core.detect.RecentChat;
import dev.streamscout.core.detect.SecondBucket;
import dev.streamscout.core.detect.SeedDetectorState;
import dev.streamscout.core.detect.SeedDetectorParams;
import dev.streamscout.core.detect.SeedSpikeDetector;
import dev.streamscout.job.detect.RecentChatSerializer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Detector state for many channels: fills the per-channel detection state (detector state, the
 * explainer's recent seconds and the open seconds, as the Flink operator keeps them on the heap) for
 * {@code channels} channels from Zipf-popular chat, then measures the heap after a full GC, and the
 * serialized (checkpoint) size of the state per channel with Flink's own serializers.
 *
 * <p>Run in a JVM of its own (the heap delta is everything this process allocated and kept).
 */
public final class StateFootprint {

    /** Measured figures. */
    public record Result(int channels, long messages, long heapBytes, double heapBytesPerChannel,
            double serializedDetectorBytes, double serializedRecentBytes, double seedSerializedBytes) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "state for %,d channels after %,d messages: heap %.1f MiB after GC "
                    + "(%.0f bytes per channel); serialized per channel: default detector state %.0f B, "
                    + "recent chat %.0f B; seed detector state %.0f B", channels, messages, heapBytes / 1048576.0,
                    heapBytesPerChannel, serializedDetectorBytes, serializedRecentBytes, seedSerializedBytes);
        }
    }

    private StateFootprint() {}

    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        System.out.println(measure(channels, seconds, 20_000));
    }

    /**
     * @param channels          how many channels hold state
     * @param seconds           event-time seconds of chat fed (the explainer keeps the last 50)
     * @param messagesPerSecond aggregate chat rate, Zipf over the channels
     */
    public static Result measure(int channels, int seconds, double messagesPerSecond) throws Exception {
        long before = heapAfterGc();
        DefaultSpikeDetector detector = new DefaultSpikeDetector(DefaultDetectorParams.defaults());
        List<ChannelDetector<DefaultDetectorState>> detectors = new ArrayList<>(channels);
        for (int c = 0; c < channels; c++) {
            detectors.add(new ChannelDetector<>(detector, Integer.toString(100_000 + c), "channel" + c));
        }
        double[] rates = ChatWorkload.zipfRates(new WorkloadSpec(1, channels, seconds, messagesPerSecond, 1.0, 0, 1.0,
                0, WorkloadSpec.DEFAULT_START_MS));
        SplittableRandom random = new SplittableRandom(1);
        long start = WorkloadSpec.DEFAULT_START_MS;
        long messages = 0;
        for (int s = 0; s < seconds; s++) {
            long secondMs = start + s * 1000L;
            for (int c = 0; c < channels; c++) {
                // Bernoulli per second for the long tail, Poisson-like for the head: cheap and close enough.
                double lambda = rates[c];
                int n = (int) lambda + (random.nextDouble() < lambda - (int) lambda ? 1 : 0);
                for (int i = 0; i < n; i++) {
                    String user = Integer.toString(random.nextInt(1_000_000));
                    detectors.get(c).accept(new ChatMessage(Integer.toString(100_000 + c), "channel" + c, user,
                            "user" + user, "user" + user, "nice play KEKW lol", secondMs + random.nextInt(1000),
                            List.of("KEKW"), null));
                    messages++;
                }
            }
            for (ChannelDetector<DefaultDetectorState> d : detectors) {
                d.advanceTo(secondMs - 1, moment -> { });
            }
        }
        long after = heapAfterGc();
        long heap = after - before;

        if (detectors.size() != channels) {
            throw new IllegalStateException("lost detectors"); // keeps them reachable until measured
        }
        // Serialized (checkpoint) size of one median channel's state, fed the same way.
        double[] median = serializedState(detector, rates[channels / 2], seconds, random);
        SeedSpikeDetector seed = new SeedSpikeDetector(SeedDetectorParams.defaults());
        double seedBytes = size(serializer(SeedDetectorState.class), seed.newState());
        return new Result(channels, messages, heap, heap / (double) channels, median[0], median[1], seedBytes);
    }

    /** Serialized bytes of {detector state, recent chat} of one channel at {@code rate} after {@code seconds}. */
    private static double[] serializedState(DefaultSpikeDetector detector, double rate, int seconds,
            SplittableRandom random) throws Exception {
        DefaultDetectorState state = detector.newState();
        RecentChat recent = new RecentChat();
        for (int s = 0; s < seconds; s++) {
            long secondMs = WorkloadSpec.DEFAULT_START_MS + s * 1000L;
            SecondBucket bucket = new SecondBucket(secondMs);
            int n = (int) rate + (random.nextDouble() < rate - (int) rate ? 1 : 0);
            for (int i = 0; i < n; i++) {
                String user = Integer.toString(random.nextInt(1_000_000));
                bucket.add(new ChatMessage("100000", "channel", user, "user" + user, "user" + user,
                        "nice play KEKW lol", secondMs + i, List.of("KEKW"), null));
            }
            detector.onSecond(state, MomentExplainer.close(recent, bucket));
        }
        return new double[] {size(serializer(DefaultDetectorState.class), state),
            size(RecentChatSerializer.INSTANCE, recent)}; // as the job checkpoints it
    }

    private static <T> TypeSerializer<T> serializer(Class<T> type) {
        return TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
    }

    private static <T> double size(TypeSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(value, out);
        return out.length();
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
