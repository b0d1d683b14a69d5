package io.tributary.engine.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

import io.tributary.api.engine.InvalidBundleException;

/** What the manifest of a candidate plugin jar says, checked before anything is installed. */
record BundleJar(String symbolicName, Version version) {

    static BundleJar read(Path jar) throws InvalidBundleException, IOException {
        Manifest mf;
        try (JarFile jf = new JarFile(jar.toFile())) {
            mf = jf.getManifest();
        } catch (ZipException e) {
            throw new InvalidBundleException("not a jar file (" + e.getMessage() + ")");
        }
        if (mf == null) {
            throw new InvalidBundleException("the jar has no META-INF/MANIFEST.MF");
        }
        Attributes a = mf.getMainAttributes();
        String bsn = a.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (bsn == null || bsn.isBlank()) {
            throw new InvalidBundleException("the manifest has no Bundle-SymbolicName: not an OSGi bundle");
        }
        if (!"2".equals(a.getValue(Constants.BUNDLE_MANIFESTVERSION))) {
            throw new InvalidBundleException("Bundle-ManifestVersion must be 2");
        }
        Version version;
        try {
            version = Version.parseVersion(a.getValue(Constants.BUNDLE_VERSION));
        } catch (IllegalArgumentException e) {
            throw new InvalidBundleException("Bundle-Version is not a version: " + e.getMessage());
        }
        if (a.getValue(Constants.FRAGMENT_HOST) != null) {
            throw new InvalidBundleException("fragments cannot be installed as plugins");
        }
        int semi = bsn.indexOf(';');
        return new BundleJar((semi < 0 ? bsn : bsn.substring(0, semi)).trim(), version);
    }

    /** Copies at most {@code maxBytes} from the stream to a file. */
    static long copyLimited(InputStream in, Path target, long maxBytes) throws IOException, InvalidBundleException {
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        try (var out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new InvalidBundleException("the jar is larger than " + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
        }
        if (total == 0) {
            throw new InvalidBundleException("the file is empty");
        }
        return total;
    }
}
