package dev.streamscout.job.clip;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.highlight.Moment;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Async I/O step from moments to clips. Every moment yields exactly one {@link Clip}, whatever
 * happens: {@code SKIPPED} when clipping is off (Twitch is not called), the requester's answer
 * otherwise, {@code FAILED} with the reason when the requester fails or the async timeout expires.
 * The job never fails because Twitch did.
 *
 * <p>Metrics: {@code clips_created_success}, {@code clips_created_failed} (failed or pending),
 * {@code clips_skipped}, and {@code twitch_api_latency} (ms from request to outcome).
 */
public class ClipMaker extends RichAsyncFunction<Moment, Clip> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ClipMaker.class);

    private final ClipRequester requester;
    private final boolean enabled;
    private final Duration timeout;

    private transient Counter created;
    private transient Counter failed;
    private transient Counter skipped;
    private transient Histogram latency;
    /** Invocations without an outcome yet; whichever of answer and timeout comes second is dropped. */
    private transient Set<ResultFuture<Clip>> pending;

    /**
     * @param requester who makes the clips (opened in {@link #open}, closed in {@link #close})
     * @param enabled   false: every moment is {@code SKIPPED} and the requester is never opened
     * @param timeout   the async I/O timeout this function is installed with, for the failure reason
     */
    public ClipMaker(ClipRequester requester, boolean enabled, Duration timeout) {
        this.requester = Objects.requireNonNull(requester, "requester");
        this.enabled = enabled;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        var metrics = getRuntimeContext().getMetricGroup();
        created = metrics.counter("clips_created_success");
        failed = metrics.counter("clips_created_failed");
        skipped = metrics.counter("clips_skipped");
        latency = metrics.histogram("twitch_api_latency", new DescriptiveStatisticsHistogram(500));
        pending = ConcurrentHashMap.newKeySet();
        if (enabled) {
            requester.open();
        }
    }

    @Override
    public void asyncInvoke(Moment moment, ResultFuture<Clip> resultFuture) {
        long startMs = System.currentTimeMillis();
        pending.add(resultFuture);
        if (!enabled) {
            emit(resultFuture, ClipOutcomes.skipped(moment, ClipOutcomes.title(moment), startMs,
                    "clipping is switched off"));
            return;
        }
        CompletableFuture<Clip> request;
        try {
            request = requester.request(moment);
        } catch (RuntimeException e) {
            request = CompletableFuture.failedFuture(e);
        }
        request.whenComplete((clip, error) -> {
            latency.update(System.currentTimeMillis() - startMs);
            if (clip == null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                String reason = cause == null ? "the clip requester returned nothing" : "clip request failed: " + cause;
                try (MDC.MDCCloseable channel = MDC.putCloseable("channel", moment.channelLogin())) {
                    LOG.warn("moment {}: {}", moment.id(), reason);
                }
                clip = ClipOutcomes.failed(moment, ClipOutcomes.title(moment), startMs, reason);
            }
            emit(resultFuture, clip);
        });
    }

    @Override
    public void timeout(Moment moment, ResultFuture<Clip> resultFuture) {
        String reason = "no outcome from Twitch within " + timeout.toSeconds() + " s";
        try (MDC.MDCCloseable channel = MDC.putCloseable("channel", moment.channelLogin())) {
            LOG.warn("moment {}: {}", moment.id(), reason);
        }
        emit(resultFuture, ClipOutcomes.failed(moment, ClipOutcomes.title(moment), System.currentTimeMillis(), reason));
    }

    @Override
    public void close() throws Exception {
        if (enabled) {
            requester.close();
        }
    }

    private void emit(ResultFuture<Clip> resultFuture, Clip clip) {
        // The channel field of a JSON log line, so that one channel's clips can be followed in Loki.
        try (MDC.MDCCloseable channel = MDC.putCloseable("channel", clip.channelLogin())) {
            if (!pending.remove(resultFuture)) {
                LOG.info("moment {}: outcome {} arrived after the timeout and is dropped", clip.momentId(), clip.status());
                return;
            }
            LOG.info("moment {}: clip outcome {}", clip.momentId(), clip.status());
        }
        if (clip.status() == ClipStatus.CREATED) {
            created.inc();
        } else if (clip.status() == ClipStatus.SKIPPED) {
            skipped.inc();
        } else {
            failed.inc();
        }
        resultFuture.complete(List.of(clip));
    }
}
