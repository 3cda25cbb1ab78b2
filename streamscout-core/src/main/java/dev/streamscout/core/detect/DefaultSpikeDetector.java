package dev.streamscout.core.detect;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code default} profile: ranks bursts of many distinct, loud chatters against the channel's own
 * history, so that its intensity compares moments across a whole stream and not only against the last
 * few minutes.
 *
 * <p>Every second it computes the window activity {@code a}: distinct chatters in the last
 * {@code windowSeconds} (messages when the source has no usernames) plus {@code loudWeight} per loud
 * message, per second. Two baselines follow {@code a}: a recent one {@code b} (EWMA, time constant
 * {@code baselineSeconds}) and a slow channel level {@code L} (EWMA over hours); both ignore activity
 * above {@code spikeCap x b}, so bursts do not raise their own bar. The intensity is
 * {@code a / sqrt(b x L)}: against the recent baseline it finds bursts, against the slow level it keeps
 * a burst in a quiet stretch from outranking the moment everybody clipped; being a ratio it is the same
 * for a channel of 50 and of 50,000 viewers.
 *
 * <p>When the intensity exceeds {@code threshold} (after the warm-up, and with at least
 * {@code minMessagesPerSecond} in the window) a burst starts; it is held while its intensity keeps
 * reaching new highs and reported {@code holdSeconds} after the last one, with its start, peak and
 * the second it was confirmed. Then the channel cools down for {@code cooldownSeconds}.
 *
 * <p>A burst also starts on a sharp rise that a 30 s window hardly feels (a few seconds at five times
 * the rate add little to 30 s): when the message rate of the last {@code burstSeconds} is above
 * {@code spikeCap} times its own baseline and more than {@code burstDeviations} of its standard
 * deviations above it (the short rate's baseline and variance are EWMAs with the {@code baselineSeconds}
 * time constant, fed with the rate clipped at {@code spikeCap} times the baseline and not while a burst
 * is held). This only starts a burst; its peak and intensity are still those of the 30 s formula, so
 * such a burst ranks by how much the crowd joined in, usually low.
 *
 * <p>Seconds must be fed in order; a skipped second counts as a quiet one. All arithmetic is
 * deterministic, so the live job and offline analysis report the same moments.
 */
public final class DefaultSpikeDetector implements SpikeDetector<DefaultDetectorState> {

    public static final String PROFILE = "default";

    private static final long SECOND_MS = 1000L;
    /** Baselines never fall below this, so that a dead channel does not make one message a burst. */
    private static final double MIN_BASELINE = 0.05;
    /** The recent baseline starts as a running mean over this many seconds, then becomes an EWMA. */
    private static final int BASELINE_START_SECONDS = 60;

    private final DefaultDetectorParams params;

    public DefaultSpikeDetector(DefaultDetectorParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public DefaultDetectorParams params() {
        return params;
    }

    @Override
    public String profile() {
        return PROFILE;
    }

    @Override
    public DefaultDetectorState newState() {
        DefaultDetectorState state = new DefaultDetectorState();
        reshape(state);
        return state;
    }

    @Override
    public Class<DefaultDetectorState> stateType() {
        return DefaultDetectorState.class;
    }

    @Override
    public Optional<Detection> onSecond(DefaultDetectorState state, ChatSecond second) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(second, "second");
        long startMs = second.startMs();
        if (Math.floorMod(startMs, SECOND_MS) != 0) {
            throw new IllegalArgumentException("not the start of a second: " + startMs);
        }
        if (state.messages == null || state.messages.length != params.windowSeconds()) {
            reshape(state);
        }
        Optional<Detection> fromGap = Optional.empty();
        if (state.lastSecondMs != Long.MIN_VALUE) {
            if (startMs <= state.lastSecondMs) {
                throw new IllegalArgumentException("second " + startMs + " is not after the previous one "
                        + state.lastSecondMs);
            }
            fromGap = fillSkippedSeconds(state, startMs);
        }
        Optional<Detection> now = step(state, second);
        return now.isPresent() ? now : fromGap;
    }

    /**
     * Feeds quiet seconds for a gap. A long gap is cut short: after the window and a few time
     * constants of quiet the state no longer changes in any way that matters.
     */
    private Optional<Detection> fillSkippedSeconds(DefaultDetectorState state, long startMs) {
        long skipped = (startMs - state.lastSecondMs) / SECOND_MS - 1;
        long limit = params.windowSeconds() + params.holdSeconds() + 4L * params.baselineSeconds();
        long toFill = Math.min(skipped, limit);
        Optional<Detection> fired = Optional.empty();
        for (long s = startMs - toFill * SECOND_MS; s < startMs; s += SECOND_MS) {
            Optional<Detection> d = step(state, ChatSecond.quiet(s));
            if (d.isPresent()) {
                fired = d; // a held burst confirmed during the gap; at most one per gap (hold < cooldown)
            }
        }
        return fired;
    }

    private Optional<Detection> step(DefaultDetectorState state, ChatSecond second) {
        int window = params.windowSeconds();
        state.messageSum += second.messages() - state.messages[state.ringPos];
        state.loudSum += second.loudMessages() - state.loud[state.ringPos];
        state.messages[state.ringPos] = second.messages();
        state.loud[state.ringPos] = second.loudMessages();
        state.ringPos = (state.ringPos + 1) % window;
        state.lastSecondMs = second.startMs();
        long t = state.secondsSeen++;

        if (second.windowChatters() > 0) {
            state.chattersKnown = true;
        }
        // Logs without usernames count messages instead of chatters.
        long chatters = state.chattersKnown ? second.windowChatters() : state.messageSum;
        double activity = (chatters + params.loudWeight() * state.loudSum) / window;
        if (state.baseline < 0) {
            state.baseline = Math.max(activity, MIN_BASELINE);
        }
        int burst = params.burstSeconds();
        long burstMessages = 0;
        for (int i = 1; i <= burst; i++) {
            burstMessages += state.messages[Math.floorMod(state.ringPos - i, window)];
        }
        if (burst > 0 && state.rateBaseline <= 0) { // also a state restored from before the short trigger
            state.rateBaseline = Math.max(burstMessages / (double) burst, MIN_BASELINE);
            // A spread as wide as the rate itself, so that a baseline just taken cannot fire on the next
            // wave: a new channel's first minute washes it out, a restored one's ten minutes narrow it.
            state.rateVariance = state.rateBaseline * state.rateBaseline;
        }
        double intensity = 0.0;
        boolean sharp = false;
        if (t >= params.warmupSeconds() && state.messageSum >= params.minMessagesPerSecond() * window) {
            intensity = activity / Math.sqrt(state.baseline * Math.max(state.level, MIN_BASELINE));
            sharp = burst > 0 && isSharp(state, burstMessages / (double) burst);
        }
        Optional<Detection> detection = holdToPeak(state, second.startMs(), intensity, sharp);

        double clipped = t >= params.warmupSeconds() ? Math.min(activity, params.spikeCap() * state.baseline) : activity;
        state.baseline += (clipped - state.baseline) / (t >= BASELINE_START_SECONDS ? params.baselineSeconds() : t + 1);
        state.baseline = Math.max(state.baseline, MIN_BASELINE);
        if (state.level < 0) {
            state.level = state.baseline;
        }
        state.level += (clipped - state.level) / Math.min(t + 1, params.levelSeconds());
        state.level = Math.max(state.level, MIN_BASELINE);
        // A held burst does not raise the bar for the next one (as the cap does for the 30 s baselines).
        if (burst > 0 && !state.active && detection.isEmpty()) {
            double rate = burstMessages / (double) burst;
            double clippedRate = t >= params.warmupSeconds() ? Math.min(rate, params.spikeCap() * state.rateBaseline) : rate;
            double gain = 1.0 / (t >= BASELINE_START_SECONDS ? params.baselineSeconds() : t + 1);
            double deviation = clippedRate - state.rateBaseline;
            state.rateBaseline += deviation * gain;
            state.rateVariance += (deviation * deviation - state.rateVariance) * gain;
            state.rateBaseline = Math.max(state.rateBaseline, MIN_BASELINE);
        }
        return detection;
    }

    /**
     * Whether the short window's message rate is a sharp burst: above what the baselines treat as a
     * spike ({@code spikeCap} times the short rate's own baseline) and more than {@code burstDeviations}
     * standard deviations above that baseline, so that a channel whose chat comes in waves needs a
     * bigger wave than one whose chat is steady.
     */
    private boolean isSharp(DefaultDetectorState state, double burstRate) {
        return burstRate > params.spikeCap() * state.rateBaseline
                && burstRate > state.rateBaseline + params.burstDeviations() * Math.sqrt(state.rateVariance);
    }

    private Optional<Detection> holdToPeak(DefaultDetectorState state, long nowMs, double intensity, boolean sharp) {
        if (!state.active) {
            boolean cooledDown = state.lastDetectionMs == Long.MIN_VALUE
                    || nowMs - state.lastDetectionMs >= params.cooldownSeconds() * SECOND_MS;
            if ((intensity > params.threshold() || sharp) && cooledDown) {
                state.active = true;
                state.burstStartMs = nowMs;
                notePeak(state, nowMs, intensity);
            }
            return Optional.empty();
        }
        if (intensity > state.peakIntensity) {
            notePeak(state, nowMs, intensity);
        }
        if (nowMs - state.peakSetMs < params.holdSeconds() * SECOND_MS) {
            return Optional.empty();
        }
        state.active = false;
        state.lastDetectionMs = nowMs;
        long windowStart = state.peakMs - (params.windowSeconds() - 1) * SECOND_MS;
        return Optional.of(new Detection(PROFILE, Math.min(state.burstStartMs, windowStart), state.peakMs, nowMs,
                state.peakWindowMessages, state.peakBaseline, null, state.peakIntensity,
                state.peakWindowMessages / (double) params.windowSeconds()));
    }

    private void notePeak(DefaultDetectorState state, long nowMs, double intensity) {
        state.peakMs = nowMs;
        state.peakSetMs = nowMs;
        state.peakIntensity = intensity;
        state.peakWindowMessages = (int) Math.min(Integer.MAX_VALUE, state.messageSum);
        state.peakBaseline = state.baseline;
    }

    private void reshape(DefaultDetectorState state) {
        state.messages = new int[params.windowSeconds()];
        state.loud = new int[params.windowSeconds()];
        state.ringPos = 0;
        state.messageSum = 0;
        state.loudSum = 0;
    }
}
