package io.tributary.http;

import java.util.Map;

/**
 * A failure the client should see: HTTP status, Dify-style error code and a human message. Rendered as
 * {@code {"code","message","status"}} by {@link ErrorMapper}.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final transient Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, Map.of("WWW-Authenticate", "Bearer realm=\"api\""));
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "service_unavailable", message);
    }
}
