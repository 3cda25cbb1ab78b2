package dev.streamscout.job;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.detect.SpikeDetector;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.job.clip.ClipMaker;
import dev.streamscout.job.clip.ClipRequester;
import dev.streamscout.job.detect.SpikeDetectorFunction;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The "highlights" dataflow, independent of where chat comes from and where clips go:
 *
 * <pre>
 * chat → drop !commands → event time (tmi-sent-ts, bounded out-of-orderness, idleness)
 *      → keyBy(channel) → spike detector (1 s buckets) → moments
 *      → clip maker (async I/O) → clips → clip sink
 * </pre>
 *
 * Every operator has a stable uid (state survives a restart from a savepoint) and a readable name.
 */
public final class HighlightJob {

    public static final String JOB_NAME = "highlights";

    /** The streams {@link #define} creates, for callers that want to attach more to them. */
    public record Outputs(DataStream<Moment> moments, DataStream<Clip> clips, DataStream<ChatMessage> lateMessages) {}

    private HighlightJob() {}

    /**
     * Adds the job to {@code env}'s graph.
     *
     * @param env           the environment {@code chat} belongs to
     * @param chat          chat messages in any order (event time comes from their timestamps)
     * @param settings      detector, event time and clip settings
     * @param clipRequester who makes clips (not called when clipping is switched off)
     * @param clipSink      where clips go (the JDBC sink in production, a collector in tests)
     * @return the moment, clip and late-message streams
     */
    public static Outputs define(StreamExecutionEnvironment env, DataStream<ChatMessage> chat, JobSettings settings,
            ClipRequester clipRequester, Sink<Clip> clipSink) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clipRequester, "clipRequester");
        Objects.requireNonNull(clipSink, "clipSink");

        SingleOutputStreamOperator<ChatMessage> counted = chat
                .filter(message -> !message.isCommand())
                .uid("drop-commands").name("Drop !commands")
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<ChatMessage>forBoundedOutOfOrderness(settings.outOfOrderness())
                        .withTimestampAssigner((message, previous) -> message.timestamp())
                        .withIdleness(settings.idleTimeout()))
                .uid("event-time").name("Event time from tmi-sent-ts");

        SingleOutputStreamOperator<Moment> moments = counted
                .keyBy(ChatMessage::channelId, Types.STRING)
                .process(detectorFunction(settings.spikeDetector(), settings))
                .uid("spike-detector").name("Spike detector (" + settings.profile() + ")");

        SingleOutputStreamOperator<Clip> clips = AsyncDataStream.unorderedWait(
                        moments,
                        new ClipMaker(clipRequester, settings.clips().enabled(), settings.clips().asyncTimeout()),
                        settings.clips().asyncTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.clips().asyncCapacity())
                .uid("clip-maker").name("Clip maker (Twitch Create Clip)");

        clips.sinkTo(clipSink).uid("clip-sink").name("Clip sink");

        return new Outputs(moments, clips, moments.getSideOutput(SpikeDetectorFunction.LATE_MESSAGES));
    }

    private static <S> SpikeDetectorFunction<S> detectorFunction(SpikeDetector<S> detector, JobSettings settings) {
        return new SpikeDetectorFunction<>(detector, settings.outOfOrderness(), settings.idleTimeout(),
                settings.channelStateRetention());
    }
}
