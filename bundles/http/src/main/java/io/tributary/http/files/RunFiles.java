package io.tributary.http.files;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphNode;
import io.tributary.api.net.SsrfBlockedException;
import io.tributary.api.net.SsrfGuard;
import io.tributary.api.store.FileStore;
import io.tributary.api.store.dto.UploadFile;
import io.tributary.http.ApiException;

/**
 * Turns the file descriptors of a run request ({@code {type, transfer_method: local_file, upload_file_id}} or
 * {@code {type, transfer_method: remote_url, url}}) into Dify File maps, in the request's {@code files} and in
 * the start node's {@code file}/{@code file-list} inputs. An unknown upload, a URL the SSRF guard refuses or that
 * does not resolve, or a file the start variable does not allow ({@code allowed_file_types},
 * {@code allowed_file_extensions}, {@code allowed_file_upload_methods}) is a 400 {@code invalid_param}.
 */
public final class RunFiles {
    private static final Set<String> TYPES = Set.of("document", "image", "audio", "video", "custom");

    /** The constraints a start variable of type {@code file} / {@code file-list} declares. */
    record FileVariable(String name, boolean list, List<String> types, List<String> extensions,
                        List<String> methods) {
    }

    private final Supplier<FileStore> files;
    private final Supplier<SsrfGuard> guard;

    /** The services are asked for only when a request has files of that kind. */
    public RunFiles(Supplier<FileStore> files, Supplier<SsrfGuard> guard) {
        this.files = files;
        this.guard = guard;
    }

    /** The request's {@code files} as File maps (for {@code sys.files}); {@code null} → empty. */
    public List<Object> systemFiles(Object given) {
        if (given == null) {
            return List.of();
        }
        if (!(given instanceof List<?> l)) {
            throw invalid("files must be a list.");
        }
        List<Object> out = new ArrayList<>(l.size());
        for (Object o : l) {
            out.add(resolve("files", o, null));
        }
        return out;
    }

    /**
     * The inputs with every file-typed start variable's descriptors replaced by File maps (and checked against
     * its constraints); other inputs unchanged.
     */
    public Map<String, Object> inputs(Graph graph, Map<String, Object> inputs) {
        List<FileVariable> vars = fileVariables(graph);
        if (vars.isEmpty()) {
            return inputs;
        }
        Map<String, Object> out = new LinkedHashMap<>(inputs);
        for (FileVariable v : vars) {
            Object given = inputs.get(v.name());
            if (given == null || given instanceof String s && s.isEmpty()) {
                continue; // "required" is the input form's check
            }
            if (v.list()) {
                if (!(given instanceof List<?> l)) {
                    throw invalid(v.name() + " in input form must be a list of files");
                }
                List<Object> resolved = new ArrayList<>(l.size());
                for (Object o : l) {
                    resolved.add(resolve(v.name(), o, v));
                }
                out.put(v.name(), resolved);
            } else {
                out.put(v.name(), resolve(v.name(), given, v));
            }
        }
        return out;
    }

    /** One descriptor → a File map. Already-built File maps are not accepted from clients. */
    Map<String, Object> resolve(String field, Object descriptor, FileVariable constraints) {
        if (!(descriptor instanceof Map<?, ?> d)) {
            throw invalid(field + " must be a file object {type, transfer_method, upload_file_id | url}");
        }
        Object method = d.get("transfer_method");
        Object type = d.get("type");
        if (type != null && !(type instanceof String t && TYPES.contains(t))) {
            throw invalid(field + ": type must be one of image, document, audio, video, custom");
        }
        Map<String, Object> file;
        if ("local_file".equals(method)) {
            if (!(d.get("upload_file_id") instanceof String id) || id.isBlank()) {
                throw invalid(field + ": upload_file_id is required for transfer_method local_file");
            }
            UploadFile f = files.get().file(id).orElseThrow(() -> invalid(field + ": Invalid upload file id " + id));
            file = FileObjects.local(type == null ? UploadTypes.typeOf(f.extension()) : (String) type, f);
        } else if ("remote_url".equals(method)) {
            if (!(d.get("url") instanceof String url) || url.isBlank()) {
                throw invalid(field + ": url is required for transfer_method remote_url");
            }
            file = remote(field, url.trim(), (String) type);
        } else {
            throw invalid(field + ": transfer_method must be local_file or remote_url");
        }
        if (constraints != null) {
            check(constraints, file);
        }
        return file;
    }

    private Map<String, Object> remote(String field, String url, String type) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(field + ": url is not a valid URL: " + e.getMessage());
        }
        if (uri.getHost() == null) {
            throw invalid(field + ": url must be an absolute http(s) URL with a host");
        }
        try {
            guard.get().check(uri);
        } catch (SsrfBlockedException e) {
            throw invalid(field + ": url is not allowed: " + e.getMessage());
        } catch (UnknownHostException e) {
            throw invalid(field + ": url host cannot be resolved: " + uri.getHost());
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String name = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        if (name.isEmpty()) {
            name = uri.getHost();
        }
        String ext = UploadTypes.extension(name);
        return FileObjects.remote(type == null ? UploadTypes.typeOf(ext) : type, url, name, ext, mimeOf(ext));
    }

    private static void check(FileVariable v, Map<String, Object> file) {
        String type = (String) file.get("type");
        String ext = file.get("extension") == null ? "" : ((String) file.get("extension")).toLowerCase(Locale.ROOT);
        String method = (String) file.get("transfer_method");
        boolean extensionAllowed = v.extensions().stream().anyMatch(e -> e.equalsIgnoreCase(ext)
                || ("." + e).equalsIgnoreCase(ext));
        if (!v.types().isEmpty() && !v.types().contains(type)
                && !(v.types().contains("custom") && (v.extensions().isEmpty() || extensionAllowed))) {
            throw invalid(v.name() + ": file type " + type + " is not allowed; allowed: " + v.types());
        }
        if ("custom".equals(type) && !v.extensions().isEmpty() && !extensionAllowed) {
            throw invalid(v.name() + ": file extension " + ext + " is not allowed; allowed: " + v.extensions());
        }
        if (!v.methods().isEmpty() && !v.methods().contains(method)) {
            throw invalid(v.name() + ": upload method " + method + " is not allowed; allowed: " + v.methods());
        }
    }

    /** The start node's file-typed variables with their constraints. */
    static List<FileVariable> fileVariables(Graph graph) {
        List<FileVariable> out = new ArrayList<>();
        for (GraphNode n : graph.nodes()) {
            if (!"start".equals(n.type()) || !(n.data().get("variables") instanceof List<?> vars)) {
                continue;
            }
            for (Object o : vars) {
                if (o instanceof Map<?, ?> v && v.get("variable") instanceof String name
                        && ("file".equals(v.get("type")) || "file-list".equals(v.get("type")))) {
                    out.add(new FileVariable(name, "file-list".equals(v.get("type")), strings(v.get("allowed_file_types")),
                            strings(v.get("allowed_file_extensions")), strings(v.get("allowed_file_upload_methods"))));
                }
            }
            break;
        }
        return out;
    }

    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }

    private static String mimeOf(String ext) {
        return switch (ext) {
            case "pdf" -> "application/pdf";
            case "txt" -> "text/plain";
            case "md", "markdown" -> "text/markdown";
            case "html", "htm" -> "text/html";
            case "csv" -> "text/csv";
            case "json" -> "application/json";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "mp3" -> "audio/mpeg";
            case "mp4" -> "video/mp4";
            default -> "application/octet-stream";
        };
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("invalid_param", message);
    }
}
