package io.tributary.node.flow.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.URIBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.api.node.NodeExecutionException;
import io.tributary.api.node.Variables;
import io.tributary.node.flow.Values;

/**
 * Turns an {@link HttpRequestSpec} into a request, rendering every template against the run's variables.
 * Header and parameter text is parsed like Dify: one {@code key:value} per line, the value may be empty.
 */
final class RequestFactory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpRequestSpec spec;
    private final Variables vars;

    RequestFactory(HttpRequestSpec spec, Variables vars) {
        this.spec = spec;
        this.vars = vars;
    }

    HttpUriRequestBase build() throws NodeExecutionException {
        URI uri = uri();
        HttpUriRequestBase request = new HttpUriRequestBase(spec.method(), uri);
        Map<String, String> headers = headers();
        headers.forEach(request::addHeader);
        switch (spec.bodyType()) {
            case "raw-text" -> request.setEntity(new StringEntity(text(), ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8)));
            case "json" -> request.setEntity(new StringEntity(json(), ContentType.APPLICATION_JSON));
            case "x-www-form-urlencoded" -> request.setEntity(new UrlEncodedFormEntity(pairs(), StandardCharsets.UTF_8));
            case "form-data" -> {
                request.removeHeaders("Content-Type"); // the boundary must come from the entity
                request.setEntity(multipart());
            }
            case "binary" -> request.setEntity(new ByteArrayEntity(fileBytes(spec.body().get(0).file()),
                    ContentType.APPLICATION_OCTET_STREAM));
            default -> {
                // none: no body
            }
        }
        // A Content-Type header given by the user wins over the entity's. Set it explicitly: HttpCore refuses
        // an OPTIONS request with a body but without the header.
        if (request.getEntity() != null && request.getEntity().getContentType() != null
                && request.getFirstHeader("Content-Type") == null) {
            request.setHeader("Content-Type", request.getEntity().getContentType());
        }
        return request;
    }

    private URI uri() throws NodeExecutionException {
        String url = vars.render(spec.url()).trim();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new NodeExecutionException("url should start with http:// or https://, got '" + url + "'",
                    "InvalidURLError", null);
        }
        try {
            URIBuilder b = new URIBuilder(url);
            for (String[] kv : lines(spec.params(), false)) {
                b.addParameter(kv[0], kv[1]);
            }
            return b.build();
        } catch (URISyntaxException e) {
            throw new NodeExecutionException("invalid url '" + url + "': " + e.getMessage(), "InvalidURLError", e);
        }
    }

    Map<String, String> headers() throws NodeExecutionException {
        Map<String, String> h = new LinkedHashMap<>();
        for (String[] kv : lines(spec.headers(), true)) {
            h.put(kv[0], kv[1]);
        }
        HttpRequestSpec.Auth auth = spec.auth();
        if (auth != null) {
            String key = vars.render(auth.apiKey());
            if (key.isBlank()) {
                throw new NodeExecutionException("API key is required for authorization but was empty. "
                        + "Please provide a valid API key.", "AuthorizationConfigError", null);
            }
            h.put(auth.header(), switch (auth.type()) {
                case "bearer" -> "Bearer " + key;
                case "basic" -> "Basic " + (key.contains(":")
                        ? Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)) : key);
                default -> key;
            });
        }
        return h;
    }

    /** Key/value pairs from Dify's text form (rendered as a whole for headers) or a list of {key, value}. */
    private List<String[]> lines(Object source, boolean renderWhole) {
        List<String[]> out = new ArrayList<>();
        if (source instanceof List<?> l) {
            for (Object o : l) {
                Map<?, ?> m = (Map<?, ?>) o;
                String k = vars.render(String.valueOf(m.get("key") == null ? "" : m.get("key"))).trim();
                if (!k.isEmpty()) {
                    out.add(new String[] {k, vars.render(m.get("value") == null ? "" : String.valueOf(m.get("value"))).trim()});
                }
            }
            return out;
        }
        String text = renderWhole ? vars.render(String.valueOf(source)) : String.valueOf(source);
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String k = (colon < 0 ? line : line.substring(0, colon)).trim();
            String v = colon < 0 ? "" : line.substring(colon + 1).trim();
            if (!k.isEmpty()) {
                out.add(renderWhole ? new String[] {k, v} : new String[] {vars.render(k), vars.render(v)});
            }
        }
        return out;
    }

    private String text() {
        return spec.body().isEmpty() ? "" : vars.render(spec.body().get(0).value());
    }

    private String json() throws NodeExecutionException {
        String text = text();
        if (text.isBlank()) {
            return "";
        }
        try {
            return JSON.writeValueAsString(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new NodeExecutionException("Failed to parse JSON: " + text, "RequestBodyError", e);
        }
    }

    private List<NameValuePair> pairs() {
        List<NameValuePair> out = new ArrayList<>();
        for (HttpRequestSpec.BodyItem it : spec.body()) {
            out.add(new BasicNameValuePair(vars.render(it.key()), vars.render(it.value())));
        }
        return out;
    }

    private org.apache.hc.core5.http.HttpEntity multipart() throws NodeExecutionException {
        MultipartEntityBuilder b = MultipartEntityBuilder.create().setCharset(StandardCharsets.UTF_8);
        for (HttpRequestSpec.BodyItem it : spec.body()) {
            String key = vars.render(it.key());
            if (it.type().equals("file")) {
                Object v = vars.get(it.file());
                List<?> files = v instanceof List<?> l ? l : v == null ? List.of() : List.of(v);
                for (Object f : files) {
                    Object mime = Values.fileAttribute(f, "mime_type");
                    b.addBinaryBody(key, bytesOf(f, it.file()), mime == null ? ContentType.APPLICATION_OCTET_STREAM
                            : ContentType.parse(String.valueOf(mime)), String.valueOf(Values.fileAttribute(f, "name")));
                }
            } else {
                b.addTextBody(key, vars.render(it.value()), ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8));
            }
        }
        return b.build();
    }

    private byte[] fileBytes(List<String> selector) throws NodeExecutionException {
        Object f = vars.get(selector);
        if (f == null) {
            throw new NodeExecutionException("cannot fetch file with selector " + String.join(".", selector),
                    "FileFetchError", null);
        }
        return bytesOf(f, selector);
    }

    /** The content of a file value: only files carrying their bytes ({@code data}, base64) are supported. */
    private static byte[] bytesOf(Object file, List<String> selector) throws NodeExecutionException {
        if (file instanceof Map<?, ?> m && m.get("data") instanceof String data) {
            try {
                return Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw new NodeExecutionException("file " + String.join(".", selector) + " has invalid base64 data",
                        "FileFetchError", e);
            }
        }
        throw new NodeExecutionException("file " + String.join(".", selector)
                + " has no content this node can read (files need their bytes in 'data'; no file store is available)",
                "FileFetchError", null);
    }
}
