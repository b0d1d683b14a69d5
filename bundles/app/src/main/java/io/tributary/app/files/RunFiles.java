package io.tributary.app.files;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.app.StartForm;
import io.tributary.api.error.ServiceException;
import io.tributary.api.model.DifyFile;
import io.tributary.api.model.FileTypes;
import io.tributary.api.net.SsrfBlockedException;
import io.tributary.api.net.SsrfGuard;
import io.tributary.api.store.FileStore;
import io.tributary.api.store.dto.UploadFile;

/**
 * Turns the file descriptors of a run request ({@code {type, transfer_method: local_file, upload_file_id}} or
 * {@code {type, transfer_method: remote_url, url}}) into Dify File maps ({@link DifyFile}), in the request's
 * {@code files} and in the start form's {@code file}/{@code file-list} inputs. An unknown upload (or one of another
 * app or of a dataset key: {@link FileStore#file(String, String)}), a URL the SSRF guard refuses or that does not
 * resolve, or a file the start variable does not allow ({@link FileConstraints}) is {@code invalid_param}.
 */
public final class RunFiles {
    private static final Set<String> TYPES = Set.of("document", "image", "audio", "video", "custom");

    private final FileStore files;
    private final SsrfGuard guard;
    private final String scope;

    /** The files of one app's run: only that app's uploads resolve. */
    public RunFiles(FileStore files, SsrfGuard guard, String appId) {
        this.files = files;
        this.guard = guard;
        this.scope = UploadFile.appScope(appId);
    }

    /** The request's {@code files} as File maps (for {@code sys.files}). */
    public List<Object> systemFiles(List<?> given) {
        List<Object> out = new ArrayList<>(given.size());
        for (Object o : given) {
            out.add(resolve("files", o, null));
        }
        return out;
    }

    /**
     * The inputs with every file-typed start variable's descriptors replaced by File maps (and checked against
     * its constraints); other inputs unchanged.
     */
    public Map<String, Object> inputs(StartForm form, Map<String, Object> inputs) {
        List<StartForm.Field> vars = form.fields().stream().filter(StartForm.Field::isFile).toList();
        if (vars.isEmpty()) {
            return inputs;
        }
        Map<String, Object> out = new LinkedHashMap<>(inputs);
        for (StartForm.Field v : vars) {
            Object given = inputs.get(v.variable());
            if (given == null || given instanceof String s && s.isEmpty()) {
                continue; // "required" is the input form's check
            }
            if ("file-list".equals(v.type())) {
                if (!(given instanceof List<?> l)) {
                    throw invalid(v.variable() + " in input form must be a list of files");
                }
                List<Object> resolved = new ArrayList<>(l.size());
                for (Object o : l) {
                    resolved.add(resolve(v.variable(), o, v));
                }
                out.put(v.variable(), resolved);
            } else {
                out.put(v.variable(), resolve(v.variable(), given, v));
            }
        }
        return out;
    }

    /** One descriptor → a File map. Already-built File maps are not accepted from clients. */
    Map<String, Object> resolve(String field, Object descriptor, StartForm.Field constraints) {
        if (!(descriptor instanceof Map<?, ?> d)) {
            throw invalid(field + " must be a file object {type, transfer_method, upload_file_id | url}");
        }
        Object method = d.get("transfer_method");
        Object type = d.get("type");
        if (type != null && !(type instanceof String t && TYPES.contains(t))) {
            throw invalid(field + ": type must be one of image, document, audio, video, custom");
        }
        DifyFile file;
        if ("local_file".equals(method)) {
            if (!(d.get("upload_file_id") instanceof String id) || id.isBlank()) {
                throw invalid(field + ": upload_file_id is required for transfer_method local_file");
            }
            UploadFile f = files.file(id, scope).orElseThrow(() -> invalid(field + ": Invalid upload file id " + id));
            file = DifyFile.local(type == null ? FileTypes.typeOf(f.extension()) : (String) type, f.id(), f.name(),
                    f.extension(), f.mimeType(), f.size());
        } else if ("remote_url".equals(method)) {
            if (!(d.get("url") instanceof String url) || url.isBlank()) {
                throw invalid(field + ": url is required for transfer_method remote_url");
            }
            file = remote(field, url.trim(), (String) type);
        } else {
            throw invalid(field + ": transfer_method must be local_file or remote_url");
        }
        if (constraints != null) {
            FileConstraints.check(constraints, file);
        }
        return file.toMap();
    }

    private DifyFile remote(String field, String url, String type) {
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
            guard.check(uri);
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
        String ext = FileTypes.extension(name);
        return DifyFile.remote(type == null ? FileTypes.typeOf(ext) : type, url, name, ext, FileTypes.mimeOf(ext));
    }

    static ServiceException invalid(String message) {
        return ServiceException.invalidParam(message);
    }
}
