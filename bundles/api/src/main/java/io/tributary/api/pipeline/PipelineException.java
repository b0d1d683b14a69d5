package io.tributary.api.pipeline;

import io.tributary.api.error.ServiceException;

/**
 * A request the pipeline service refuses: a {@link ServiceException.Reason} and Dify's error code
 * ({@code invalid_param}, {@code not_found}, {@code dataset_not_published}...). It carries no transport status;
 * the HTTP bundle maps the reason once.
 */
public class PipelineException extends ServiceException {
    private static final long serialVersionUID = 2L;

    public PipelineException(Reason reason, String code, String message) {
        super(reason, code, message);
    }

    /** {@link Reason#INVALID} {@code invalid_param}. */
    public static PipelineException invalid(String message) {
        return new PipelineException(Reason.INVALID, "invalid_param", message);
    }

    /** {@link Reason#NOT_FOUND} {@code not_found}. */
    public static PipelineException notFound(String message) {
        return new PipelineException(Reason.NOT_FOUND, "not_found", message);
    }
}
