package io.tributary.node.knowledge;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.store.datasets.JdbcDatasetStore;
import io.tributary.store.db.Database;
import io.tributary.store.db.DatabaseSettings;
import io.tributary.store.files.JdbcFileStore;

/** Pipeline tests over the real store: embedded H2 and uploaded files on disk in a temp directory. */
public abstract class StoreBackedTest extends PipelineTest {
    @TempDir
    protected Path dataDir;

    protected Database database;
    protected JdbcFileStore fileStore;
    protected JdbcDatasetStore datasetStore;

    @BeforeEach
    void openStore() {
        database = new Database(DatabaseSettings.embedded(dataDir, 4));
        fileStore = new JdbcFileStore(database, dataDir.resolve("files"));
        datasetStore = new JdbcDatasetStore(database);
        files = fileStore;
        datasets = datasetStore;
    }

    @AfterEach
    void closeStore() {
        database.close();
    }
}
