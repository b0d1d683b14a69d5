package io.tributary.store.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.api.store.dto.PluginRecord;
import io.tributary.store.BothDatabases;
import io.tributary.store.StoreTestBase;
import io.tributary.store.db.Database;

@BothDatabases
class PluginRecordStoreTest extends StoreTestBase {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");

    private JdbcPluginRecordStore store;

    @Override
    protected void openStores(Database database) {
        store = new JdbcPluginRecordStore(database);
    }

    private static PluginRecord record(String name, String version, int secondsAfterT0) {
        return new PluginRecord(name, version, "ab".repeat(32), "file:/data/plugins/" + name + "-" + version + ".jar",
                "upload", T0.plusSeconds(secondsAfterT0));
    }

    @Test
    void listsOldestFirst() {
        PluginRecord late = record("io.x.late", "1.0.0", 20);
        PluginRecord early = record("io.x.early", "2.0.0", 10);
        PluginRecord early2 = record("io.x.early", "2.1.0", 15);
        store.put(late);
        store.put(early);
        store.put(early2);

        assertEquals(List.of(early, early2, late), store.list());
    }

    @Test
    void putReplacesTheRecordWithTheSameNameAndVersion() {
        store.put(record("io.x.a", "1.0.0", 0));
        store.put(record("io.x.a", "1.1.0", 1));
        PluginRecord replacement = new PluginRecord("io.x.a", "1.0.0", "cd".repeat(32), "file:/elsewhere.jar",
                "deploy", T0.plusSeconds(5));

        store.put(replacement);

        assertEquals(List.of(record("io.x.a", "1.1.0", 1), replacement), store.list());
    }

    @Test
    void removeDeletesOneVersion() {
        store.put(record("io.x.a", "1.0.0", 0));
        store.put(record("io.x.a", "2.0.0", 1));

        assertTrue(store.remove("io.x.a", "1.0.0"));
        assertFalse(store.remove("io.x.a", "1.0.0"));
        assertFalse(store.remove("io.x.b", "2.0.0"));

        assertEquals(List.of(record("io.x.a", "2.0.0", 1)), store.list());
    }

    @Test
    void instantsKeepMicroseconds() {
        PluginRecord r = new PluginRecord("io.x.t", "1.0.0", "ab".repeat(32), "file:/t.jar", "deploy",
                Instant.parse("2026-05-06T07:08:09.987654321Z"));

        store.put(r);

        assertEquals(Instant.parse("2026-05-06T07:08:09.987654Z"), store.list().get(0).installedAt());
    }

    @Test
    void incompleteRecordsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> store.put(new PluginRecord("io.x.a", null, "ab", "file:/a.jar", "upload", T0)));
        assertThrows(IllegalArgumentException.class,
                () -> store.put(new PluginRecord("io.x.a", "1.0.0", "ab", "file:/a.jar", "upload", null)));
        assertThrows(NullPointerException.class, () -> store.put(null));
        assertEquals(List.of(), store.list());
    }
}
