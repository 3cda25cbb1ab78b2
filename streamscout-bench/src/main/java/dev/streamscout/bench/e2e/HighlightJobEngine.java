package dev.streamscout.bench.e2e;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.live.LiveUpdate;
import dev.streamscout.job.HighlightJob;
import dev.streamscout.job.JobSettings;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Ours: the production {@link HighlightJob} (default detector profile and settings, clipping off,
 * no analytics sinks) on the replayed chat; a moment counts as emitted when it leaves the detector.
 *
 * <p>With {@code -Dbench.firstReports=true} (the latency run) the job's live-updates side output is on
 * too, as in the all-in-one, and a burst's {@code moment_started} (sent when the detector starts holding
 * it, before its peak is confirmed) counts as an early report of that moment.
 */
final class HighlightJobEngine implements Engine {

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public String description() {
        return "HighlightJob, default profile (Flink, keyed state + timers)";
    }

    @Override
    public void run(long messages) throws Exception {
        StreamExecutionEnvironment env = FlinkReplay.environment();
        JobSettings settings = JobSettings.defaults().withClippingEnabled(false)
                .withParallelism(FlinkReplay.PARALLELISM);
        String warmup = System.getProperty("bench.warmupSeconds");
        if (warmup != null) {
            settings = settings.withWarmup(java.time.Duration.ofSeconds(Long.parseLong(warmup)));
        }
        HighlightJob.Sinks sinks = HighlightJob.Sinks.clipsOnly(new DiscardingSink<Clip>());
        if (Boolean.getBoolean("bench.firstReports")) {
            sinks = sinks.withLiveUpdates(new RecordingSink<>(new BurstStartLocator()));
        }
        // The job's own Kafka reader of chat-messages records (ChatMessageDeserializer reads with it).
        HighlightJob.Outputs outputs = HighlightJob.define(env,
                FlinkReplay.chat(env, messages, dev.streamscout.job.io.ChatMessageJsonReader::read), null, settings,
                moment -> CompletableFuture.failedFuture(new IllegalStateException("clipping is off")), sinks);
        outputs.moments().sinkTo(new RecordingSink<>(new MomentLocator())).name("Record moments");
        env.execute("bench-ours");
    }

    private static final class BurstStartLocator implements RecordingSink.Locator<LiveUpdate> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isDetection(LiveUpdate update) {
            return LiveUpdate.MOMENT_STARTED.equals(update.type());
        }

        @Override
        public boolean confirmed(LiveUpdate update) {
            return false;
        }

        @Override
        public String channel(LiveUpdate update) {
            return update.channelId();
        }

        @Override
        public long atMs(LiveUpdate update) {
            return update.timeMs();
        }

        @Override
        public long decidedMs(LiveUpdate update) {
            return update.timeMs(); // the burst's first second: the one whose close started it
        }
    }

    private static final class MomentLocator implements RecordingSink.Locator<Moment> {
        private static final long serialVersionUID = 1L;

        @Override
        public String channel(Moment moment) {
            return moment.channelId();
        }

        @Override
        public long atMs(Moment moment) {
            return moment.peakMs();
        }

        @Override
        public long decidedMs(Moment moment) {
            return moment.endMs();
        }
    }
}
