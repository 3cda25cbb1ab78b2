package dev.streamscout.app.wiring;

import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.store.Database;
import dev.streamscout.store.RetentionJob;
import dev.streamscout.store.RetentionSchedule;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hourly store retention ({@code store.retention.raw-chat}, {@code store.retention.timeseries}), run by the
 * processes that always sit next to the database for as long as the system runs: the all-in-one
 * ({@code demo}, {@code run}) and {@code streamscout api}. Not the job: on a Flink cluster no StreamScout
 * process of the job stays behind to run it. Several API instances may run it side by side: its deletes
 * and partition drops are idempotent.
 */
final class StoreRetention {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRetention.class);

    private StoreRetention() {}

    /** Hourly on {@code database}, first after {@code firstDelay}; closing it stops the schedule, not the database. */
    static RetentionSchedule start(StreamScoutConfig config, Database database, Duration firstDelay) {
        LOG.info("store retention: raw chat {}, viewer samples and chat minutes {} (0 = kept forever), hourly",
                config.rawChatRetention(), config.timeseriesRetention());
        return RetentionSchedule.start(new RetentionJob(database.dataSource(), config.rawChatRetention(),
                config.timeseriesRetention(), Clock.systemUTC()), firstDelay, RetentionSchedule.DEFAULT_PERIOD);
    }

    /** Hourly, the first run shortly after start ({@link RetentionSchedule#FIRST_RUN_DELAY}). */
    static RetentionSchedule start(StreamScoutConfig config, Database database) {
        return start(config, database, RetentionSchedule.FIRST_RUN_DELAY);
    }
}
