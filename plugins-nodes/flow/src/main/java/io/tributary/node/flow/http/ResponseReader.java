package io.tributary.node.flow.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

import io.tributary.api.node.NodeExecutionException;

/**
 * Reads a response into the node's outputs {@code status_code}, {@code body}, {@code headers} (lower-case
 * names) and {@code files}. Binary responses (Dify's rules: an attachment, or a non-text media type) become
 * one file with its bytes base64 in {@code data}; text is decoded by its charset (UTF-8 by default).
 */
final class ResponseReader {
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^;\"\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename\\*?=\"?(?:UTF-8'')?([^\";]+)", Pattern.CASE_INSENSITIVE);
    private static final List<String> TEXT_APPLICATION = List.of("json", "xml", "javascript", "x-www-form-urlencoded",
            "yaml", "graphql");

    private final long maxText;
    private final long maxBinary;

    ResponseReader(long maxText, long maxBinary) {
        this.maxText = maxText;
        this.maxBinary = maxBinary;
    }

    Map<String, Object> read(ClassicHttpResponse response, String url) throws IOException, NodeExecutionException {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.merge(h.getName().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + ", " + b);
        }
        byte[] body = bytes(response.getEntity());
        String contentType = String.valueOf(headers.getOrDefault("content-type", ""));
        String disposition = String.valueOf(headers.getOrDefault("content-disposition", ""));
        boolean file = isFile(contentType, disposition, body);
        long limit = file ? maxBinary : maxText;
        if (body.length > limit) {
            throw tooLarge(file, limit, body.length);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status_code", response.getCode());
        out.put("body", file ? "" : new String(body, charset(contentType)));
        out.put("headers", headers);
        out.put("files", file ? List.of(fileOf(body, contentType, disposition, url)) : List.of());
        return out;
    }

    private byte[] bytes(HttpEntity entity) throws IOException, NodeExecutionException {
        if (entity == null) {
            return new byte[0];
        }
        long cap = Math.max(maxText, maxBinary);
        if (entity.getContentLength() > cap) {
            throw tooLarge(true, cap, entity.getContentLength());
        }
        try (InputStream in = entity.getContent()) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (data.length > cap) {
                throw tooLarge(true, cap, data.length);
            }
            return data;
        }
    }

    static boolean isFile(String contentType, String disposition, byte[] body) {
        String d = disposition.toLowerCase(Locale.ROOT);
        if (d.startsWith("attachment") || d.contains("filename")) {
            return true;
        }
        String ct = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (ct.isEmpty() || ct.startsWith("text/")) {
            return false;
        }
        if (ct.startsWith("application/") && (TEXT_APPLICATION.stream().anyMatch(ct::contains) || looksLikeText(body))) {
            return false;
        }
        String main = ct.contains("/") ? ct.substring(0, ct.indexOf('/')) : ct;
        return List.of("application", "image", "audio", "video").contains(main);
    }

    private static boolean looksLikeText(byte[] body) {
        int n = Math.min(body.length, 1024);
        String sample;
        try {
            sample = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body, 0, n)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
        return List.of("{", "[", "<", "function", "var ", "const ", "let ").stream().anyMatch(sample::contains);
    }

    private static Charset charset(String contentType) {
        Matcher m = CHARSET.matcher(contentType);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The URL path's last segment (a scan: the regex {@code .*\/} was quadratic on a URL without a slash). */
    private static String lastSegment(String url) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Map<String, Object> fileOf(byte[] body, String contentType, String disposition, String url) {
        Matcher m = FILENAME.matcher(disposition);
        String name = m.find() ? m.group(1).trim() : lastSegment(url);
        String mime = contentType.isBlank() ? "application/octet-stream" : contentType.split(";")[0].trim();
        int dot = name.lastIndexOf('.');
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("dify_model_identity", "__dify__file__");
        f.put("type", fileType(mime));
        f.put("transfer_method", "tool_file");
        f.put("filename", name);
        f.put("extension", dot >= 0 ? name.substring(dot) : "");
        f.put("mime_type", mime);
        f.put("size", body.length);
        f.put("url", null);
        f.put("data", Base64.getEncoder().encodeToString(body));
        return f;
    }

    private static String fileType(String mime) {
        if (mime.startsWith("image/")) {
            return "image";
        }
        if (mime.startsWith("audio/")) {
            return "audio";
        }
        if (mime.startsWith("video/")) {
            return "video";
        }
        return mime.startsWith("application/pdf") || mime.contains("document") || mime.contains("msword")
                || mime.contains("sheet") || mime.contains("presentation") ? "document" : "custom";
    }

    private static NodeExecutionException tooLarge(boolean file, long limit, long size) {
        return new NodeExecutionException((file ? "File" : "Text") + " size is too large, max size is " + limit
                + " bytes, but the response has " + size + (size > limit ? "" : "+") + " bytes", "ResponseSizeError", null);
    }
}
