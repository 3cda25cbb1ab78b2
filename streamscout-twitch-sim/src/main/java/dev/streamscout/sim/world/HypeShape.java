package dev.streamscout.sim.world;

import java.time.Duration;
import java.util.Random;

/**
 * How long a scripted hype lasts and how much it multiplies a channel's chat, modelled on real chat
 * around real highlights rather than on what a detector finds easy.
 *
 * <p>Measured on the 14 labelled highlights of the kimdoe dev VODs ({@code shared/eval/kimdoe/labelled},
 * read with the project's chat-log readers) by {@code LabelledHypeShapeTest} in streamscout-app:
 * <pre>
 *   mvn -B -o -pl streamscout-app test -Dtest=LabelledHypeShapeTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Against the mean rate of the 5 minutes before each label (from 330 s to 30 s before it):
 * <pre>
 *                                                   p10    p50    p90
 *   elevated duration (5 s mean at ≥ 2x), seconds    6.9   22.5   52.7
 *   mean rate while elevated, x baseline             2.51   3.26   6.62
 *   peak 30 s rate, x baseline                       2.00   2.95   6.90
 * </pre>
 * Real highlights are longer and lower than a "5-20 s at 5-15x" burst: chat doubles to quadruples for
 * half a minute or so; only the rare moment of the month reaches 10x. A scripted hype here is a step
 * of the channel's rate, so it takes the duration and the mean elevated rate; both are drawn
 * log-uniformly between the measured p10 and p90 (independently: 14 labels do not show a reliable
 * relation between the two). The step's peak 30 s rate then falls in the measured range by itself.
 */
public final class HypeShape {

    /** Measured p10 and p90 of the elevated duration, rounded to whole seconds. */
    public static final Duration MIN_DURATION = Duration.ofSeconds(7);
    public static final Duration MAX_DURATION = Duration.ofSeconds(53);
    /** Measured p10 and p90 of the mean rate while elevated, relative to the 5 minutes before. */
    public static final double MIN_MULTIPLIER = 2.5;
    public static final double MAX_MULTIPLIER = 6.6;

    private HypeShape() {}

    /** A duration in {@code [MIN_DURATION, MAX_DURATION]}, log-uniform, whole seconds. */
    public static Duration drawDuration(Random random) {
        return Duration.ofSeconds(Math.round(logUniform(random, MIN_DURATION.toSeconds(), MAX_DURATION.toSeconds())));
    }

    /** A rate multiplier in {@code [MIN_MULTIPLIER, MAX_MULTIPLIER]}, log-uniform, one decimal. */
    public static double drawMultiplier(Random random) {
        return Math.round(logUniform(random, MIN_MULTIPLIER, MAX_MULTIPLIER) * 10.0) / 10.0;
    }

    private static double logUniform(Random random, double low, double high) {
        return Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
    }
}
