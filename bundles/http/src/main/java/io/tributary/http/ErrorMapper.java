package io.tributary.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.eclipse.jetty.http.HttpException;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.tributary.api.error.ServiceException;

/**
 * The one place where failures become responses, always the envelope {@code {"code","message","status"}}:
 * <ul>
 * <li>a {@link ServiceException} (thrown by any service, e.g. the pipeline's) answers the status of its
 * {@link ServiceException.Reason} ({@link #status}) with its own code;</li>
 * <li>an {@link ApiException} (this bundle's route-level refusals: parse errors, auth) keeps its status;</li>
 * <li>a request Jetty refuses while reading it (a bad multipart or header, an over-limit body) answers Jetty's
 * 4xx with {@code invalid_param} / {@code request_too_large};</li>
 * <li>anything else is logged with its stack trace and answered 500 {@code internal_server_error}, no details.</li>
 * </ul>
 * A 413 is answered, not cut off: what is left of the body (up to the drain limit) is read and discarded first, so
 * a client still sending it reads the envelope instead of a broken pipe; the connection is then closed.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private static final String TOO_LARGE = "The request body is larger than the server accepts.";

    private ErrorMapper() {
    }

    /** The HTTP status of a service refusal: the one mapping of {@link ServiceException.Reason}s. */
    public static int status(ServiceException.Reason reason) {
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

    /**
     * Registers the handlers.
     *
     * @param drainBytes how much of a refused body is read and discarded before a 413 is answered
     */
    public static void register(RoutesConfig routes, long drainBytes) {
        routes.exception(ServiceException.class, (e, ctx) ->
                answer(ctx, status(e.reason()), e.code(), e.getMessage(), Map.of(), drainBytes));
        routes.exception(ApiException.class, (e, ctx) ->
                answer(ctx, e.status(), e.code(), e.getMessage(), e.headers(), drainBytes));
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(),
                codeFor(e.getStatus()), e.getStatus() == 413 ? TOO_LARGE : e.getMessage(), Map.of(), drainBytes));
        routes.exception(Exception.class, (e, ctx) -> {
            int refused = jettyRefusal(e);
            if (refused > 0) {
                answer(ctx, refused, refused == 413 ? "request_too_large" : "invalid_param",
                        refused == 413 ? TOO_LARGE : "The request cannot be read.", Map.of(), drainBytes);
                return;
            }
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
                write(ctx, 413, "request_too_large", TOO_LARGE, Map.of());
            }
        });
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_server_error" : "bad_request";
        };
    }

    /** A refusal: a 413 drains the rest of the body first and closes the connection after answering. */
    static void answer(Context ctx, int status, String code, String message, Map<String, String> headers,
                       long drainBytes) {
        if (status == 413) {
            drain(ctx, drainBytes);
            ctx.header("Connection", "close");
        }
        write(ctx, status, code, message, headers);
    }

    /** Reads and discards what is left of the request body, at most {@code limit} bytes. */
    static void drain(Context ctx, long limit) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[16 * 1024];
            long left = limit;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // the body is gone already (read, failed or reset): nothing to drain
        }
    }

    /** The 4xx status of a request Jetty refused while reading it (an {@link HttpException} in the chain), else 0. */
    static int jettyRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
                return h.getCode();
            }
        }
        return 0;
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
