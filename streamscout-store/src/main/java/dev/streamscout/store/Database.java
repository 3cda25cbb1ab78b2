package dev.streamscout.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open, migrated database: a HikariCP pool whose schema Flyway has brought up to date.
 *
 * <p>Pool sizes and timeouts come from {@link DatabaseSettings#pool()}; by default the seed plan's
 * (min 2, max 10 connections, 30 s connection timeout, 600 s idle timeout).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** How long a health probe may take before the database counts as down. */
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    // One probe thread: a hung probe is awaited by later calls instead of piling up new ones.
    private final ExecutorService probeExecutor;
    private Future<Boolean> runningProbe;

    private Database(DatabaseSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.probeExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "db-health-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the pool and applies pending migrations from {@code classpath:db/migration}.
     *
     * @throws StoreException when the database cannot be reached or a migration fails
     */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("streamscout-db");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setDriverClassName(settings.driverClassName());
        PoolSettings poolSettings = settings.pool();
        config.setMinimumIdle(poolSettings.minIdle());
        config.setMaximumPoolSize(poolSettings.maxSize());
        config.setConnectionTimeout(poolSettings.connectionTimeout().toMillis());
        config.setIdleTimeout(poolSettings.idleTimeout().toMillis());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("Cannot connect to " + settings, e);
        }
        try {
            var result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info("Database {} at schema version {} ({} migrations applied)",
                    settings, result.targetSchemaVersion, result.migrationsExecuted);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("Migrating " + settings + " failed", e);
        }
        return new Database(settings, pool);
    }

    /** The pooled data source for DAOs. */
    public DataSource dataSource() {
        return pool;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /**
     * Runs {@code SELECT 1} on a pooled connection, waiting at most {@link #HEALTH_TIMEOUT}.
     * Never throws; a closed pool, an unreachable server or a slow answer all count as unhealthy.
     */
    public boolean isHealthy() {
        if (pool.isClosed()) {
            return false;
        }
        Future<Boolean> probe;
        synchronized (this) {
            if (runningProbe == null || runningProbe.isDone()) {
                try {
                    runningProbe = probeExecutor.submit(this::probe);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    return false; // closed meanwhile
                }
            }
            probe = runningProbe;
        }
        try {
            return probe.get(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Database health probe took longer than {}", HEALTH_TIMEOUT);
            return false;
        } catch (ExecutionException e) {
            LOG.warn("Database health probe failed: {}", e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean probe() throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) HEALTH_TIMEOUT.toSeconds());
            s.execute("SELECT 1");
            return true;
        }
    }

    @Override
    public void close() {
        probeExecutor.shutdownNow();
        pool.close();
    }
}
