package io.tributary.api.pipeline;

/**
 * A request the pipeline service refuses, with the Dify error code and HTTP status to answer with
 * ({@code invalid_param} 400, {@code not_found} 404, {@code dataset_not_published}...).
 */
public class PipelineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public PipelineException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Dify error code. */
    public String code() {
        return code;
    }

    /** 400 {@code invalid_param}. */
    public static PipelineException invalid(String message) {
        return new PipelineException(400, "invalid_param", message);
    }

    /** 404 {@code not_found}. */
    public static PipelineException notFound(String message) {
        return new PipelineException(404, "not_found", message);
    }
}
