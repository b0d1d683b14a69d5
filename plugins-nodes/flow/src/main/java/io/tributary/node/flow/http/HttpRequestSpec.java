package io.tributary.node.flow.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeData;
import io.tributary.api.node.NodeValidationException;
import io.tributary.node.flow.DataFields;

/**
 * The {@code http-request} node's data, checked: {@code method}, {@code url}, {@code authorization{type:
 * no-auth|api-key, config{type: basic|bearer|custom, api_key, header}}}, {@code headers} and {@code params}
 * (Dify's {@code "key:value\n"} text, or a list of {@code {key, value}}), {@code body{type, data}},
 * {@code timeout{connect, read, write}} (seconds), {@code ssl_verify}.
 */
record HttpRequestSpec(String method, String url, Auth auth, Object headers, Object params, String bodyType,
                       List<BodyItem> body, Long connect, Long read, Long write, Boolean sslVerify,
                       boolean failOnErrorStatus) {

    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    static final Set<String> BODY_TYPES = Set.of("none", "json", "form-data", "x-www-form-urlencoded", "raw-text",
            "binary");

    /** {@code api-key} authorization; {@code null} for {@code no-auth}. */
    record Auth(String type, String apiKey, String header) {
    }

    /** One body item: text ({@code key}, {@code value}) or a file ({@code key}, {@code file} selector). */
    record BodyItem(String key, String type, String value, List<String> file) {
    }

    static HttpRequestSpec parse(GraphNode node) throws NodeValidationException {
        List<String> problems = new ArrayList<>();
        Map<String, Object> d = node.data();
        String method = DataFields.string(d, "method");
        if (method == null || !METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            problems.add("'method' must be one of " + METHODS);
        }
        String url = DataFields.string(d, "url");
        if (url == null || url.isBlank()) {
            problems.add("'url' is required");
        }
        Auth auth = auth(d, problems);
        Object headers = keyValues(d, "headers", problems);
        Object params = keyValues(d, "params", problems);
        Map<String, Object> body = DataFields.object(d, "body", "body", problems);
        String bodyType = body.isEmpty() ? "none" : DataFields.string(body, "type");
        if (bodyType == null || !BODY_TYPES.contains(bodyType)) {
            problems.add("body.type must be one of " + BODY_TYPES);
        }
        List<BodyItem> items = bodyItems(body, bodyType, problems);
        Map<String, Object> timeout = DataFields.object(d, "timeout", "timeout", problems);
        Long connect = seconds(timeout, "connect", problems);
        Long read = seconds(timeout, "read", problems);
        Long write = seconds(timeout, "write", problems);
        Object ssl = d.get("ssl_verify");
        if (ssl != null && !(ssl instanceof Boolean)) {
            problems.add("'ssl_verify' must be true or false");
        }
        Map<String, Object> retry = DataFields.object(d, "retry_config", "retry_config", problems);
        boolean failOnError = d.get("error_strategy") != null || Boolean.TRUE.equals(retry.get("retry_enabled"));
        DataFields.throwIfAny(node, problems);
        return new HttpRequestSpec(method.toUpperCase(Locale.ROOT), url, auth, headers, params, bodyType, items,
                connect, read, write, (Boolean) ssl, failOnError);
    }

    private static Auth auth(Map<String, Object> d, List<String> problems) {
        Map<String, Object> a = DataFields.object(d, "authorization", "authorization", problems);
        String type = a.isEmpty() ? "no-auth" : DataFields.string(a, "type");
        if ("no-auth".equals(type)) {
            return null;
        }
        if (!"api-key".equals(type)) {
            problems.add("authorization.type must be 'no-auth' or 'api-key'");
            return null;
        }
        Map<String, Object> c = DataFields.object(a, "config", "authorization.config", problems);
        String kind = DataFields.string(c, "type");
        if (!Set.of("basic", "bearer", "custom").contains(String.valueOf(kind))) {
            problems.add("authorization.config.type must be 'basic', 'bearer' or 'custom'");
        }
        String key = DataFields.string(c, "api_key");
        if (key == null) {
            problems.add("authorization.config.api_key is required for api-key authorization");
        }
        String header = DataFields.string(c, "header");
        if ("custom".equals(kind) && (header == null || header.isBlank())) {
            problems.add("authorization.config.header is required for custom authorization");
        }
        return new Auth(kind, key, header == null || header.isBlank() ? "Authorization" : header);
    }

    private static Object keyValues(Map<String, Object> d, String key, List<String> problems) {
        Object v = d.get(key);
        if (v == null || v instanceof String) {
            return v == null ? "" : v;
        }
        if (v instanceof List<?> l && l.stream().allMatch(Map.class::isInstance)) {
            return v;
        }
        problems.add("'" + key + "' must be \"key:value\" lines or a list of {key, value}");
        return "";
    }

    @SuppressWarnings("unchecked")
    private static List<BodyItem> bodyItems(Map<String, Object> body, String type, List<String> problems) {
        Object data = body.get("data");
        List<BodyItem> items = new ArrayList<>();
        if (data instanceof String s) {
            if (!s.isEmpty()) {
                items.add(new BodyItem("", "text", s, null));
            }
        } else if (data instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof Map<?, ?> m)) {
                    problems.add("body.data[" + i + "] must be an object");
                    continue;
                }
                Map<String, Object> item = (Map<String, Object>) m;
                String t = item.get("type") == null ? "text" : String.valueOf(item.get("type"));
                List<String> file = NodeData.selectorOf(item.get("file"));
                if (t.equals("file") && file == null) {
                    problems.add("body.data[" + i + "].file must be a variable selector");
                } else if (!t.equals("file") && !t.equals("text")) {
                    problems.add("body.data[" + i + "].type must be 'text' or 'file'");
                }
                Object value = item.get("value");
                items.add(new BodyItem(String.valueOf(item.getOrDefault("key", "")), t,
                        value == null ? "" : String.valueOf(value), file));
            }
        } else if (data != null) {
            problems.add("body.data must be a list or text");
        }
        if (Set.of("json", "raw-text", "binary").contains(type) && items.size() > 1) {
            problems.add("body of type " + type + " must have exactly one item");
        }
        if ("binary".equals(type) && items.size() == 1 && items.get(0).file() == null) {
            problems.add("body of type binary needs a file item");
        }
        return items;
    }

    private static Long seconds(Map<String, Object> timeout, String key, List<String> problems) {
        Long v = DataFields.integer(timeout, key, null, "timeout." + key, problems);
        if (v != null && v < 0) {
            problems.add("timeout." + key + " must not be negative");
        }
        return v == null || v == 0 ? null : v;
    }
}
