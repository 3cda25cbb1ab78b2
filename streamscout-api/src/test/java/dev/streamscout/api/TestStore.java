package dev.streamscout.api;

import static org.junit.jupiter.api.Assertions.fail;

import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A migrated throw-away database for an API test class: H2 in a temp dir, or a fresh schema in the local
 * PostgreSQL {@code test} database (skipped when unreachable, failed when
 * {@code STREAMSCOUT_REQUIRE_SERVICES=1}, as the store's own tests do).
 */
public final class TestStore implements AutoCloseable {

    private static final String POSTGRES_BASE_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String[] POSTGRES_USERS = {"postgres", "root"};

    private final Database database;
    private final Runnable cleanUp;

    private TestStore(DatabaseSettings settings, Runnable cleanUp) {
        this.database = Database.open(settings);
        this.cleanUp = cleanUp;
    }

    public static TestStore h2() {
        try {
            Path dir = Files.createTempDirectory("streamscout-api-store");
            return new TestStore(DatabaseSettings.h2File(dir), () -> ApiTestSupport.deleteRecursively(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new schema, dropped on close; aborts the calling test when PostgreSQL is not there (see class doc). */
    public static TestStore postgres() {
        SQLException last = null;
        for (String user : POSTGRES_USERS) {
            try (Connection c = DriverManager.getConnection(POSTGRES_BASE_URL + "?connectTimeout=3", user, "");
                    Statement s = c.createStatement()) {
                String schema = "api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                s.execute("CREATE SCHEMA " + schema);
                return new TestStore(new DatabaseSettings(POSTGRES_BASE_URL + "?currentSchema=" + schema, user, ""),
                        () -> dropSchema(user, schema));
            } catch (SQLException e) {
                last = e;
            }
        }
        String reason = "PostgreSQL unreachable at " + POSTGRES_BASE_URL + ": " + last.getMessage();
        if ("1".equals(System.getenv("STREAMSCOUT_REQUIRE_SERVICES"))) {
            fail(reason + " (STREAMSCOUT_REQUIRE_SERVICES=1)", last);
        }
        System.err.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    public Database database() {
        return database;
    }

    /** Empties the tables the API reads. */
    public void clear() {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"clips", "moments", "streamers", "chat_summary_minute",
                "viewer_timeseries"}) {
                s.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        database.close();
        cleanUp.run();
    }

    private static void dropSchema(String user, String schema) {
        try (Connection c = DriverManager.getConnection(POSTGRES_BASE_URL, user, "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop schema " + schema, e);
        }
    }
}
