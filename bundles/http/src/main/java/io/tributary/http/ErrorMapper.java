package io.tributary.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.tributary.api.error.ServiceException;

/**
 * The one place where failures become responses. Known failures keep their status and code; anything else
 * is logged with its stack trace and answered 500 {@code internal_server_error} without details.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage(), e.headers()));
        routes.exception(ServiceException.class, (e, ctx) -> write(ctx, statusOf(e.reason()), e.code(), e.getMessage(),
                Map.of()));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), codeFor(e.getStatus()),
                e.getMessage(), Map.of()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal_server_error", "The server encountered an internal error.", Map.of());
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(ctx, 404, "not_found", "The requested URL was not found on the server.", Map.of());
            }
        });
        routes.error(405, ctx -> write(ctx, 405, "method_not_allowed",
                "The method is not allowed for the requested URL.", Map.of()));
        routes.error(413, ctx -> {
            // A route's own 413 (file_too_large) keeps its body; Jetty's limit gets the generic one.
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(ctx, 413, "request_entity_too_large", "The request body is larger than the server accepts.",
                        Map.of());
            }
        });
    }

    /** The HTTP status of a service's refusal. */
    static int statusOf(ServiceException.Reason reason) {
        return switch (reason) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED -> 415;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "request_entity_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_server_error" : "bad_request";
        };
    }

    public static void write(Context ctx, int status, String code, String message, Map<String, String> headers) {
        headers.forEach(ctx::header);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("status", status);
        ctx.status(status).json(body);
    }
}
