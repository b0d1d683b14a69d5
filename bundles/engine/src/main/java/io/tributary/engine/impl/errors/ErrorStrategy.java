package io.tributary.engine.impl.errors;

/** A node's {@code data.error_strategy}. */
public enum ErrorStrategy {
    /** No strategy: an unhandled failure fails the run. */
    NONE(null),
    /** Route to the {@code fail-branch} handle with {@code error_message}/{@code error_type} outputs. */
    FAIL_BRANCH("fail-branch"),
    /** Continue with the configured default outputs plus {@code error_message}/{@code error_type}. */
    DEFAULT_VALUE("default-value");

    /** The edge handle of a node's failure branch. */
    public static final String FAIL_BRANCH_HANDLE = "fail-branch";

    private final String wireName;

    ErrorStrategy(String wireName) {
        this.wireName = wireName;
    }

    /** Dify's name, {@code null} for {@link #NONE}. */
    public String wireName() {
        return wireName;
    }
}
