package io.tributary.http.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tributary.api.store.FileStore;
import io.tributary.api.store.FileTooLargeException;
import io.tributary.api.store.dto.App;
import io.tributary.api.store.dto.UploadFile;
import io.tributary.api.model.FileTypes;
import io.tributary.http.ApiException;
import io.tributary.http.AppAuth;
import io.tributary.http.ServiceSlot;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;

/**
 * {@code POST /v1/files/upload}: one multipart part {@code file} (and an optional {@code user} field) saved through
 * the {@link FileStore} as an upload of the key's app (usable in that app's runs only); 201 with Dify's upload
 * fields. The size limit holds while the body streams in: a
 * {@code Content-Length} far over it is refused before anything is read, the multipart parser stops a part at the
 * limit, and the store stops again at {@code limit + 1} bytes.
 */
public final class FileRoutes {
    /** Jetty's per-request multipart configuration attribute (Javalin sets it only when absent). */
    static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    /** Room for the multipart framing and the {@code user} field on top of the file itself. */
    static final long ENVELOPE_BYTES = 64 * 1024;
    /** Parts up to this size stay in memory; larger ones are spooled to a temporary file by Jetty. */
    static final int MEMORY_THRESHOLD = 256 * 1024;

    private final AppAuth auth;
    private final ServiceSlot<FileStore> files;
    private final long maxBytes;
    private final String spoolDir;

    public FileRoutes(AppAuth auth, ServiceSlot<FileStore> files, long maxBytes, Path spoolDir) {
        this.auth = auth;
        this.files = files;
        this.maxBytes = maxBytes;
        this.spoolDir = spoolDir.toString();
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/files/upload", this::upload);
    }

    private void upload(Context ctx) throws Exception {
        App app = auth.check(ctx);
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiException.badRequest("no_file_uploaded", "Please upload your file.");
        }
        long length = ctx.contentLength();
        if (length > maxBytes + ENVELOPE_BYTES) {
            throw tooLarge();
        }
        ctx.req().setAttribute(MULTIPART_CONFIG,
                new MultipartConfigElement(spoolDir, maxBytes, maxBytes + ENVELOPE_BYTES, MEMORY_THRESHOLD));
        Collection<Part> parts;
        try {
            parts = ctx.req().getParts();
        } catch (Exception e) {
            if (sizeExceeded(e)) {
                throw tooLarge();
            }
            throw ApiException.badRequest("invalid_param", "The multipart body cannot be read.");
        }
        try {
            List<Part> fileParts = new ArrayList<>();
            String user = null;
            for (Part p : parts) {
                if ("file".equals(p.getName()) || p.getSubmittedFileName() != null) {
                    fileParts.add(p);
                } else if ("user".equals(p.getName())) {
                    try (InputStream in = p.getInputStream()) {
                        user = new String(in.readNBytes(256), java.nio.charset.StandardCharsets.UTF_8).trim();
                    }
                }
            }
            if (fileParts.isEmpty()) {
                throw ApiException.badRequest("no_file_uploaded", "Please upload your file.");
            }
            if (fileParts.size() > 1) {
                throw ApiException.badRequest("too_many_files", "Only one file is allowed.");
            }
            Part part = fileParts.get(0);
            String name = part.getSubmittedFileName();
            if (name == null || name.isBlank()) {
                throw ApiException.badRequest("filename_not_exists_error", "The specified filename does not exist.");
            }
            if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
                throw ApiException.badRequest("invalid_param", "Filename contains invalid characters.");
            }
            if (FileTypes.allowed(FileTypes.extension(name)).isEmpty()) {
                throw new ApiException(415, "unsupported_file_type", "File type not allowed.");
            }
            String mime = part.getContentType();
            if (mime != null && (mime.isBlank() || mime.startsWith("application/octet-stream"))) {
                mime = null; // the store derives it from the extension
            }
            UploadFile saved;
            try (InputStream in = part.getInputStream()) {
                saved = files.get().save(name, mime, user, UploadFile.appScope(app.id()), in, maxBytes);
            } catch (FileTooLargeException e) {
                throw tooLarge();
            }
            ctx.status(201).json(response(saved, user));
        } finally {
            for (Part p : parts) {
                try {
                    p.delete();
                } catch (IOException e) {
                    // a spooled part Jetty could not remove; its temporary directory is cleaned by Jetty too
                }
            }
        }
    }

    static Map<String, Object> response(UploadFile f, String user) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("name", f.name());
        m.put("size", f.size());
        m.put("extension", f.extension());
        m.put("mime_type", f.mimeType());
        m.put("created_by", f.createdBy());
        m.put("created_at", f.createdAt().getEpochSecond());
        m.put("preview_url", null);
        m.put("source_url", null);
        m.put("original_url", null);
        m.put("reference", f.id());
        m.put("user_id", user);
        m.put("tenant_id", null);
        m.put("conversation_id", null);
        m.put("file_key", null);
        return m;
    }

    private ApiException tooLarge() {
        return new ApiException(413, "file_too_large", "File size exceeded. The limit is " + maxBytes + " bytes.");
    }

    /** Jetty's multipart parser says "max file size exceeded" / "max length exceeded" somewhere in the chain. */
    static boolean sizeExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("max file size exceeded") || m.contains("max length exceeded")
                    || m.contains("max request size"))) {
                return true;
            }
        }
        return false;
    }
}
