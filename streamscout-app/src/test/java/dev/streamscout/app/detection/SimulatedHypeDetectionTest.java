package dev.streamscout.app.detection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.job.HighlightJob;
import dev.streamscout.job.JobSettings;
import dev.streamscout.sim.HypeMoment;
import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * The default profile against the simulator: real simulated chat (Poisson arrivals per channel,
 * chatter pools, emotes), read over the simulator's IRC socket, with scripted hype moments, run
 * through the highlights job on a MiniCluster. A hype moment is found when a moment on its channel
 * peaks between {@link #PEAK_LEAD} before its start and {@link #PEAK_LAG} after its end (the 30 s
 * window's peak can trail the end by a few seconds: chatters typing after the burst still add to a
 * window that holds all of it). Ordinary chat must give at most one moment per channel-hour.
 *
 * <p>The hype moments cover the simulator's own range (5-20 s at 5-15x). The default profile judges
 * a 30 s window against the channel's baseline with one threshold (2.5, tuned on real labelled chat,
 * see docs/detection.md), so a burst that adds less than two windows' worth of ordinary chat (the
 * window holds under 3x its usual count: 5 s at 5-10x, 10 s at 5x) is diluted below it by design.
 * At least 90% of the others must be found; the rate for the weak ones is printed, not asserted.
 *
 * <p>The simulator generates chat in real time, but stamps it with its clock and times hype moments
 * by it. A clock running {@link #SPEED} times faster, with the chat rate raised by the same factor,
 * gives chat whose rate per simulated second is the simulator's default: 24 simulated minutes of
 * five channels (two channel-hours) in about 72 s.
 */
class SimulatedHypeDetectionTest {

    static final int SPEED = 20;
    static final int CHANNELS = 5;
    static final Duration RUN = Duration.ofMinutes(24);
    /** The default profile's warm-up is 5 minutes; hype moments come after it and a minute of settling. */
    static final Duration FIRST_HYPE = Duration.ofMinutes(6).plusSeconds(30);
    static final Duration HYPE_EVERY = Duration.ofMinutes(4);
    static final Duration PEAK_LEAD = Duration.ofSeconds(5);
    static final Duration PEAK_LAG = Duration.ofSeconds(10);
    /** Extra messages a hype must add, in seconds of ordinary chat, to lift the 30 s window to 3x. */
    static final double STRONG_EXCESS_SECONDS = 60;
    /** A moment within this after a hype ends belongs to it (its tail), so it is not a false one. */
    static final Duration AFTERMATH = Duration.ofSeconds(60);
    /** The simulator's own plan draws hype moments of 5-20 s at 5-15x; these cover that range. */
    static final int[] DURATIONS_S = {5, 10, 20, 15};
    static final double[] MULTIPLIERS = {10, 5, 15, 8};

    /** A clock that runs {@code speed} times faster than the wall clock, from {@code origin}. */
    static final class FastClock extends Clock {
        private final Instant origin;
        private final long startNanos = System.nanoTime();
        private final int speed;

        FastClock(Instant origin, int speed) {
            this.origin = origin;
            this.speed = speed;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return origin.plusNanos((System.nanoTime() - startNanos) * speed);
        }
    }

    @Test
    void the_default_profile_finds_the_scripted_hype_and_stays_quiet_on_ordinary_chat() throws Exception {
        FastClock clock = new FastClock(Instant.parse("2026-01-10T20:00:00Z"), SPEED);
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(11).withClock(clock)
                .withTotalChatRatePerSecond(60.0 * SPEED).withScheduleHypeMoments(false)
                // Ordinary chat only: raids are real spikes (with a cause), not noise.
                .withChatEventShare(0);
        List<ChatMessage> chat;
        List<HypeMoment> hypes = new ArrayList<>();
        try (TwitchSimulator sim = new TwitchSimulator(settings).start()) {
            List<SimChannel> channels = sim.channels().subList(0, CHANNELS);
            ConcurrentLinkedQueue<ChatMessage> received = new ConcurrentLinkedQueue<>();
            sim.addChatListener(received::add);
            Instant start = clock.instant();
            for (int c = 0; c < CHANNELS; c++) {
                int j = 0;
                for (Instant at = start.plus(FIRST_HYPE).plusSeconds(17L * c); at.isBefore(start.plus(RUN).minusSeconds(60));
                        at = at.plus(HYPE_EVERY), j++) {
                    hypes.add(sim.scheduleHype(channels.get(c).login(), at,
                            Duration.ofSeconds(DURATIONS_S[(c + j) % 4]), MULTIPLIERS[(c + 2 * j) % 4]));
                }
            }
            try (Socket irc = new Socket(sim.host(), sim.ircPort())) {
                OutputStream out = irc.getOutputStream();
                out.write(("NICK justinfan" + (10_000 + (int) (Math.random() * 80_000)) + "\r\nJOIN "
                        + channels.stream().map(ch -> "#" + ch.login()).collect(Collectors.joining(","))
                        + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> readUntilClosed(irc));
                Thread.sleep(RUN.toMillis() / SPEED);
                irc.close();
                reading.exceptionally(e -> null).join();
            }
            chat = new ArrayList<>(received);
        }
        chat.sort(Comparator.comparingLong(ChatMessage::timestamp));

        List<Moment> moments = detect(chat);

        Map<String, List<ChatMessage>> byChannel = chat.stream().collect(Collectors.groupingBy(ChatMessage::channelId));
        double judgedHours = byChannel.values().stream()
                .mapToDouble(list -> Math.max(0, list.get(list.size() - 1).timestamp() - list.get(0).timestamp()
                        - Duration.ofMinutes(5).toMillis()) / 3_600_000.0)
                .sum();
        List<HypeMoment> found = hypes.stream().filter(h -> moments.stream().anyMatch(m -> matches(m, h))).toList();
        List<Moment> falseMoments = moments.stream()
                .filter(m -> hypes.stream().noneMatch(h -> h.channelId().equals(m.channelId())
                        && !Instant.ofEpochMilli(m.peakMs()).isBefore(h.start().minus(PEAK_LEAD))
                        && !Instant.ofEpochMilli(m.peakMs()).isAfter(h.end().plus(AFTERMATH))))
                .toList();
        List<HypeMoment> missed = hypes.stream().filter(h -> !found.contains(h)).toList();
        long strongHypes = hypes.stream().filter(SimulatedHypeDetectionTest::strong).count();
        long strongFound = found.stream().filter(SimulatedHypeDetectionTest::strong).count();
        System.out.printf("simulated default-profile run: %d messages on %d channels, %.2f judged channel-hours;"
                        + " hype found %d/%d (%.0f%%; strong %d/%d, weak %d/%d), missed %s;"
                        + " false moments %d (%.2f per channel-hour)%n",
                chat.size(), byChannel.size(), judgedHours, found.size(), hypes.size(),
                100.0 * found.size() / hypes.size(), strongFound, strongHypes, found.size() - strongFound,
                hypes.size() - strongHypes,
                missed.stream().map(h -> Duration.between(h.start(), h.end()).toSeconds() + "s@" + h.multiplier() + "x")
                        .toList(), falseMoments.size(), falseMoments.size() / judgedHours);

        for (HypeMoment h : missed) {
            System.out.printf("  missed %ss@%sx on %s: nearby %s%n", Duration.between(h.start(), h.end()).toSeconds(),
                    h.multiplier(), h.channelLogin(), moments.stream().filter(m -> m.channelId().equals(h.channelId())
                            && Math.abs(m.peakMs() - h.start().toEpochMilli()) < 120_000)
                            .map(m -> "peak " + (m.peakMs() - h.start().toEpochMilli()) / 1000 + "s after start, intensity "
                                    + String.format("%.2f", m.intensity()))
                            .toList());
        }
        assertThat(byChannel).hasSize(CHANNELS);
        assertThat(judgedHours).isGreaterThan(1.0);
        assertThat(strongHypes).isGreaterThanOrEqualTo(10);
        assertThat((double) strongFound / strongHypes).as("share of strong hype moments found")
                .isGreaterThanOrEqualTo(0.9);
        assertThat(falseMoments.size() / judgedHours).as("false moments per channel-hour").isLessThanOrEqualTo(1.0);
    }

    private static boolean matches(Moment m, HypeMoment h) {
        Instant peak = Instant.ofEpochMilli(m.peakMs());
        return m.channelId().equals(h.channelId()) && !peak.isBefore(h.start().minus(PEAK_LEAD))
                && !peak.isAfter(h.end().plus(PEAK_LAG));
    }

    /** Whether the hype lifts the 30 s window to at least 3x its ordinary count. */
    static boolean strong(HypeMoment h) {
        return Duration.between(h.start(), h.end()).toSeconds() * (h.multiplier() - 1) >= STRONG_EXCESS_SECONDS;
    }

    /** The highlights job (default profile, no clipping) over the recorded chat on a MiniCluster. */
    private static List<Moment> detect(List<ChatMessage> chat) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<ChatMessage> source = env.fromData(chat).name("simulated chat");
        HighlightJob.Outputs outputs = HighlightJob.define(env, source, JobSettings.defaults().withClippingEnabled(false),
                moment -> CompletableFuture.failedFuture(new AssertionError("clipping is off")), new DiscardingSink<Clip>());
        List<Moment> moments = new ArrayList<>();
        try (CloseableIterator<Moment> it = outputs.moments().executeAndCollect()) {
            it.forEachRemaining(moments::add);
        }
        return moments;
    }

    /** Drains the IRC connection (so the simulator keeps sending) and answers its PINGs. */
    private static void readUntilClosed(Socket irc) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(irc.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = irc.getOutputStream();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("PING")) {
                    out.write(("PONG" + line.substring(4) + "\r\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (java.io.IOException closed) {
            // the test closed the socket: done
        }
    }
}
