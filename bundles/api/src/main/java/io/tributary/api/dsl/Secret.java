package io.tributary.api.dsl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value, such as a {@code secret} environment variable. {@link #toString()} never shows it, so a
 * record holding one can be logged; call {@link #reveal()} only where the plain value is really needed.
 */
public final class Secret {
    /** What {@link #toString()} prints instead of the value. */
    public static final String MASK = "******";
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Wraps a plain value. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The plain value. */
    public String reveal() {
        return value;
    }

    /** True when the value is the empty string (Dify exports drop secret values unless asked not to). */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Constant-time comparison of the values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                s.value.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant, so that hashing leaks nothing. */
    @Override
    public int hashCode() {
        return 0x5ec7e7;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
