package io.tributary.api.error;

import java.util.Objects;

/**
 * A request a service refuses, for a {@link Reason} the caller can act on, with Dify's error code (e.g.
 * {@code invalid_param}, {@code app_unavailable}, {@code not_found}) and a message for the client. Services throw
 * it; they never choose a transport status. The HTTP bundle maps the {@link Reason} to the HTTP status in one
 * place and answers {@code {"code","message","status"}}.
 *
 * <p>Subclasses (e.g. a pipeline or app exception) may add detail; the reason and code stay what decide the answer.
 */
public class ServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Reason {
        /** The request is malformed or a value is invalid (HTTP 400). */
        INVALID,
        /** The caller may not do this (HTTP 403). */
        FORBIDDEN,
        /** What the request names does not exist, or is not the caller's (HTTP 404). */
        NOT_FOUND,
        /** The request conflicts with the current state, e.g. a duplicate name (HTTP 409). */
        CONFLICT,
        /** A body, file or value is over a limit (HTTP 413). */
        TOO_LARGE,
        /** A media type or format is not supported (HTTP 415). */
        UNSUPPORTED,
        /** Too many requests; retry later (HTTP 429). */
        RATE_LIMITED,
        /** A service it depends on is not available now (HTTP 503). */
        UNAVAILABLE
    }

    private final Reason reason;
    private final String code;

    public ServiceException(Reason reason, String code, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.code = Objects.requireNonNull(code, "code");
    }

    public ServiceException(Reason reason, String code, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Why the request was refused. */
    public Reason reason() {
        return reason;
    }

    /** Dify's error code, e.g. {@code invalid_param}. */
    public String code() {
        return code;
    }

    /** {@link Reason#INVALID} {@code invalid_param}. */
    public static ServiceException invalidParam(String message) {
        return new ServiceException(Reason.INVALID, "invalid_param", message);
    }

    /** {@link Reason#NOT_FOUND} {@code not_found}. */
    public static ServiceException notFound(String message) {
        return new ServiceException(Reason.NOT_FOUND, "not_found", message);
    }
}
