package io.tributary.store.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

import io.tributary.api.store.StoreException;

/** Choosing and describing the database; no database needed. */
class DatabaseSettingsTest {
    @Test
    void unsupportedUrlNamesTheSupportedOnes() {
        for (String url : new String[] {"jdbc:mysql://localhost/x", "postgresql://localhost/x", ""}) {
            StoreException e = assertThrows(StoreException.class,
                    () -> new Database(new DatabaseSettings(url, "", "", 1)));
            assertTrue(e.getMessage().startsWith("Unsupported JDBC URL '" + url + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("jdbc:postgresql:"), e.getMessage());
        }
    }

    @Test
    void configurationChoosesTheDatabase(@TempDir Path tmp) {
        BundleContext ctx = context(Map.of("tributary.data.dir", tmp.resolve("framework").toString()), tmp);

        assertEquals("jdbc:postgresql://db:5432/t",
                Database.settings(config("jdbc:postgresql://db:5432/t", "", 3), ctx).url());
        assertEquals(3, Database.settings(config("jdbc:postgresql://db:5432/t", "", 3), ctx).poolSize());
        assertEquals(h2(tmp.resolve("configured")),
                Database.settings(config("", tmp.resolve("configured").toString(), 8), ctx).url());
        assertEquals(h2(tmp.resolve("framework")), Database.settings(config(" ", "", 8), ctx).url());
        assertEquals(h2(tmp.resolve("bundle-area")),
                Database.settings(config("", "", 8), context(Map.of(), tmp)).url());
        assertThrows(IllegalArgumentException.class, () -> Database.settings(config("", "", 0), ctx));
    }

    private static String h2(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db/tributary") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    private static Database.Config config(String url, String dataDir, int poolSize) {
        return (Database.Config) Proxy.newProxyInstance(Database.Config.class.getClassLoader(),
                new Class<?>[] {Database.Config.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "url" -> url;
                    case "data_dir" -> dataDir;
                    case "pool_size" -> poolSize;
                    case "user", "_password" -> "";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static BundleContext context(Map<String, String> properties, Path tmp) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getDataFile" -> tmp.resolve("bundle-area").resolve((String) args[0]).toFile();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void passwordsNeverShow() {
        DatabaseSettings s = new DatabaseSettings("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true", "u",
                "hunter2", 1);
        assertEquals("DatabaseSettings[url=jdbc:postgresql://h/db?user=u&password=***&ssl=true, user=u, poolSize=1]",
                s.toString());
        assertFalse(JdbcUrls.mask("jdbc:h2:file:/x;PASSWORD=hunter2;MODE=x").contains("hunter2"));
    }
}
