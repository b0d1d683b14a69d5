package io.tributary.api.store.dto;

/** The kind of an API key; each route accepts one kind. */
public enum KeyKind {
    /** {@code app-...}: the workflow routes of one app. */
    APP("app-"),
    /** {@code dataset-...}: the knowledge routes of every knowledge base. */
    DATASET("dataset-"),
    /** {@code tba-...}: the admin API. */
    ADMIN("tba-");

    private final String prefix;

    KeyKind(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix every key of this kind starts with. */
    public String prefix() {
        return prefix;
    }
}
