package dev.streamscout.job.clip;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.Moment;
import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a moment into a clip, whatever service makes the clip. The job ships an instance to every
 * parallel {@link ClipMaker}, which calls {@link #open()} once before the first request and
 * {@link #close()} at shutdown, so clients and threads belong in {@code open()}, not in the
 * constructor.
 *
 * <p>{@link #request} must not block: it runs on the Flink task thread. The future should complete
 * normally with a clip whatever happens ({@code FAILED} with a reason when the service refuses or
 * fails); a future that fails or never completes is recorded as {@code FAILED} by {@link ClipMaker}.
 */
public interface ClipRequester extends Serializable {

    /** Creates clients and threads; called once per parallel instance before any request. */
    default void open() throws Exception {}

    /** Asks for a clip of the moment; returns at once. */
    CompletableFuture<Clip> request(Moment moment);

    /** Releases what {@link #open()} created; pending requests may be abandoned. */
    default void close() throws Exception {}
}
