package io.tributary.api.model;

/**
 * Names of Dify's {@code sys.*} variables, the selectors {@code ["sys", NAME]} of the variable pool. Whoever
 * starts a run sets them in {@code RunRequest.system(...)}; nodes read them. Every bundle uses these constants,
 * never the bare strings, so that the producer and the readers of a variable cannot drift apart.
 */
public final class SystemVariables {
    /** The reserved node id of system variables in selectors: {@code ["sys", "user_id"]}. */
    public static final String NODE_ID = "sys";

    /** The end user: {@code user} of the request (a Dify end-user id or the key's id for pipelines). */
    public static final String USER_ID = "user_id";
    /** The app (workflow apps) or dataset (knowledge pipelines) the run belongs to. */
    public static final String APP_ID = "app_id";
    /** The published workflow version run. */
    public static final String WORKFLOW_ID = "workflow_id";
    /** The run's own id; set by the engine. */
    public static final String WORKFLOW_RUN_ID = "workflow_run_id";
    /** The request's files (Dify File maps); the engine defaults it to {@code []}. */
    public static final String FILES = "files";
    /** The chat query (chatflows). */
    public static final String QUERY = "query";
    /** Where the run was started: {@value #INVOKE_FROM_SERVICE_API}, {@value #INVOKE_FROM_DEBUGGER}, ... */
    public static final String INVOKE_FROM = "invoke_from";
    /** The knowledge base a pipeline run writes to. */
    public static final String DATASET_ID = "dataset_id";
    /** The document a pipeline run ingests. */
    public static final String DOCUMENT_ID = "document_id";
    /** The document a pipeline retry re-ingests ({@code null} on a first run). */
    public static final String ORIGINAL_DOCUMENT_ID = "original_document_id";
    /** The batch of documents a pipeline run belongs to. */
    public static final String BATCH = "batch";
    /** The pipeline run's datasource type: {@code local_file}, {@code online_document}, ... */
    public static final String DATASOURCE_TYPE = "datasource_type";
    /** The pipeline run's datasource item ({@code datasource_info_list} entry). */
    public static final String DATASOURCE_INFO = "datasource_info";

    /** {@link #INVOKE_FROM} of a run started through the service API (published). */
    public static final String INVOKE_FROM_SERVICE_API = "service-api";
    /** {@link #INVOKE_FROM} of a draft (debugger/preview) run. */
    public static final String INVOKE_FROM_DEBUGGER = "debugger";
    /** {@link #INVOKE_FROM} of a published knowledge-pipeline run. */
    public static final String INVOKE_FROM_PUBLISHED_PIPELINE = "published_pipeline";

    private SystemVariables() {
    }
}
