package dev.streamscout.core.live;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.Moment;
import java.util.Objects;

/**
 * One event of the live push, as the job produces it and the {@code live-updates} topic carries it
 * (see {@link LiveEventJson} for the wire form): a channel's closed second, a burst that started, a
 * moment at its peak, or a clip outcome.
 *
 * <p>One flat record rather than one type per kind, so that Flink moves it with its POJO serializer
 * (it handles null fields; an interface with several implementations would fall back to Kryo). Which
 * fields are set depends on {@link #type()}; the factories are the only intended way to build one.
 *
 * @param type           {@link #CHAT_RATE}, {@link #MOMENT_STARTED}, {@link #MOMENT_PEAK} or {@link #CLIP_READY}
 * @param channelId      broadcaster's user id (the Kafka key)
 * @param channelLogin   broadcaster's login, null when unknown
 * @param timeMs         chat rate: the second's start; moment started: the burst's first second;
 *                       moment peak and clip ready: the moment's peak (epoch milliseconds, event time)
 * @param messages       chat rate: messages in the second
 * @param uniqueChatters chat rate: distinct chatters in the second
 * @param baseline       chat rate and moment started: the detector's baseline, null before it has one
 * @param bandLow        chat rate: lower edge of the detector's band, null while it cannot fire
 * @param bandHigh       chat rate: the line the detector fires above, null while it cannot fire
 * @param rate           moment started: messages in the second the burst started
 * @param momentId       moment started (when already known), moment peak, clip ready
 * @param moment         moment peak: the moment
 * @param clip           clip ready: the clip outcome
 */
public record LiveUpdate(
        String type,
        String channelId,
        String channelLogin,
        long timeMs,
        int messages,
        int uniqueChatters,
        Double baseline,
        Double bandLow,
        Double bandHigh,
        Double rate,
        String momentId,
        Moment moment,
        Clip clip) {

    public static final String CHAT_RATE = "chat_rate";
    public static final String MOMENT_STARTED = "moment_started";
    public static final String MOMENT_PEAK = "moment_peak";
    public static final String CLIP_READY = "clip_ready";

    public LiveUpdate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channelId, "channelId");
    }

    /** A closed second of one channel, with the band the detector compared it against (null: none yet). */
    public static LiveUpdate chatRate(String channelId, String login, long secondMs, int messages, int uniqueChatters,
            BaselineBand band) {
        return new LiveUpdate(CHAT_RATE, channelId, login, secondMs, messages, uniqueChatters,
                band == null ? null : band.baseline(), band == null ? null : band.low(),
                band == null ? null : band.high(), null, null, null, null);
    }

    /**
     * The detector began a candidate burst at {@code startMs}.
     *
     * @param momentIdOrNull the moment's id when it is known already (detectors that fire at once)
     * @param rate           messages per second when the burst started
     * @param baseline       the detector's baseline then, or null
     */
    public static LiveUpdate momentStarted(String channelId, String login, long startMs, String momentIdOrNull,
            double rate, Double baseline) {
        return new LiveUpdate(MOMENT_STARTED, channelId, login, startMs, 0, 0, baseline, null, null, rate,
                momentIdOrNull, null, null);
    }

    /** A moment was confirmed at its peak. */
    public static LiveUpdate momentPeak(Moment moment) {
        return new LiveUpdate(MOMENT_PEAK, moment.channelId(), moment.channelLogin(), moment.peakMs(), 0, 0, null,
                null, null, null, moment.id(), moment, null);
    }

    /** Clip maker's outcome for a moment (created, pending, failed or skipped). */
    public static LiveUpdate clipReady(Clip clip) {
        return new LiveUpdate(CLIP_READY, clip.channelId(), clip.channelLogin(), clip.peakMs(), 0, 0, null, null,
                null, null, clip.momentId(), null, clip);
    }
}
