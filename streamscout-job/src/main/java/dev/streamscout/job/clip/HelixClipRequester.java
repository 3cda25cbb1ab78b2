package dev.streamscout.job.clip;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.twitch.helix.HelixClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clips moments through Twitch Helix: Create Clip with the seed retry policy, then Get Clips until
 * the clip shows up. See {@link ClipExchange} for the policy.
 *
 * <p>Holds only configuration until {@link #open()}, which creates the JDK HTTP client, the thread
 * that runs its callbacks and the scheduler used for delays (so no thread ever sleeps);
 * {@link #close()} stops them.
 */
public final class HelixClipRequester implements ClipRequester {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HelixClipRequester.class);

    private final URI helixBase;
    private final String clientId;
    private final AccessTokenSource tokens;
    private final ClipSettings settings;

    private transient ExecutorService httpExecutor;
    private transient ScheduledExecutorService scheduler;
    private transient HelixClient helix;

    /**
     * @param helixBase e.g. {@code https://api.twitch.tv/helix}, or the simulator's
     * @param clientId  application client id (must match the token's)
     * @param tokens    user token with {@code clips:edit}
     * @param settings  durations, retry and confirmation schedules
     */
    public HelixClipRequester(URI helixBase, String clientId, AccessTokenSource tokens, ClipSettings settings) {
        this.helixBase = Objects.requireNonNull(helixBase, "helixBase");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void open() {
        httpExecutor = Executors.newFixedThreadPool(2, daemonThreads("helix-http"));
        scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("clip-scheduler"));
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .executor(httpExecutor)
                .build();
        helix = new HelixClient(helixBase, clientId, tokens::accessToken, http, settings.requestTimeout());
        LOG.debug("Helix clip requester open against {}", helixBase);
    }

    @Override
    public CompletableFuture<Clip> request(Moment moment) {
        if (helix == null) {
            throw new IllegalStateException("open() was not called");
        }
        String title = ClipOutcomes.title(moment);
        long createdMs = System.currentTimeMillis();
        String token = tokens.accessToken();
        if (token == null || token.isBlank()) {
            return CompletableFuture.completedFuture(ClipOutcomes.skipped(moment, title, createdMs,
                    "no user access token with clips:edit"));
        }
        return new ClipExchange(helix, scheduler, tokens, settings, moment, title, createdMs).start();
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (httpExecutor != null) {
            httpExecutor.shutdownNow();
            try {
                httpExecutor.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        helix = null;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
