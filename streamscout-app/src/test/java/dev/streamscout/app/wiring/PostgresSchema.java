package dev.streamscout.app.wiring;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema in the local PostgreSQL {@code test} database for one test, dropped on close. The test
 * is skipped, with the reason printed, when the server is unreachable, and fails instead when
 * {@code STREAMSCOUT_REQUIRE_SERVICES=1} (as in the store module's tests).
 */
final class PostgresSchema implements AutoCloseable {

    private static final String BASE_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String[] USERS = {"postgres", "root"};

    private final String user;
    private final String schema;

    private PostgresSchema(String user, String schema) {
        this.user = user;
        this.schema = schema;
    }

    static PostgresSchema create() {
        SQLException last = null;
        for (String user : USERS) {
            try (Connection c = DriverManager.getConnection(BASE_URL + "?connectTimeout=3", user, "");
                    Statement s = c.createStatement()) {
                String schema = "svc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                s.execute("CREATE SCHEMA " + schema);
                return new PostgresSchema(user, schema);
            } catch (SQLException e) {
                last = e;
            }
        }
        String reason = "PostgreSQL unreachable at " + BASE_URL + " as " + String.join(" or ", USERS) + ": "
                + last.getMessage();
        if ("1".equals(System.getenv("STREAMSCOUT_REQUIRE_SERVICES"))) {
            fail(reason + " (STREAMSCOUT_REQUIRE_SERVICES=1)", last);
        }
        System.err.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    /** A {@code POSTGRES_URL} that puts everything in this schema. */
    String url() {
        return BASE_URL + "?currentSchema=" + schema;
    }

    String user() {
        return user;
    }

    /** Rows of a single-column query, for checking what the services stored. */
    java.util.List<String> column(String sql) throws SQLException {
        java.util.List<String> values = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(), user, ""); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(BASE_URL, user, ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop schema " + schema, e);
        }
    }
}
