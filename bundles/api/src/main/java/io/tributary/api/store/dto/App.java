package io.tributary.api.store.dto;

import java.time.Instant;
import java.util.Objects;

/**
 * A workflow app: its draft DSL and, once published, its latest published version.
 *
 * @param id               app id (a UUID)
 * @param name             display name, from the DSL's {@code app.name}
 * @param mode             app mode, from the DSL's {@code app.mode} ({@code workflow})
 * @param description      description, from the DSL's {@code app.description}; never {@code null}
 * @param draftDsl         the DSL YAML of the draft, as imported
 * @param publishedVersion the number of the latest published version, or {@code null} when never published
 * @param createdAt        when it was created
 * @param updatedAt        when its draft or publication last changed
 */
public record App(String id, String name, String mode, String description, String draftDsl,
                  Integer publishedVersion, Instant createdAt, Instant updatedAt) {
    public App {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
    }
}
