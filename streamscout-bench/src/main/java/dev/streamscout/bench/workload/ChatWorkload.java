package dev.streamscout.bench.workload;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a chat workload deterministically from a {@link WorkloadSpec}: channels with Zipf
 * popularity, Poisson message counts per channel and second, ChatMessage JSON lines of 150-300
 * bytes in event-time order, and spikes with known start and peak (the ground truth).
 *
 * <p>Chatters are drawn from a pool per channel large enough that a spike brings new faces, as real
 * hype does (the default detector counts distinct chatters, the seed counts messages).
 */
public final class ChatWorkload {

    public static final String CHAT_FILE = "chat.jsonl";
    public static final String SPIKES_FILE = "spikes.csv";

    private final WorkloadSpec spec;
    private final double[] baseRate;
    private final int[] userPool;
    private final List<Scheduled> scheduled = new ArrayList<>();

    /** A spike placed on a channel, with the peak's last event time filled in while generating. */
    private static final class Scheduled {
        final int channel;
        final int startSecond;
        long lastPeakEventMs = Long.MIN_VALUE;

        Scheduled(int channel, int startSecond) {
            this.channel = channel;
            this.startSecond = startSecond;
        }
    }

    /** What was written. */
    public record Summary(long messages, long bytes, List<InjectedSpike> spikes, Path chatFile, Path spikesFile) {}

    public ChatWorkload(WorkloadSpec spec) {
        this.spec = spec;
        this.baseRate = zipfRates(spec);
        this.userPool = new int[spec.channels()];
        for (int c = 0; c < spec.channels(); c++) {
            userPool[c] = (int) Math.max(50, Math.min(1_000_000, baseRate[c] * 600));
        }
        placeSpikes(new SplittableRandom(spec.seed() ^ 0x5eedL));
    }

    /** Writes {@value #CHAT_FILE} and {@value #SPIKES_FILE} into {@code dir}. */
    public Summary writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path chat = dir.resolve(CHAT_FILE);
        long messages = 0;
        long bytes = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(chat), 1 << 20)) {
            MessageWriter writer = new MessageWriter();
            SplittableRandom random = new SplittableRandom(spec.seed());
            long[] stamps = new long[1024];
            int[] owners = new int[1024];
            for (int s = 0; s < spec.durationSeconds(); s++) {
                long secondMs = spec.startEpochMs() + s * 1000L;
                int n = 0;
                for (int c = 0; c < spec.channels(); c++) {
                    int count = poisson(random, baseRate[c] * multiplier(c, s));
                    if (n + count > stamps.length) {
                        int size = Math.max(stamps.length * 2, n + count);
                        stamps = Arrays.copyOf(stamps, size);
                        owners = Arrays.copyOf(owners, size);
                    }
                    for (int i = 0; i < count; i++) {
                        stamps[n] = secondMs + random.nextInt(1000);
                        owners[n] = c;
                        n++;
                    }
                }
                sortByTime(stamps, owners, n);
                for (int i = 0; i < n; i++) {
                    int c = owners[i];
                    boolean hype = multiplier(c, s) > 1.0;
                    byte[] line = writer.line(random, c, random.nextInt(userPool[c]), stamps[i], hype);
                    out.write(line);
                    bytes += line.length;
                    messages++;
                    notePeak(c, s, stamps[i]);
                }
            }
        }
        Path spikesFile = dir.resolve(SPIKES_FILE);
        List<InjectedSpike> spikes = spikes();
        List<String> rows = new ArrayList<>();
        rows.add(InjectedSpike.CSV_HEADER);
        spikes.forEach(spike -> rows.add(spike.toCsv()));
        Files.write(spikesFile, rows, StandardCharsets.UTF_8);
        return new Summary(messages, bytes, spikes, chat, spikesFile);
    }

    /** The injected spikes, in the order they start (lastPeakEventMs is known only after {@link #writeTo}). */
    public List<InjectedSpike> spikes() {
        List<InjectedSpike> out = new ArrayList<>();
        for (Scheduled sc : scheduled) {
            long start = spec.startEpochMs() + sc.startSecond * 1000L;
            long peak = start + InjectedSpike.PEAK_INDEX * 1000L;
            out.add(new InjectedSpike(MessageWriter.channelId(sc.channel), start, peak,
                    sc.lastPeakEventMs == Long.MIN_VALUE ? peak + 999 : sc.lastPeakEventMs,
                    start + InjectedSpike.SHAPE.length * 1000L));
        }
        out.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
        return out;
    }

    /** Reads a spikes file written by {@link #writeTo}. */
    public static List<InjectedSpike> readSpikes(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                    .map(InjectedSpike::fromCsv).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each channel's mean rate: Zipf weights scaled to the aggregate rate. */
    public static double[] zipfRates(WorkloadSpec spec) {
        double[] rates = new double[spec.channels()];
        double sum = 0;
        for (int r = 0; r < rates.length; r++) {
            rates[r] = Math.pow(r + 1, -spec.zipfExponent());
            sum += rates[r];
        }
        for (int r = 0; r < rates.length; r++) {
            rates[r] = rates[r] / sum * spec.messagesPerSecond();
        }
        return rates;
    }

    private void placeSpikes(SplittableRandom random) {
        // Spikes go to the 100 most popular channels, where a few times the normal rate is a clear signal.
        int candidates = Math.min(100, spec.channels());
        int latestStart = spec.durationSeconds() - InjectedSpike.SHAPE.length - 15;
        for (int i = 0; i < spec.spikes(); i++) {
            for (int attempt = 0; attempt < 200; attempt++) {
                int channel = random.nextInt(candidates);
                int start = spec.spikeFromSeconds() + random.nextInt(Math.max(1, latestStart - spec.spikeFromSeconds()));
                // Two spikes on a channel closer than two minutes would meet each detector's cooldown.
                boolean clash = scheduled.stream().anyMatch(o -> o.channel == channel
                        && Math.abs(o.startSecond - start) < 120);
                if (!clash) {
                    scheduled.add(new Scheduled(channel, start));
                    break;
                }
            }
        }
    }

    private double multiplier(int channel, int second) {
        for (Scheduled sc : scheduled) {
            int offset = second - sc.startSecond;
            if (sc.channel == channel && offset >= 0 && offset < InjectedSpike.SHAPE.length) {
                return 1.0 + (spec.spikeMultiplier() - 1.0) * InjectedSpike.SHAPE[offset];
            }
        }
        return 1.0;
    }

    private void notePeak(int channel, int second, long stampMs) {
        for (Scheduled sc : scheduled) {
            if (sc.channel == channel && second - sc.startSecond == InjectedSpike.PEAK_INDEX) {
                sc.lastPeakEventMs = Math.max(sc.lastPeakEventMs, stampMs);
            }
        }
    }

    static int poisson(SplittableRandom random, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian));
        }
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Insertion-friendly sort of one second's messages (already nearly grouped) by time. */
    private static void sortByTime(long[] stamps, int[] owners, int n) {
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            // time within the second (10 bits) above the channel index keeps the sort stable and cheap
            packed[i] = ((stamps[i] % 1000) << 32) | owners[i];
        }
        Arrays.sort(packed);
        long base = n == 0 ? 0 : stamps[0] - stamps[0] % 1000;
        for (int i = 0; i < n; i++) {
            stamps[i] = base + (packed[i] >>> 32);
            owners[i] = (int) packed[i];
        }
    }
}
