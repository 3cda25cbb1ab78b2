package dev.streamscout.sim.irc;

import java.time.Duration;
import java.util.Objects;

/** Chat-server misbehaviour that tests switch on and off while connections are up. */
public final class IrcFaults {

    private volatile Duration pongDelay = Duration.ZERO;
    private volatile boolean pongsWithheld;
    private volatile double duplicateProbability;

    /** Answers to client PINGs are delayed by this much (zero: at once). */
    public void delayPongs(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        pongDelay = delay;
    }

    /** While true, client PINGs get no PONG at all. */
    public void withholdPongs(boolean withheld) {
        pongsWithheld = withheld;
    }

    /** Chance (0..1) that a chat line is sent twice in a row on a connection, as Twitch occasionally does. */
    public void duplicateChat(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be 0..1: " + probability);
        }
        duplicateProbability = probability;
    }

    Duration pongDelay() {
        return pongDelay;
    }

    boolean pongsWithheld() {
        return pongsWithheld;
    }

    double duplicateProbability() {
        return duplicateProbability;
    }
}
