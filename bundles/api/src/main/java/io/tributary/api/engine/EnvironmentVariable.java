package io.tributary.api.engine;

import java.util.Objects;

/**
 * A workflow environment variable, readable by nodes as {@code [env, name]}.
 *
 * @param name   the variable name
 * @param value  its value (JSON-shaped)
 * @param secret true for Dify's {@code secret} value type: the value is given to nodes but never appears in
 *               an event (any string containing it is masked as {@value #MASK})
 */
public record EnvironmentVariable(String name, Object value, boolean secret) {
    /** What replaces a secret value in events. */
    public static final String MASK = "******";

    public EnvironmentVariable {
        Objects.requireNonNull(name, "name");
    }
}
