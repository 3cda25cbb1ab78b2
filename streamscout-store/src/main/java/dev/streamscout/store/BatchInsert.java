package dev.streamscout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * One idempotent {@code INSERT ... ON CONFLICT DO NOTHING} run over many rows as a single JDBC batch in
 * one transaction: every new row is kept, or (when the database refuses any) none is.
 */
final class BatchInsert {

    /** Fills the statement's parameters from one row. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private BatchInsert() {}

    /**
     * Runs {@code sql} once per row on {@code c}, committing at the end and rolling back on failure; the
     * connection's auto-commit is restored either way.
     *
     * @return how many rows were new (a skipped conflict counts 0)
     */
    static <T> int run(Connection c, String sql, Collection<? extends T> rows, Binder<T> binder) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            int inserted = 0;
            for (int n : ps.executeBatch()) {
                // SUCCESS_NO_INFO (-2) means "done, count unknown": count it as new.
                inserted += n == PreparedStatement.SUCCESS_NO_INFO ? 1 : Math.max(n, 0);
            }
            c.commit();
            return inserted;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
