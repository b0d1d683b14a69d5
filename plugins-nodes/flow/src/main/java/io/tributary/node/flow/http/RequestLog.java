package io.tributary.node.flow.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/**
 * The request as raw HTTP text for {@code process_data.request}, as Dify shows it; the authorization header
 * is masked and bodies that are not repeatable text are summarized.
 */
final class RequestLog {
    private static final int MAX_BODY = 10_000;

    private RequestLog() {
    }

    static String of(HttpUriRequestBase request, HttpRequestSpec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append(request.getMethod()).append(' ').append(request.getRequestUri()).append(" HTTP/1.1\r\n");
        if (request.getAuthority() != null) {
            sb.append("Host: ").append(request.getAuthority()).append("\r\n");
        }
        String authHeader = spec.auth() == null ? null : spec.auth().header();
        for (Header h : request.getHeaders()) {
            String v = h.getName().equalsIgnoreCase(authHeader) ? "*".repeat(h.getValue().length()) : h.getValue();
            sb.append(h.getName()).append(": ").append(v).append("\r\n");
        }
        HttpEntity e = request.getEntity();
        if (e != null && e.getContentType() != null && request.getFirstHeader("Content-Type") == null) {
            sb.append("Content-Type: ").append(e.getContentType()).append("\r\n");
        }
        sb.append("\r\n");
        if (e != null) {
            sb.append(body(e, spec.bodyType()));
        }
        return sb.toString();
    }

    private static String body(HttpEntity e, String type) {
        if (type.equals("binary") || type.equals("form-data") || !e.isRepeatable() || e.getContentLength() > MAX_BODY) {
            return "<" + type + " body: " + e.getContentLength() + " bytes>";
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            e.writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException ex) {
            return "<body not readable>";
        }
    }
}
