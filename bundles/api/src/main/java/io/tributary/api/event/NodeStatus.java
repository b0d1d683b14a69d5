package io.tributary.api.event;

/** A node execution's status, with Dify's wire names. */
public enum NodeStatus {
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    /** Failed, but handled by {@code fail-branch} or {@code default-value}. */
    EXCEPTION("exception"),
    STOPPED("stopped"),
    RETRY("retry");

    private final String wireName;

    NodeStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
