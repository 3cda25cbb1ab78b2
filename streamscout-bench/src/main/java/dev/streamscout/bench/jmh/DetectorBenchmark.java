package dev.streamscout.bench.jmh;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.ChannelDetector;
import dev.streamscout.core.detect.DefaultDetectorParams;
import dev.streamscout.core.detect.DefaultDetectorState;
import dev.streamscout.core.detect.DefaultSpikeDetector;
import dev.streamscout.core.detect.SeedDetectorParams;
import dev.streamscout.core.detect.SeedDetectorState;
import dev.streamscout.core.detect.SeedSpikeDetector;
import dev.streamscout.core.detect.SpikeDetector;
import dev.streamscout.core.highlight.Moment;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The detector path outside Flink ({@link ChannelDetector}: one-second buckets with chatters, tokens
 * and samples, the explainer's recent seconds, the detector) fed one channel's chat at
 * {@code messagesPerSecond}: one operation is one message, seconds close as event time passes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class DetectorBenchmark {

    @Param({"default", "seed"})
    public String profile;

    @Param({"100"})
    public int messagesPerSecond;

    private ChatMessage[] messages;
    private ChannelDetector<?> detector;
    private int next;
    private long shiftMs;
    private long lastSecond;
    private Consumer<Moment> sink;

    @Setup
    public void setUp(Blackhole blackhole) {
        SplittableRandom random = new SplittableRandom(42);
        messages = new ChatMessage[65_536];
        String[] words = {"KEKW", "nice", "LETS", "GO", "what", "a", "play", "Pog", "lol", "chat"};
        for (int i = 0; i < messages.length; i++) {
            String user = Integer.toString(random.nextInt(5_000));
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 3 + random.nextInt(8); w++) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            messages[i] = new ChatMessage("100000", "channel", user, "user" + user, "user" + user,
                    text.toString().trim(), i * 1000L / messagesPerSecond, List.of("KEKW"), null);
        }
        detector = profile.equals("seed")
                ? channel(new SeedSpikeDetector(SeedDetectorParams.defaults()))
                : channel(new DefaultSpikeDetector(DefaultDetectorParams.defaults()));
        sink = blackhole::consume;
    }

    private static <S> ChannelDetector<S> channel(SpikeDetector<S> spikeDetector) {
        return new ChannelDetector<>(spikeDetector, "100000", "channel");
    }

    @Benchmark
    public void message() {
        ChatMessage template = messages[next];
        long at = template.timestamp() + shiftMs;
        detector.accept(new ChatMessage(template.channelId(), template.channelLogin(), template.userId(),
                template.username(), template.displayName(), template.message(), at, template.emotes(), null));
        long second = at / 1000;
        if (second != lastSecond) {
            detector.advanceTo(at - 1_000, sink); // one second of out-of-orderness, as the job allows by default
            lastSecond = second;
        }
        if (++next == messages.length) {
            next = 0;
            shiftMs += messages.length * 1000L / messagesPerSecond; // replay the array later in event time
        }
    }
}
