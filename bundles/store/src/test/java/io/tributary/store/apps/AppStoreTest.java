package io.tributary.store.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tributary.api.store.dto.App;
import io.tributary.api.store.dto.AppVersion;
import io.tributary.store.BothDatabases;
import io.tributary.store.StoreTestBase;
import io.tributary.store.db.Database;

@BothDatabases
class AppStoreTest extends StoreTestBase {
    private JdbcAppStore store;

    @Override
    protected void openStores(Database database) {
        store = new JdbcAppStore(database);
    }

    @Test
    void createdAppIsADraftWithoutVersion() {
        App app = store.create("Greeter", "workflow", "says hello", "kind: app\n");

        assertNull(app.publishedVersion());
        assertEquals(Optional.of(app), store.app(app.id()));
        assertEquals(Optional.empty(), store.latest(app.id()));
        assertEquals(List.of(app), store.list());
    }

    @Test
    void publishingNumbersVersionsAndKeepsOldOnes() {
        App app = store.create("Greeter", "workflow", null, "dsl: 1\n");

        AppVersion v1 = store.publish(app.id()).orElseThrow();
        AppVersion v2 = store.publish(app.id()).orElseThrow();

        assertEquals(1, v1.version());
        assertEquals(2, v2.version());
        assertNotEquals(v1.workflowId(), v2.workflowId());
        assertEquals(Optional.of(v2), store.latest(app.id()));
        assertEquals(Optional.of(v1), store.version(v1.workflowId()));
        assertEquals("dsl: 1\n", v1.dsl());
        assertEquals(2, store.app(app.id()).orElseThrow().publishedVersion());
        assertEquals("", store.app(app.id()).orElseThrow().description());
    }

    @Test
    void unknownAppsAreEmpty() {
        assertTrue(store.app("nope").isEmpty());
        assertTrue(store.publish("nope").isEmpty());
        assertTrue(store.latest("nope").isEmpty());
        assertTrue(store.version("nope").isEmpty());
    }

    @Test
    void listsNewestFirst() {
        App a = store.create("A", "workflow", "", "a");
        App b = store.create("B", "workflow", "", "b");

        List<String> ids = store.list().stream().map(App::id).toList();

        assertEquals(2, ids.size());
        assertTrue(ids.indexOf(b.id()) <= ids.indexOf(a.id()) || a.createdAt().equals(b.createdAt()));
    }
}
