package io.tributary.api.dsl;

import java.util.Objects;

/**
 * One entry of {@code workflow.environment_variables}, readable in a run at selector {@code [env, name]}.
 *
 * @param id          Dify's id (a uuid), may be empty
 * @param name        the variable name
 * @param valueType   {@value #STRING}, {@value #NUMBER} or {@value #SECRET}
 * @param value       a {@code String} for {@value #STRING}, a {@code Number} (or the string as written) for
 *                    {@value #NUMBER}, a {@link Secret} for {@value #SECRET}; never {@code null} for a secret
 * @param description description, may be empty
 */
public record EnvironmentVariable(String id, String name, String valueType, Object value, String description) {
    /** {@code value_type} of a plain string. */
    public static final String STRING = "string";
    /** {@code value_type} of a number. */
    public static final String NUMBER = "number";
    /** {@code value_type} of a secret: the value is a {@link Secret}. */
    public static final String SECRET = "secret";

    public EnvironmentVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        id = id == null ? "" : id;
        description = description == null ? "" : description;
        if (SECRET.equals(valueType) && !(value instanceof Secret)) {
            value = Secret.of(value == null ? "" : value.toString());
        }
    }

    /** True for {@value #SECRET} variables. */
    public boolean secret() {
        return SECRET.equals(valueType);
    }
}
