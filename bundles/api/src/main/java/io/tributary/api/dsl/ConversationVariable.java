package io.tributary.api.dsl;

import java.util.Objects;

import io.tributary.api.model.JsonValues;

/**
 * One entry of {@code workflow.conversation_variables} (chatflows; kept for completeness), at selector
 * {@code [conversation, name]}.
 *
 * @param id          Dify's id, may be empty
 * @param name        the variable name
 * @param valueType   Dify segment type: {@code string}, {@code number}, {@code object}, {@code boolean},
 *                    {@code array[string]}, ...
 * @param value       the initial value, JSON-shaped and immutable; may be {@code null}
 * @param description description, may be empty
 */
public record ConversationVariable(String id, String name, String valueType, Object value, String description) {
    public ConversationVariable {
        Objects.requireNonNull(name, "name");
        id = id == null ? "" : id;
        valueType = valueType == null ? "" : valueType;
        description = description == null ? "" : description;
        value = JsonValues.freezeValue(value);
    }
}
