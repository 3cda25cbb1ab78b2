package dev.streamscout.store;

import static dev.streamscout.store.StoreFixtures.NOON;
import static dev.streamscout.store.StoreFixtures.clip;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening, migrating, probing and closing a {@link Database}; each test gets a fresh database. */
abstract class DatabaseLifecycleContract {

    private TestDatabase testDatabase;

    abstract TestDatabase createTestDatabase();

    @BeforeEach
    void create() {
        testDatabase = null;
        testDatabase = createTestDatabase();
    }

    @AfterEach
    void drop() {
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    @Test
    void reopeningDoesNotMigrateAgainAndKeepsData() throws Exception {
        try (Database first = Database.open(testDatabase.settings())) {
            new ClipDao(first.dataSource()).insert(clip("1", NOON));
        }
        try (Database second = Database.open(testDatabase.settings())) {
            assertThat(new ClipDao(second.dataSource()).recent(10)).containsExactly(clip("1", NOON));
            try (Connection c = second.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history"
                            + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
                java.util.List<String> versions = new java.util.ArrayList<>();
                while (rs.next()) {
                    assertThat(rs.getBoolean(2)).as("migration " + rs.getString(1) + " succeeded").isTrue();
                    versions.add(rs.getString(1));
                }
                assertThat(versions).as("each migration applied once, in order").containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
            }
        }
    }

    @Test
    void momentsStoredBeforeV8KeepASpreadOnlyWhereTheirProfileHasOne() throws Exception {
        // The schema as it was before V8 (baseline_stddev NOT NULL), with rows as the job wrote them then.
        DatabaseSettings settings = testDatabase.settings();
        org.flywaydb.core.Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("7").load().migrate();
        long peak = NOON.toEpochMilli();
        StoredMoment seed = oldMoment("seed", StoredMoment.CHAT_SPIKE, "seed", 1.5, peak);
        StoredMoment flatSeed = oldMoment("flat", StoredMoment.CHAT_SPIKE, "seed", 0.0, peak);
        StoredMoment byDefault = oldMoment("default", StoredMoment.CHAT_SPIKE, "default", 0.0, peak);
        StoredMoment drop = oldMoment("drop", StoredMoment.VIEWER_DROP, null, 0.0, peak);
        try (Connection c = java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password()); java.sql.PreparedStatement ps = c.prepareStatement(MomentSql.INSERT)) {
            for (StoredMoment m : java.util.List.of(seed, flatSeed, byDefault, drop)) {
                MomentSql.bind(ps, m);
                ps.executeUpdate();
            }
        }

        try (Database migrated = Database.open(settings)) {
            MomentDao moments = new MomentDao(migrated.dataSource());
            assertThat(moments.findById(seed.id()).orElseThrow().baselineStddev()).isEqualTo(1.5);
            assertThat(moments.findById(flatSeed.id()).orElseThrow().baselineStddev()).isEqualTo(0.0);
            assertThat(moments.findById(byDefault.id()).orElseThrow().baselineStddev()).isNull();
            assertThat(moments.findById(drop.id()).orElseThrow().baselineStddev()).isNull();
        }
    }

    private static StoredMoment oldMoment(String channelId, String type, String profile, double stddev, long peak) {
        return new StoredMoment(channelId + ":" + peak / 1000, channelId, null, type, peak - 1000, peak, peak, 5.0,
                2.0, stddev, 3.0, 10, 5, null, null, null, null, profile, null, null, peak);
    }

    @Test
    void twoPoolsOnTheSameDatabaseSeeEachOthersWrites() {
        try (Database a = Database.open(testDatabase.settings());
                Database b = Database.open(testDatabase.settings())) {
            new ClipDao(a.dataSource()).insert(clip("from-a", NOON));
            new ClipDao(b.dataSource()).insert(clip("from-b", NOON.plusSeconds(1)));

            assertThat(new ClipDao(a.dataSource()).recent(10)).extracting(c -> c.channelId())
                    .containsExactly("from-b", "from-a");
            assertThat(a.isHealthy()).isTrue();
            assertThat(b.isHealthy()).isTrue();
        }
    }

    @Test
    void healthyWhileOpenUnhealthyOnceClosed() {
        Database db = Database.open(testDatabase.settings());
        assertThat(db.isHealthy()).isTrue();

        db.close();

        assertThat(db.isHealthy()).isFalse();
    }
}
