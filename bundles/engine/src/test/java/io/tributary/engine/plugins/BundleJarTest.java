package io.tributary.engine.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

import io.tributary.api.engine.InvalidBundleException;

class BundleJarTest {
    private static final Set<String> CORE = Set.of("io.tributary.engine", "system.bundle");

    @TempDir
    Path dir;

    private int n;

    /** A jar whose manifest has these main headers (lines wrapped at 72 bytes as the jar format wants). */
    private Path jar(Map<String, String> headers) throws IOException {
        StringBuilder mf = new StringBuilder("Manifest-Version: 1.0\r\n");
        headers.forEach((k, v) -> {
            String line = k + ": " + v;
            mf.append(line, 0, Math.min(72, line.length())).append("\r\n");
            for (int i = 72; i < line.length(); i += 71) {
                mf.append(' ').append(line, i, Math.min(i + 71, line.length())).append("\r\n");
            }
        });
        return jarWithManifest(mf.toString());
    }

    private Path jarWithManifest(String manifest) throws IOException {
        Path p = dir.resolve("b" + (n++) + ".jar");
        try (OutputStream os = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry(BundleJar.MANIFEST));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return p;
    }

    private static Map<String, String> bundle(String bsn, String version) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Bundle-ManifestVersion", "2");
        h.put("Bundle-SymbolicName", bsn);
        if (version != null) {
            h.put("Bundle-Version", version);
        }
        return h;
    }

    private BundleJar read(Path jar) throws Exception {
        return BundleJar.read(jar, BundleJar.Limits.DEFAULT, CORE);
    }

    private String refused(Path jar) {
        return assertThrows(InvalidBundleException.class, () -> read(jar)).getMessage();
    }

    @Test
    void aWellFormedBundleIsRead() throws Exception {
        BundleJar b = read(jar(bundle("com.example.my-nodes_2;singleton:=true", "1.2.3.beta-1")));
        assertEquals("com.example.my-nodes_2", b.symbolicName());
        assertEquals(new Version(1, 2, 3, "beta-1"), b.version());
    }

    @Test
    void symbolicNamesThatNameAPathAreRefused() throws Exception {
        for (String bsn : new String[] {"../../../../tmp/x", "../../dist/lib/x", "a/b", "a\\b", "..", ".hidden",
                "a..b", "trailing.", "/abs", "a b", "nul\u0000x", "é"}) {
            String message = refused(jar(bundle(bsn, "1.0.0")));
            assertTrue(message.contains("is not a symbolic name"), bsn + ": " + message);
        }
        assertTrue(refused(jar(bundle("a".repeat(256), "1.0.0"))).contains("longer than 255"));
    }

    @Test
    void versionsOutsideTheGrammarAreRefused() throws Exception {
        for (String v : new String[] {"1.0.0/../x", "1.a", "1.0.0.q/x", "-1"}) {
            assertTrue(refused(jar(bundle("ok.name", v))).startsWith("Bundle-Version is not a version"), v);
        }
        assertEquals(Version.emptyVersion, read(jar(bundle("ok.name", null))).version());
    }

    @Test
    void theNameOfACoreBundleIsRefused() throws Exception {
        assertTrue(refused(jar(bundle("io.tributary.engine", "99.0.0"))).contains("core bundle"));
        assertTrue(refused(jar(bundle("system.bundle", "1.0.0"))).contains("core bundle"));
    }

    @Test
    void exportingAnApiPackageIsRefused() throws Exception {
        for (String exports : new String[] {"io.tributary.api.model", "io.tributary.api",
                "com.example.a;version=\"1.0\",io.tributary.api.engine;uses:=\"a,b\"",
                "com.example.a;io.tributary.api.node;version=1"}) {
            Map<String, String> h = bundle("com.example.evil", "1.0.0");
            h.put("Export-Package", exports);
            assertTrue(refused(jar(h)).contains("only the API bundle exports"), exports);
        }
        Map<String, String> fine = bundle("com.example.good", "1.0.0");
        fine.put("Export-Package", "com.example.good;version=\"1.0\";uses:=\"io.tributary.api.model\","
                + "io.tributary.apix");
        assertEquals("com.example.good", read(jar(fine)).symbolicName());
    }

    @Test
    void aManifestOverTheLimitsIsRefusedBeforeItIsParsed() throws Exception {
        Map<String, String> many = bundle("com.example.big", "1.0.0");
        StringBuilder exports = new StringBuilder("p0");
        for (int i = 1; i < 2_001; i++) {
            exports.append(",p").append(i);
        }
        many.put("Export-Package", exports.toString());
        assertTrue(refused(jar(many)).contains("Export-Package has more than 2000 clauses"));

        Map<String, String> headers = bundle("com.example.headers", "1.0.0");
        for (int i = 0; i < 200; i++) {
            headers.put("X-Header-" + i, "v");
        }
        assertTrue(refused(jar(headers)).contains("more than the 200 allowed"));

        Map<String, String> huge = bundle("com.example.huge", "1.0.0");
        huge.put("X-Padding", "x".repeat(400));
        String mf = "Manifest-Version: 1.0\r\n" + "X-Long: " + "y".repeat(60) + "\r\n"
                + (" " + "z".repeat(70) + "\r\n").repeat(8_000);
        assertTrue(refused(jarWithManifest(mf)).contains("larger than 524288 bytes"));

        BundleJar.Limits tight = new BundleJar.Limits(1024, 10, 3);
        Map<String, String> four = bundle("com.example.four", "1.0.0");
        four.put("Import-Package", "a,b,\"c,d\",e");
        assertThrows(InvalidBundleException.class, () -> BundleJar.read(jar(four), tight, CORE));
        four.put("Import-Package", "a,b;version=\"[1,2)\"");
        assertEquals("com.example.four", BundleJar.read(jar(four), tight, CORE).symbolicName());
    }

    @Test
    void notABundleIsRefused() throws Exception {
        Path garbage = dir.resolve("garbage.jar");
        Files.writeString(garbage, "not a jar");
        assertTrue(refused(garbage).startsWith("not a jar file"));
        assertTrue(refused(jar(Map.of())).contains("no Bundle-SymbolicName"));
        Map<String, String> v1 = bundle("com.example.v1", "1.0.0");
        v1.put("Bundle-ManifestVersion", "1");
        assertTrue(refused(jar(v1)).contains("Bundle-ManifestVersion must be 2"));
        Map<String, String> fragment = bundle("com.example.frag", "1.0.0");
        fragment.put("Fragment-Host", "io.tributary.engine");
        assertTrue(refused(jar(fragment)).contains("fragments"));
    }

    @Test
    void clausesAreCountedOutsideQuotes() {
        assertEquals(0, HeaderClauses.count(" ", 10));
        assertEquals(1, HeaderClauses.count("a;uses:=\"x,y,z\"", 10));
        assertEquals(3, HeaderClauses.count("a,b,c", 10));
        assertEquals(4, HeaderClauses.count("a,b,c,d,e,f,g", 3), "counting stops past the limit");
    }
}
