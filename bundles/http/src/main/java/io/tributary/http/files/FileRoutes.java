package io.tributary.http.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
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
import io.tributary.http.Uploads;

/**
 * {@code POST /v1/files/upload}: one multipart part {@code file} (and an optional {@code user} field) saved through
 * the {@link FileStore} as an upload of the key's app (usable in that app's runs only); 201 with Dify's upload
 * fields. The body is read by {@link Uploads} (every malformed body a 400). The size limit holds while the body
 * streams in: a {@code Content-Length} far over it is refused before anything is read, the multipart parser stops
 * a part at the limit, and the store stops again at {@code limit + 1} bytes.
 */
public final class FileRoutes {
    private final AppAuth auth;
    private final ServiceSlot<FileStore> files;
    private final long maxBytes;
    private final Uploads uploads;

    public FileRoutes(AppAuth auth, ServiceSlot<FileStore> files, long maxBytes, Uploads uploads) {
        this.auth = auth;
        this.files = files;
        this.maxBytes = maxBytes;
        this.uploads = uploads;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/files/upload", this::upload);
    }

    private void upload(Context ctx) throws IOException {
        App app = auth.check(ctx);
        try (Uploads.Form form = uploads.read(ctx, maxBytes)) {
            Uploads.FilePart part = form.single("file");
            String user = form.field("user", 256);
            String name = part.name();
            if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
                throw ApiException.badRequest("invalid_param", "Filename contains invalid characters.");
            }
            if (FileTypes.allowed(FileTypes.extension(name)).isEmpty()) {
                throw new ApiException(415, "unsupported_file_type", "File type not allowed.");
            }
            String mime = part.contentType();
            if (mime != null && mime.startsWith("application/octet-stream")) {
                mime = null; // the store derives it from the extension
            }
            UploadFile saved;
            try (InputStream in = part.open()) {
                saved = files.get().save(name, mime, user, UploadFile.appScope(app.id()), in, maxBytes);
            } catch (FileTooLargeException e) {
                throw Uploads.tooLarge(maxBytes);
            }
            ctx.status(201).json(response(saved, user));
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
}
