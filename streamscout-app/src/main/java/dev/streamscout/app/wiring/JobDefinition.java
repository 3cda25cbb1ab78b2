package dev.streamscout.app.wiring;

import dev.streamscout.app.config.ConfigException;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.job.CheckpointSettings;
import dev.streamscout.job.HighlightJob;
import dev.streamscout.job.HighlightPipeline;
import dev.streamscout.job.JobSettings;
import dev.streamscout.job.clip.ClipRequester;
import dev.streamscout.job.clip.HelixClipRequester;
import dev.streamscout.job.clip.TokenFileAccessTokens;
import dev.streamscout.job.io.AnalyticsTopics;
import dev.streamscout.job.io.KafkaChatSettings;
import dev.streamscout.store.DatabaseSettings;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The highlights job as configured for running on its own ({@code streamscout job}, {@code flink run}):
 * external Kafka and PostgreSQL, Create Clip with the user token file, checkpoints as configured. One
 * object, built once from the configuration, defines the same graph in any execution environment.
 *
 * @param job         detector, event time, clip and parallelism settings
 * @param kafka       chat topic and consumer group; a fresh group starts at the latest offsets, a known
 *                    one resumes at its committed offsets (committed when a checkpoint completes)
 * @param database    where clips, moments and chat summaries go
 * @param clips       who calls Create Clip (behind the clip ledger)
 * @param topics      lifecycle, events and channel-stats topics
 * @param checkpoints interval and storage
 */
public record JobDefinition(JobSettings job, KafkaChatSettings kafka, DatabaseSettings database,
        ClipRequester clips, AnalyticsTopics topics, CheckpointSettings checkpoints) {

    private static final Logger LOG = LoggerFactory.getLogger(JobDefinition.class);

    /**
     * Reads what the job needs from the configuration.
     *
     * @param localCheckpointDir where checkpoints go when {@code job.checkpoint.dir} is empty; null leaves
     *                           that to the cluster ({@code execution.checkpointing.dir} in its configuration)
     * @throws ConfigException when Kafka or PostgreSQL are not configured
     */
    public static JobDefinition fromConfig(StreamScoutConfig config, Path localCheckpointDir) {
        String bootstrap = config.kafkaBootstrapServers().orElseThrow(() -> new ConfigException(
                "KAFKA_BOOTSTRAP_SERVERS is not set: the Flink job reads chat from an external Kafka; set"
                        + " KAFKA_BOOTSTRAP_SERVERS (or kafka.bootstrap.servers) to its bootstrap servers, e.g."
                        + " kafka:9092 (or use 'streamscout run' for everything in one process)"));
        DatabaseSettings database = RequiredPostgres.of(config,
                "the Flink job writes clips, moments and chat summaries to PostgreSQL, where the API reads them");
        boolean clipping = config.clipsEnabled();
        // Never called with clipping off (every moment gets a SKIPPED clip), but the job needs one.
        ClipRequester requester = moment -> {
            throw new IllegalStateException("clipping is off");
        };
        TwitchAccess twitch = null;
        if (clipping && config.twitchClientId().isBlank()) {
            LOG.warn("TWITCH_CLIENT_ID is not set: moments are stored without clips");
            clipping = false;
        } else if (clipping) {
            twitch = TwitchAccess.fromConfig(config);
            if (twitch.userTokens().isEmpty()) {
                LOG.warn("no user token file at {} (TWITCH_TOKEN_FILE): moments are stored without clips; run"
                        + " 'streamscout auth' to create it", config.twitchTokenFile());
                clipping = false;
            }
        }
        JobSettings job = AllInOne.jobSettings(config).withClippingEnabled(clipping);
        if (clipping) {
            TwitchAccess access = twitch;
            Path tokenFile = access.userTokens().orElseThrow();
            requester = new HelixClipRequester(access.helixBase(), access.clientId(),
                    new TokenFileAccessTokens(tokenFile.toAbsolutePath(), access.oauthBase(), access.clientId(),
                            access.clientSecret()), job.clips());
        }
        String checkpointDir = config.jobCheckpointDir()
                .orElse(localCheckpointDir == null ? null : localCheckpointDir.toString());
        CheckpointSettings checkpoints = CheckpointSettings.defaults()
                .withInterval(config.jobCheckpointInterval())
                .withDirectory(checkpointDir);
        return new JobDefinition(job,
                new KafkaChatSettings(bootstrap, config.chatTopic(), KafkaChatSettings.DEFAULT_GROUP_ID,
                        KafkaChatSettings.StartingOffsets.COMMITTED_OR_LATEST),
                database, requester,
                new AnalyticsTopics(config.lifecycleTopic(), config.channelStatsTopic(), config.eventsTopic())
                        .withLiveUpdatesTopic(config.liveUpdatesEnabled() ? config.liveUpdatesTopic() : null),
                checkpoints);
    }

    /** Adds the job to {@code env}: sources, operators, sinks, checkpointing and parallelism. */
    public HighlightJob.Outputs define(StreamExecutionEnvironment env) {
        return HighlightPipeline.define(env, job, kafka, database, clips, topics, checkpoints);
    }
}
