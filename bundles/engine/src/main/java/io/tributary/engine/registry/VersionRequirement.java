package io.tributary.engine.registry;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * A node's {@code version} requirement, as the DSL writes it: empty or {@code latest} (anything), {@code "1"}
 * (the 1.x line), {@code "1.2"} (1.2.x), {@code "1.2.3"} (exactly), or an OSGi range {@code "[1.2,2)"}.
 */
record VersionRequirement(String text, VersionRange range) {

    static VersionRequirement parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("latest")) {
            return new VersionRequirement(t, null);
        }
        try {
            if (t.startsWith("[") || t.startsWith("(")) {
                return new VersionRequirement(t, new VersionRange(t));
            }
            String[] parts = t.split("\\.");
            Version v = Version.parseVersion(t);
            Version upper = switch (parts.length) {
                case 1 -> new Version(v.getMajor() + 1, 0, 0);
                case 2 -> new Version(v.getMajor(), v.getMinor() + 1, 0);
                default -> null;
            };
            return new VersionRequirement(t, upper == null
                    ? new VersionRange(VersionRange.LEFT_CLOSED, v, v, VersionRange.RIGHT_CLOSED)
                    : new VersionRange(VersionRange.LEFT_CLOSED, v, upper, VersionRange.RIGHT_OPEN));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + t + "' is not a version (use 1, 1.2, 1.2.3 or a range like [1.2,2))");
        }
    }

    boolean matches(Version v) {
        return range == null || range.includes(v);
    }
}
