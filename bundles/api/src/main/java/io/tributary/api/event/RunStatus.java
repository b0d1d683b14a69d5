package io.tributary.api.event;

/** A run's status, with Dify's wire names. */
public enum RunStatus {
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    PARTIAL_SUCCEEDED("partial-succeeded"),
    STOPPED("stopped");

    private final String wireName;

    RunStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
