package dev.streamscout.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * Base of the tests that run against both databases: one migrated database per test class,
 * emptied before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {

    protected TestDatabase testDatabase;
    protected Database database;
    // Set when the database is unavailable, so that every test reports itself skipped with the reason.
    private String skipReason;

    /** {@link TestDatabase#h2()} or {@link TestDatabase#postgres()}. */
    abstract TestDatabase createTestDatabase();

    @BeforeAll
    void openDatabase() {
        try {
            testDatabase = createTestDatabase();
        } catch (TestAbortedException e) {
            skipReason = e.getMessage();
            return;
        }
        database = Database.open(testDatabase.settings());
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        Assumptions.assumeTrue(skipReason == null, skipReason);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM clips");
            s.execute("DELETE FROM streamers");
        }
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
    }
}
