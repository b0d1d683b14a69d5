package io.tributary.engine.plugins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

import io.tributary.api.engine.InvalidBundleException;

/**
 * What the manifest of a candidate plugin jar says, checked before anything is installed: the manifest is read
 * within {@link Limits} (bytes, headers, clauses per header) before anything parses it, the symbolic name and
 * version follow OSGi's grammar, the name is not one of the core bundles', and the bundle exports no
 * {@code io.tributary.api} package.
 */
record BundleJar(String symbolicName, Version version) {
    static final String MANIFEST = "META-INF/MANIFEST.MF";
    /** The packages only the API bundle may export. */
    static final String API_PACKAGE = "io.tributary.api";
    /** OSGi: symbolic-name ::= token ( '.' token )*, token ::= ( alphanum | '_' | '-' )+ */
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    static final int MAX_SYMBOLIC_NAME = 255;

    /**
     * Bounds on a plugin's manifest.
     *
     * @param maxBytes   bytes of {@code META-INF/MANIFEST.MF}
     * @param maxHeaders headers in its main section
     * @param maxClauses comma-separated clauses in any one header (Export-Package, Import-Package, ...)
     */
    record Limits(int maxBytes, int maxHeaders, int maxClauses) {
        static final Limits DEFAULT = new Limits(512 * 1024, 200, 2_000);
    }

    /**
     * Reads and checks the manifest of a jar.
     *
     * @param reservedNames symbolic names a plugin may not take (the core bundles')
     */
    static BundleJar read(Path jar, Limits limits, Set<String> reservedNames) throws InvalidBundleException, IOException {
        Attributes a = mainAttributes(jar, limits);
        if (a.size() > limits.maxHeaders()) {
            throw new InvalidBundleException("the manifest has " + a.size() + " headers, more than the "
                    + limits.maxHeaders() + " allowed");
        }
        for (Map.Entry<Object, Object> header : a.entrySet()) {
            int clauses = HeaderClauses.count(String.valueOf(header.getValue()), limits.maxClauses());
            if (clauses > limits.maxClauses()) {
                throw new InvalidBundleException("the manifest header " + header.getKey() + " has more than "
                        + limits.maxClauses() + " clauses");
            }
        }
        String bsnHeader = a.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (bsnHeader == null || bsnHeader.isBlank()) {
            throw new InvalidBundleException("the manifest has no Bundle-SymbolicName: not an OSGi bundle");
        }
        if (!"2".equals(a.getValue(Constants.BUNDLE_MANIFESTVERSION))) {
            throw new InvalidBundleException("Bundle-ManifestVersion must be 2");
        }
        String bsn = symbolicName(bsnHeader);
        Version version = version(a.getValue(Constants.BUNDLE_VERSION));
        if (a.getValue(Constants.FRAGMENT_HOST) != null) {
            throw new InvalidBundleException("fragments cannot be installed as plugins");
        }
        if (reservedNames.contains(bsn)) {
            throw new InvalidBundleException("Bundle-SymbolicName " + bsn
                    + " is the name of a core bundle; a plugin needs a name of its own");
        }
        checkExports(a.getValue(Constants.EXPORT_PACKAGE));
        return new BundleJar(bsn, version);
    }

    /** Refuses an Export-Package header (null for none) that exports an {@code io.tributary.api} package. */
    static void checkExports(String exports) throws InvalidBundleException {
        if (exports == null) {
            return;
        }
        for (String pkg : HeaderClauses.packages(exports)) {
            if (pkg.equals(API_PACKAGE) || pkg.startsWith(API_PACKAGE + ".")) {
                throw new InvalidBundleException("the bundle exports " + printable(pkg)
                        + "; only the API bundle exports io.tributary.api packages");
            }
        }
    }

    /** The name before any directive, checked against OSGi's grammar (which keeps '/', '\' and ".." out). */
    static String symbolicName(String header) throws InvalidBundleException {
        int semi = header.indexOf(';');
        String bsn = (semi < 0 ? header : header.substring(0, semi)).trim();
        if (bsn.length() > MAX_SYMBOLIC_NAME) {
            throw new InvalidBundleException("Bundle-SymbolicName is longer than " + MAX_SYMBOLIC_NAME + " characters");
        }
        if (!SYMBOLIC_NAME.matcher(bsn).matches()) {
            throw new InvalidBundleException("Bundle-SymbolicName '" + printable(bsn)
                    + "' is not a symbolic name (tokens of letters, digits, '_' and '-' separated by single dots)");
        }
        return bsn;
    }

    /** OSGi's version grammar (major.minor.micro.qualifier); none means 0.0.0. */
    static Version version(String header) throws InvalidBundleException {
        if (header != null && header.length() > 128) {
            throw new InvalidBundleException("Bundle-Version is longer than 128 characters");
        }
        try {
            return Version.parseVersion(header);
        } catch (IllegalArgumentException e) {
            throw new InvalidBundleException("Bundle-Version is not a version: " + printable(e.getMessage()));
        }
    }

    private static Attributes mainAttributes(Path jar, Limits limits) throws InvalidBundleException, IOException {
        byte[] bytes;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new InvalidBundleException("the jar has no " + MANIFEST);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readNBytes(limits.maxBytes() + 1);
            }
        } catch (ZipException e) {
            throw new InvalidBundleException("not a jar file (" + e.getMessage() + ")");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new InvalidBundleException("the manifest is larger than " + limits.maxBytes() + " bytes");
        }
        try {
            return new Manifest(new ByteArrayInputStream(bytes)).getMainAttributes();
        } catch (IOException | RuntimeException e) {
            throw new InvalidBundleException("the manifest cannot be read: " + printable(e.getMessage()));
        }
    }

    /** A client-supplied value fit for a message: control characters replaced, at most 200 characters. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        String cut = s.length() > 200 ? s.substring(0, 200) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
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
