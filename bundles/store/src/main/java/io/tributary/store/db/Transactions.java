package io.tributary.store.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.tributary.api.store.StoreException;

/**
 * Runs JDBC work on one pooled connection, in one transaction or in auto-commit, with the store's error contract.
 * The pool (HikariCP) restores auto-commit when the connection goes back.
 */
public final class Transactions {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    /**
     * Runs the work in one transaction: committed when it returns, rolled back when it throws. A
     * {@link SQLException} becomes a {@link StoreException} saying "Could not {@code what}"; runtime exceptions
     * (the caller's argument errors) pass unchanged after the rollback.
     */
    public static <T> T inTransaction(DataSource db, String what, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs the work in auto-commit mode, with the same error contract. */
    public static <T> T autoCommit(DataSource db, String what, Work<T> work) {
        try (Connection c = db.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
