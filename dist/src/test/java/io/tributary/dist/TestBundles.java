package io.tributary.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Test helper: bundle jars written by hand (a manifest, optionally an activator class from the test classes). */
final class TestBundles {
    private TestBundles() {
    }

    /** A bundle with these main manifest headers (Bundle-ManifestVersion 2 added) and no classes. */
    static byte[] bundle(Map<String, String> headers) throws IOException {
        return bundle(headers, null);
    }

    /** A bundle whose {@code Bundle-Activator} is this class, copied from the test class path. */
    static byte[] withActivator(String symbolicName, Class<?> activator) throws IOException {
        return bundle(Map.of("Bundle-SymbolicName", symbolicName, "Bundle-Version", "1.0.0",
                "Bundle-Activator", activator.getName(), "Import-Package", "org.osgi.framework"), activator);
    }

    private static byte[] bundle(Map<String, String> headers, Class<?> activator) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(a::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, mf)) {
            if (activator != null) {
                String name = activator.getName().replace('.', '/') + ".class";
                try (InputStream in = activator.getClassLoader().getResourceAsStream(name)) {
                    out.putNextEntry(new JarEntry(name));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }
}
