package dev.streamscout.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** A throw-away database for one test class: an H2 file in a temp dir or a fresh PostgreSQL schema. */
interface TestDatabase extends AutoCloseable {

    String POSTGRES_BASE_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    String[] POSTGRES_USERS = {"postgres", "root"};

    DatabaseSettings settings();

    @Override
    void close();

    /** H2 in file mode under a new temporary directory, deleted on close. */
    static TestDatabase h2() {
        try {
            Path dir = Files.createTempDirectory("streamscout-store-test");
            DatabaseSettings settings = DatabaseSettings.h2File(dir);
            return new TestDatabase() {
                @Override
                public DatabaseSettings settings() {
                    return settings;
                }

                @Override
                public void close() {
                    deleteRecursively(dir);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new schema {@code t_<random>} in the local PostgreSQL {@code test} database, dropped on
     * close. Aborts (skips) the calling test when the server is unreachable, unless
     * {@code STREAMSCOUT_REQUIRE_SERVICES=1}, in which case it fails.
     */
    static TestDatabase postgres() {
        SQLException last = null;
        for (String user : POSTGRES_USERS) {
            try (Connection c = DriverManager.getConnection(POSTGRES_BASE_URL + "?connectTimeout=3", user, "");
                    Statement s = c.createStatement()) {
                String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                s.execute("CREATE SCHEMA " + schema);
                DatabaseSettings settings =
                        new DatabaseSettings(POSTGRES_BASE_URL + "?currentSchema=" + schema, user, "");
                return new TestDatabase() {
                    @Override
                    public DatabaseSettings settings() {
                        return settings;
                    }

                    @Override
                    public void close() {
                        try (Connection c2 = DriverManager.getConnection(POSTGRES_BASE_URL, user, "");
                                Statement s2 = c2.createStatement()) {
                            s2.execute("DROP SCHEMA " + schema + " CASCADE");
                        } catch (SQLException e) {
                            throw new IllegalStateException("Could not drop schema " + schema, e);
                        }
                    }
                };
            } catch (SQLException e) {
                last = e;
            }
        }
        String reason = "PostgreSQL unreachable at " + POSTGRES_BASE_URL + " as "
                + String.join(" or ", POSTGRES_USERS) + ": " + last.getMessage();
        if ("1".equals(System.getenv("STREAMSCOUT_REQUIRE_SERVICES"))) {
            fail(reason + " (STREAMSCOUT_REQUIRE_SERVICES=1)", last);
        }
        System.err.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
