package io.tributary.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import io.tributary.store.db.Database;

/**
 * Base of the store tests that run once per {@link Backend} (annotate the subclass with {@link BothDatabases}):
 * one migrated database per backend and class, emptied before each test; PostgreSQL tests are skipped with a
 * message where no server answers.
 */
public abstract class StoreTestBase {
    protected static StoreFixture fixture;

    @Parameter
    protected Backend backend;

    @BeforeParameterizedClassInvocation
    static void open(Backend backend) {
        fixture = backend.available() ? new StoreFixture(backend) : null;
    }

    @AfterParameterizedClassInvocation
    static void close() {
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
    }

    @BeforeEach
    void emptyStore() {
        backend.assumeAvailable();
        fixture.clear();
        openStores(fixture.database());
    }

    /** Builds the components under test on the freshly emptied database. */
    protected abstract void openStores(Database database);
}
