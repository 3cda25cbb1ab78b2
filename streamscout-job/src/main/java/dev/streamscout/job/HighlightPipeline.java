package dev.streamscout.job;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.job.archive.RawChatSink;
import dev.streamscout.job.clip.ClipRequester;
import dev.streamscout.job.clip.LedgerClipRequester;
import dev.streamscout.job.detect.CauseEvent;
import dev.streamscout.job.io.AnalyticsKafkaIo;
import dev.streamscout.job.io.AnalyticsTopics;
import dev.streamscout.job.io.ChatKafkaSource;
import dev.streamscout.job.io.JdbcSinks;
import dev.streamscout.job.io.KafkaChatSettings;
import dev.streamscout.job.io.LiveUpdatesKafkaSink;
import dev.streamscout.store.DatabaseSettings;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The deployed form of {@link HighlightJob}: Kafka sources ({@code chat-messages}, {@code chat-events},
 * {@code stream-lifecycle}), JDBC sinks (clips, moments, chat summaries, the raw chat archive unless
 * {@link JobSettings#rawChatArchive()} is off) and the {@code channel-stats} Kafka sink, with Create Clip
 * behind a {@link LedgerClipRequester}. One definition serves every way the
 * job runs: the all-in-one MiniCluster, {@code streamscout job} (local or submitted to a session
 * cluster) and {@code flink run}.
 */
public final class HighlightPipeline {

    private HighlightPipeline() {}

    /** Adds the job to {@code env} with checkpointing as {@code checkpoints} says. */
    public static HighlightJob.Outputs define(StreamExecutionEnvironment env, JobSettings job, KafkaChatSettings kafka,
            DatabaseSettings database, ClipRequester clipRequester, AnalyticsTopics topics,
            CheckpointSettings checkpoints) {
        return define(env, job, kafka, database, clipRequester, topics, checkpoints, UnaryOperator.identity());
    }

    /**
     * As above, with {@code chatTap} applied to the chat stream before the job sees it: tests put an
     * operator there that fails once, to prove recovery from a checkpoint.
     */
    public static HighlightJob.Outputs define(StreamExecutionEnvironment env, JobSettings job, KafkaChatSettings kafka,
            DatabaseSettings database, ClipRequester clipRequester, AnalyticsTopics topics,
            CheckpointSettings checkpoints, UnaryOperator<DataStream<ChatMessage>> chatTap) {
        checkpoints.applyTo(env);
        env.setParallelism(job.parallelism());
        DataStream<ChatMessage> chat = env
                .fromSource(ChatKafkaSource.create(kafka), HighlightJob.chatEventTime(job), "Kafka " + kafka.topic())
                .uid("chat-source").name("Kafka " + kafka.topic());
        DataStream<StreamLifecycleEvent> lifecycle = env
                .fromSource(AnalyticsKafkaIo.lifecycleSource(kafka, topics.lifecycleTopic()),
                        WatermarkStrategy.noWatermarks(), "Kafka " + topics.lifecycleTopic())
                .uid("lifecycle-source").name("Kafka " + topics.lifecycleTopic());
        DataStream<CauseEvent> causes = env
                .fromSource(AnalyticsKafkaIo.causeEventSource(kafka, topics.eventsTopic()),
                        WatermarkStrategy.noWatermarks(), "Kafka " + topics.eventsTopic())
                .uid("chat-events-source").name("Kafka " + topics.eventsTopic());
        return HighlightJob.define(env, chatTap.apply(chat), causes, lifecycle, job,
                new LedgerClipRequester(clipRequester, database),
                new HighlightJob.Sinks(JdbcSinks.clips(database), JdbcSinks.moments(database),
                        JdbcSinks.chatSummaries(database),
                        AnalyticsKafkaIo.channelStatsSink(kafka.bootstrapServers(), topics.channelStatsTopic()))
                        .withLiveUpdates(topics.liveUpdatesTopic() == null ? null
                                : LiveUpdatesKafkaSink.create(kafka.bootstrapServers(), topics.liveUpdatesTopic()))
                        .withRawChat(job.rawChatArchive() ? new RawChatSink(database) : null));
    }
}
