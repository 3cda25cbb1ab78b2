package dev.streamscout.job.detect;

/**
 * Per-channel bookkeeping of {@link SpikeDetectorFunction}: which seconds are closed, how far the
 * channel's own event time has got, and which timers are pending.
 *
 * <p>A Flink POJO (public no-arg constructor, public primitive and String fields) so that keyed state
 * is serialized without Kryo.
 */
public class ChannelClock {

    /** Marks "no timer pending". */
    public static final long NONE = Long.MIN_VALUE;

    /** The first second (epoch ms) not yet handed to the detector; earlier messages are late. */
    public long nextSecondMs;
    /** Latest event time seen on this channel. */
    public long maxEventMs;
    /** Processing time at which the latest message arrived. */
    public long lastArrivalMs;
    /** The pending event-time timer that closes {@link #nextSecondMs}, or {@link #NONE}. */
    public long eventTimerMs = NONE;
    /** The pending processing-time timer that checks for idleness, or {@link #NONE}. */
    public long idleTimerMs = NONE;
    /** Channel login from the latest message that carried one (may be null). */
    public String channelLogin;

    public ChannelClock() {}

    @Override
    public String toString() {
        return "ChannelClock{nextSecondMs=" + nextSecondMs + ", maxEventMs=" + maxEventMs
                + ", lastArrivalMs=" + lastArrivalMs + ", eventTimerMs=" + eventTimerMs
                + ", idleTimerMs=" + idleTimerMs + ", channelLogin=" + channelLogin + '}';
    }
}
