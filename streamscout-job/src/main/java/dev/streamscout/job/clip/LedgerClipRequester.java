package dev.streamscout.job.clip;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.store.ChannelClipBlock;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.ClipLedgerDao;
import dev.streamscout.store.DatabaseSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the durable guards of the database in front of another {@link ClipRequester}:
 *
 * <ul>
 *   <li><b>At most one Create Clip per moment</b>, across restarts and replays: before the delegate
 *       is asked, the moment id is claimed in {@code clip_requests} (insert-if-absent). A moment
 *       claimed before is never sent again; its stored clip is returned if there is one, otherwise
 *       a {@code PENDING} clip saying the outcome of the earlier request is unknown.</li>
 *   <li><b>Not clippable channels</b>: when the delegate's clip says
 *       {@link ClipOutcomes#NOT_CLIPPABLE} (Create Clip answered 403), the channel is recorded in
 *       {@code channel_clip_blocks} for {@code blockFor}; until then its moments are {@code SKIPPED}
 *       with that reason and Twitch is not called.</li>
 * </ul>
 *
 * The database calls run on a thread of this requester, never on the Flink task thread. When the
 * database cannot be reached the moment is recorded as {@code FAILED} rather than risking a duplicate.
 */
public final class LedgerClipRequester implements ClipRequester {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LedgerClipRequester.class);
    /** How long a 403 keeps a channel from being clipped (streamers do change their settings). */
    public static final Duration DEFAULT_BLOCK = Duration.ofHours(1);

    private final ClipRequester delegate;
    // DatabaseSettings is not Serializable; its parts are, and the settings are rebuilt in open().
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Duration blockFor;

    private transient HikariDataSource pool;
    private transient ExecutorService ledgerThread;
    private transient ClipLedgerDao ledger;
    private transient ClipDao clips;
    private transient Map<String, ChannelClipBlock> knownBlocks;

    public LedgerClipRequester(ClipRequester delegate, DatabaseSettings database, Duration blockFor) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(database, "database");
        this.jdbcUrl = database.jdbcUrl();
        this.user = database.user();
        this.password = database.password();
        this.blockFor = Objects.requireNonNull(blockFor, "blockFor");
    }

    public LedgerClipRequester(ClipRequester delegate, DatabaseSettings database) {
        this(delegate, database, DEFAULT_BLOCK);
    }

    @Override
    public void open() throws Exception {
        DatabaseSettings database = new DatabaseSettings(jdbcUrl, user, password);
        HikariConfig config = new HikariConfig();
        config.setPoolName("clip-ledger");
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setDriverClassName(database.driverClassName());
        config.setMinimumIdle(0);
        config.setMaximumPoolSize(2);
        // Fail fast at open() time is not wanted: the job must start even if the database is late.
        config.setInitializationFailTimeout(-1);
        pool = new HikariDataSource(config);
        ledger = new ClipLedgerDao(pool);
        clips = new ClipDao(pool);
        knownBlocks = new ConcurrentHashMap<>();
        ledgerThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "clip-ledger");
            t.setDaemon(true);
            return t;
        });
        delegate.open();
    }

    @Override
    public CompletableFuture<Clip> request(Moment moment) {
        long startMs = System.currentTimeMillis();
        String title = ClipOutcomes.title(moment);
        return CompletableFuture.supplyAsync(() -> guard(moment, title, startMs), ledgerThread)
                .thenCompose(stop -> stop.isPresent()
                        ? CompletableFuture.completedFuture(stop.get())
                        : delegate.request(moment).thenApplyAsync(clip -> remember403(clip), ledgerThread))
                .exceptionally(error -> ClipOutcomes.failed(moment, title, startMs,
                        "clip ledger unavailable, Create Clip not sent: " + error));
    }

    /** The outcome without calling Twitch, or empty when the moment is claimed and may be sent. */
    private Optional<Clip> guard(Moment moment, String title, long nowMs) {
        Instant now = Instant.ofEpochMilli(nowMs);
        ChannelClipBlock block = knownBlocks.get(moment.channelId());
        if (block == null || !block.activeAt(now)) {
            block = ledger.activeBlock(moment.channelId(), now).orElse(null);
            if (block != null) {
                knownBlocks.put(moment.channelId(), block);
            }
        }
        if (block != null && block.activeAt(now)) {
            return Optional.of(ClipOutcomes.skipped(moment, title, nowMs, ClipOutcomes.NOT_CLIPPABLE
                    + "channel refused clips until " + block.blockedUntil() + " (" + block.reason() + ")"));
        }
        if (!ledger.claim(moment.id(), moment.channelId(), now)) {
            LOG.info("moment {} was sent to Create Clip before (restart or replay); not sending it again", moment.id());
            return Optional.of(clips.findByMomentId(moment.id()).orElseGet(() -> new Clip(moment.id(), null,
                    moment.channelId(), moment.channelLogin(), moment.peakMs(), nowMs, null, null, title,
                    moment.intensity(), moment.messageCount(), ClipStatus.PENDING,
                    "Create Clip was requested by an earlier run whose outcome was not recorded; not sent again")));
        }
        return Optional.empty();
    }

    private Clip remember403(Clip clip) {
        if (ClipOutcomes.isNotClippable(clip)) {
            Instant now = Instant.now();
            ChannelClipBlock block = new ChannelClipBlock(clip.channelId(), clip.failureReason(), now, now.plus(blockFor));
            knownBlocks.put(clip.channelId(), block);
            try {
                ledger.block(block);
            } catch (RuntimeException e) {
                LOG.warn("could not record channel {} as not clippable: {}", clip.channelId(), e.toString());
            }
            LOG.warn("channel {} is not clippable until {}: {}", clip.channelId(), block.blockedUntil(),
                    clip.failureReason());
        }
        return clip;
    }

    @Override
    public void close() throws Exception {
        try {
            delegate.close();
        } finally {
            if (ledgerThread != null) {
                ledgerThread.shutdownNow();
            }
            if (pool != null) {
                pool.close();
            }
        }
    }
}
