package io.tributary.engine.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class VersionRequirementTest {

    static boolean matches(String req, String v) {
        return VersionRequirement.parse(req).matches(Version.parseVersion(v));
    }

    @Test
    void difyMajorSelectsThatLine() {
        assertTrue(matches("1", "1.0.0"));
        assertTrue(matches("1", "1.9.3"));
        assertFalse(matches("1", "2.0.0"));
        assertFalse(matches("2", "1.9.9"));
    }

    @Test
    void narrowerPinsAndRanges() {
        assertTrue(matches("1.2", "1.2.7"));
        assertFalse(matches("1.2", "1.3.0"));
        assertTrue(matches("1.2.3", "1.2.3"));
        assertFalse(matches("1.2.3", "1.2.4"));
        assertTrue(matches("[1.2,2)", "1.5.0"));
        assertFalse(matches("[1.2,2)", "2.0.0"));
        assertTrue(matches("", "7.0.0"));
        assertTrue(matches(null, "0.0.1"));
        assertTrue(matches("latest", "3.1.4"));
    }

    @Test
    void garbageIsRejectedWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionRequirement.parse("v1"));
        assertTrue(e.getMessage().contains("'v1' is not a version"));
    }
}
