package dev.streamscout.job.clip;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.twitch.helix.CreatedClip;
import dev.streamscout.twitch.helix.HelixClient;
import dev.streamscout.twitch.helix.HelixClip;
import dev.streamscout.twitch.helix.HelixException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One moment's conversation with Helix, as a small state machine driven by future callbacks and the
 * scheduler (nothing blocks):
 *
 * <ol>
 *   <li>Create Clip at the offsets of {@link ClipSettings#createAttemptOffsets()} from the first try
 *       (seed: 0, 3, 6 s), but never past {@link ClipSettings#createBudget()}. Only what
 *       {@link HelixException#retryable()} says is transient (408, 429, 500, 502, 503, 504, no
 *       response) is retried; 400, 403, 404 and the rest fail at once.</li>
 *   <li>401: ask the token source for a fresh token and repeat the same attempt, once.</li>
 *   <li>After Twitch's 202, Get Clips at each of {@link ClipSettings#confirmPollOffsets()} from the
 *       202: found means {@code CREATED}; never found after every poll answered means {@code FAILED};
 *       polls that themselves failed leave the clip {@code PENDING}.</li>
 * </ol>
 */
final class ClipExchange {

    private static final Logger LOG = LoggerFactory.getLogger(ClipExchange.class);

    private final HelixClient helix;
    private final ScheduledExecutorService scheduler;
    private final AccessTokenSource tokens;
    private final ClipSettings settings;
    private final Moment moment;
    private final String title;
    private final long createdMs;
    private final CompletableFuture<Clip> result = new CompletableFuture<>();

    private long startNanos;
    private boolean refreshedToken;
    private int attempts;
    private boolean pollAnsweredEmpty;
    private String lastPollError;

    ClipExchange(HelixClient helix, ScheduledExecutorService scheduler, AccessTokenSource tokens,
            ClipSettings settings, Moment moment, String title, long createdMs) {
        this.helix = helix;
        this.scheduler = scheduler;
        this.tokens = tokens;
        this.settings = settings;
        this.moment = moment;
        this.title = title;
        this.createdMs = createdMs;
    }

    CompletableFuture<Clip> start() {
        startNanos = System.nanoTime();
        long firstDelay = settings.createAttemptOffsets().get(0).toMillis();
        later(firstDelay, () -> attempt(0));
        return result;
    }

    // ---- Create Clip --------------------------------------------------------------------------

    private void attempt(int index) {
        attempts++;
        CompletableFuture<CreatedClip> call;
        try {
            call = helix.createClipAsync(moment.channelId(), title, settings.durationSeconds());
        } catch (RuntimeException e) {
            fail("Create Clip could not be sent: " + e.getMessage());
            return;
        }
        call.whenComplete((created, error) -> {
            if (error == null) {
                LOG.debug("clip {} accepted for moment {} after {} attempt(s)", created.id(), moment.id(), attempts);
                poll(created, 0);
            } else {
                onCreateFailed(index, unwrap(error));
            }
        });
    }

    private void onCreateFailed(int index, Throwable error) {
        if (!(error instanceof HelixException helixError)) {
            fail("Create Clip failed: " + error);
            return;
        }
        if (helixError.status() == 401 && !refreshedToken) {
            refreshedToken = true;
            LOG.info("Create Clip for {} got 401; refreshing the token and trying once more", moment.id());
            later(0, () -> {
                tokens.refresh();
                attempt(index);
            });
            return;
        }
        if (helixError.status() == 403) {
            // Clips disabled or restricted for this channel: the caller marks it not clippable.
            fail(ClipOutcomes.NOT_CLIPPABLE + "Create Clip refused (HTTP 403): " + helixError.getMessage());
            return;
        }
        if (!helixError.retryable()) {
            fail("Create Clip refused (HTTP " + helixError.status() + "): " + helixError.getMessage());
            return;
        }
        List<Duration> offsets = settings.createAttemptOffsets();
        int next = index + 1;
        if (next >= offsets.size() || offsets.get(next).compareTo(settings.createBudget()) > 0) {
            fail("Create Clip failed after " + attempts + " attempts: " + helixError.getMessage());
            return;
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        if (elapsedMs > settings.createBudget().toMillis()) {
            fail("Create Clip retry budget of " + settings.createBudget().toSeconds() + " s spent after "
                    + attempts + " attempts: " + helixError.getMessage());
            return;
        }
        LOG.debug("Create Clip for {} failed with HTTP {}; attempt {} at +{}", moment.id(), helixError.status(),
                next + 1, offsets.get(next));
        later(offsets.get(next).toMillis() - elapsedMs, () -> attempt(next));
    }

    // ---- Get Clips ----------------------------------------------------------------------------

    private void poll(CreatedClip created, int index) {
        long acceptedNanos = System.nanoTime();
        schedulePoll(created, index, acceptedNanos);
    }

    private void schedulePoll(CreatedClip created, int index, long acceptedNanos) {
        long dueMs = settings.confirmPollOffsets().get(index).toMillis()
                - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acceptedNanos);
        later(dueMs, () -> {
            CompletableFuture<Optional<HelixClip>> call;
            try {
                call = helix.getClipAsync(created.id());
            } catch (RuntimeException e) {
                afterPoll(created, index, acceptedNanos, Optional.empty(), e);
                return;
            }
            call.whenComplete((found, error) -> afterPoll(created, index, acceptedNanos, found,
                    error == null ? null : unwrap(error)));
        });
    }

    private void afterPoll(CreatedClip created, int index, long acceptedNanos, Optional<HelixClip> found,
            Throwable error) {
        if (error == null && found.isPresent()) {
            result.complete(ClipOutcomes.created(moment, title, createdMs, created.id(), found.get().url(),
                    created.editUrl()));
            return;
        }
        if (error == null) {
            pollAnsweredEmpty = true;
        } else {
            lastPollError = error.getMessage();
        }
        if (index + 1 < settings.confirmPollOffsets().size()) {
            schedulePoll(created, index + 1, acceptedNanos);
            return;
        }
        Duration waited = settings.confirmPollOffsets().get(index);
        if (pollAnsweredEmpty) {
            result.complete(ClipOutcomes.failed(moment, title, createdMs, created.id(), created.editUrl(),
                    "Twitch accepted clip " + created.id() + " but Get Clips did not return it within "
                            + waited.toSeconds() + " s"));
        } else {
            result.complete(ClipOutcomes.pending(moment, title, createdMs, created.id(), created.editUrl(),
                    "could not confirm clip " + created.id() + ": " + lastPollError));
        }
    }

    // ---- plumbing -----------------------------------------------------------------------------

    private void fail(String reason) {
        LOG.warn("no clip for moment {}: {}", moment.id(), reason);
        result.complete(ClipOutcomes.failed(moment, title, createdMs, reason));
    }

    private void later(long delayMs, Runnable step) {
        Runnable guarded = () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                fail("clip request crashed: " + e);
            }
        };
        try {
            scheduler.schedule(guarded, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            fail("clip requester is shutting down");
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
